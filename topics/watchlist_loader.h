// The watchlist loader's reading helpers, shared by the files that read each part of the TOML
// (watchlist_load.cpp: header, grammar, units, entities; watchlist_topics.cpp: topics and facts).
// Any problem throws LoadError with "FILE:LINE: reason"; parse_watchlist turns it into a Result.
#pragma once

#include <toml++/toml.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "topics/patterns.h"
#include "topics/watchlist.h"

namespace redline::topics_detail {

struct LoadError {
  std::string message;
};

constexpr int kMaxVocabDepth = 8;
constexpr std::size_t kMaxPatternBytes = 64 * 1024;

class Loader {
 public:
  explicit Loader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& reason) const {
    const int line = node && node->source().begin.line > 0
                         ? static_cast<int>(node->source().begin.line) : 1;
    fail_at(line, reason);
  }
  [[noreturn]] void fail_at(int line, const std::string& reason) const {
    throw LoadError{file_ + ":" + std::to_string(line) + ": " + reason};
  }

  void only_keys(const toml::table& t, const std::set<std::string>& allowed,
                 const std::string& where) const {
    for (const auto& [key, value] : t) {
      if (!allowed.count(std::string(key.str()))) {
        fail(&value, "unknown key \"" + std::string(key.str()) + "\" in " + where);
      }
    }
  }

  const toml::table* table(const toml::table& t, const char* key) const {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) fail(n, std::string(key) + " must be a table");
    return n->as_table();
  }

  std::string string(const toml::table& t, const char* key, bool required,
                     const std::string& where) const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(&t, "missing \"" + std::string(key) + "\" in " + where);
      return {};
    }
    if (!n->is_string()) fail(n, std::string(key) + " must be a string");
    return std::string(n->as_string()->get());
  }

  // An array of strings, each with its line.
  std::vector<PatternSource> strings(const toml::node* n, const std::string& what) const {
    std::vector<PatternSource> out;
    if (!n) return out;
    if (!n->is_array()) fail(n, what + " must be an array of strings");
    for (const auto& el : *n->as_array()) {
      if (!el.is_string()) fail(&el, what + " must contain only strings");
      out.push_back({std::string(el.as_string()->get()),
                     static_cast<int>(el.source().begin.line)});
    }
    return out;
  }

  void read_vocab(const toml::table& root) {
    const auto* v = table(root, "vocab");
    if (!v) return;
    for (const auto& [key, value] : *v) {
      vocab_[std::string(key.str())] = strings(&value, "vocab." + std::string(key.str()));
    }
  }

  // Normalizes a pattern and replaces every {name} with the alternation of that vocabulary.
  std::string expand(const std::string& raw, int line, int depth) const;

  std::vector<PatternSource> patterns(const toml::node* n, const std::string& what) const {
    auto list = strings(n, what);
    for (auto& src : list) {
      if (src.pattern.empty()) fail_at(src.line, what + ": empty pattern");
      src.pattern = expand(src.pattern, src.line, 0);
    }
    return list;
  }

  PatternList compile(const std::vector<std::vector<PatternSource>>& groups) const {
    auto list = PatternList::compile(groups, file_);
    if (!list) throw LoadError{list.error().message};
    return std::move(list.value());
  }

  PatternList compile_key(const toml::table& t, const char* key, const std::string& where) const {
    return compile({patterns(t.get(key), where + "." + key)});
  }

  const std::string& file() const { return file_; }

 private:
  std::string file_;
  std::map<std::string, std::vector<PatternSource>> vocab_;
};

void read_topics(const Loader& l, const toml::table& root, Watchlist& w);

}  // namespace redline::topics_detail
