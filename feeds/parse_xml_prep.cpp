// The pre-pass that makes real-world feeds acceptable to pugixml, which stops at the first
// error and knows only XML's five named entities. One linear scan; never loads anything: the
// DOCTYPE is dropped, and only its internal entities with literal values survive, expanded one
// level deep within a total budget (so an entity bomb stays small).
#include <string>
#include <unordered_map>

#include "feeds/parse_entities.h"
#include "feeds/parse_internal.h"

namespace redline {

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'a' && c <= 'z') c = char(c - 32);
    if (c != word[i]) return false;
  }
  return true;
}

class XmlPrep {
 public:
  XmlPrep(std::string_view in, std::vector<std::string>& warnings)
      : in_(in), warnings_(warnings), budget_(in.size() * 4 + (1u << 20)) {
    out_.reserve(in.size() + in.size() / 32 + 64);
  }

  std::string run() {
    std::size_t i = 0;
    while (i < in_.size()) {
      std::size_t j = i;
      while (j < in_.size() && in_[j] != '<' && in_[j] != '&') ++j;
      out_.append(in_.data() + i, j - i);
      if (j >= in_.size()) break;
      i = in_[j] == '&' ? reference(j, false) : markup(j);
    }
    close_all();
    if (unbalanced_) warnings_.push_back(std::to_string(unbalanced_) + " mismatched end tags repaired");
    if (stray_) warnings_.push_back(std::to_string(stray_) + " stray '&' or '<' escaped");
    if (over_budget_) warnings_.push_back("entity expansion stopped at its size limit");
    return std::move(out_);
  }

 private:
  // Copies the construct that starts at in_[i] == '<' (or repairs it); returns where to go on.
  std::size_t markup(std::size_t i) {
    const char next = i + 1 < in_.size() ? in_[i + 1] : '\0';
    if (next == '!') {
      if (in_.compare(i, 4, "<!--") == 0) return copy_through(i, "-->");
      if (in_.compare(i, 9, "<![CDATA[") == 0) return copy_through(i, "]]>");
      if (starts_with_ci(in_, i, "<!DOCTYPE")) return doctype(i);
    }
    if (next == '?') return copy_through(i, "?>");
    if (is_name_start(next) || (next == '/' && i + 2 < in_.size() && is_name_start(in_[i + 2])))
      return tag(i);
    out_ += "&lt;";
    ++stray_;
    return i + 1;
  }

  std::size_t copy_through(std::size_t i, std::string_view close) {
    const std::size_t end = in_.find(close, i);
    if (end == std::string_view::npos) {  // unterminated: keep what is there, closed
      out_.append(in_.substr(i));
      out_ += close;
      return in_.size();
    }
    out_.append(in_.substr(i, end + close.size() - i));
    return end + close.size();
  }

  // A start or end tag: attribute values get the same reference repair as text. End tags are
  // matched against the open elements: a missing end tag is supplied (as an HTML parser would
  // close a <p>), an end tag that closes nothing is dropped.
  std::size_t tag(std::size_t i) {
    const bool closing = in_[i + 1] == '/';
    std::size_t p = i + (closing ? 2 : 1);
    const std::size_t name_start = p;
    while (p < in_.size() && !is_space(in_[p]) && in_[p] != '>' && in_[p] != '/' && in_[p] != '<') ++p;
    const std::string_view name = in_.substr(name_start, p - name_start);
    const std::size_t before = out_.size();
    out_.append(in_.substr(i, p - i));
    char quote = 0;
    bool self_closing = false;
    while (true) {
      if (p >= in_.size()) {  // truncated inside the tag: close it
        out_ += '>';
        break;
      }
      const char c = in_[p];
      if (quote) {
        if (c == '&') { p = reference(p, true); continue; }
        if (c == '<') { out_ += "&lt;"; ++p; continue; }
        if (c != quote) {  // the rest of a quoted value in one append
          std::size_t q = p + 1;
          while (q < in_.size() && in_[q] != quote && in_[q] != '&' && in_[q] != '<') ++q;
          out_.append(in_.data() + p, q - p);
          p = q;
          continue;
        }
        quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = in_[p - 1] == '/';
        out_ += '>';
        ++p;
        break;
      } else if (c == '<') {  // a tag that never closed: close it here
        out_ += '>';
        break;
      }
      out_ += c;
      ++p;
    }
    if (!closing) {
      if (!self_closing) open_.push_back(name);
    } else {
      close_element(name, before);
    }
    return p;
  }

  // Balances the end tag `name` just written at out_[before]: closes what it skips, or drops it.
  void close_element(std::string_view name, std::size_t before) {
    if (!open_.empty() && open_.back() == name) {
      open_.pop_back();
      return;
    }
    std::size_t k = open_.size();
    const std::size_t floor = open_.size() > 256 ? open_.size() - 256 : 0;
    while (k > floor && open_[k - 1] != name) --k;
    ++unbalanced_;
    if (k == floor && (k == 0 || open_[k - 1] != name)) {
      out_.resize(before);
      return;
    }
    std::string closes;
    for (std::size_t j = open_.size(); j > k; --j) {
      closes += "</";
      closes.append(open_[j - 1]);
      closes += '>';
    }
    out_.insert(before, closes);
    open_.resize(k - 1);
  }

  void close_all() {
    if (!open_.empty()) warnings_.push_back(std::to_string(open_.size()) + " unclosed elements closed at the end");
    for (std::size_t j = open_.size(); j > 0; --j) {
      out_ += "</";
      out_.append(open_[j - 1]);
      out_ += '>';
    }
    open_.clear();
  }

  // A reference at in_[i] == '&': kept when XML knows it, translated when HTML does.
  std::size_t reference(std::size_t i, bool in_attribute) {
    std::size_t p = i + 1;
    if (p < in_.size() && in_[p] == '#') return numeric_reference(i, in_attribute);
    while (p < in_.size() && p - i < 64 && (is_name_start(in_[p]) || (in_[p] >= '0' && in_[p] <= '9') ||
                                            in_[p] == '-' || in_[p] == '.'))
      ++p;
    const std::string_view name = in_.substr(i + 1, p - i - 1);
    if (p < in_.size() && in_[p] == ';' && !name.empty()) {
      if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
        out_.append(in_.substr(i, p + 1 - i));
        return p + 1;
      }
      if (const auto it = entities_.find(std::string(name)); it != entities_.end()) {
        expand(it->second);
        return p + 1;
      }
    }
    std::string decoded;
    const std::size_t n = decode_char_ref(in_, i, in_attribute, decoded);
    if (n == 0) {
      out_ += "&amp;";
      ++stray_;
      return i + 1;
    }
    append_escaped(decoded);
    return i + n;
  }

  std::size_t numeric_reference(std::size_t i, bool in_attribute) {
    std::string decoded;
    const std::size_t n = decode_char_ref(in_, i, in_attribute, decoded);
    if (n == 0) {
      out_ += "&amp;";
      ++stray_;
      return i + 1;
    }
    append_escaped(decoded);
    return i + n;
  }

  void append_escaped(std::string_view text) {
    for (char c : text) {
      if (c == '&') out_ += "&amp;";
      else if (c == '<') out_ += "&lt;";
      else if (c == '"') out_ += "&quot;";
      else if (c == '\'') out_ += "&apos;";
      else if (static_cast<unsigned char>(c) < 0x20 && !is_space(c)) out_ += "\xEF\xBF\xBD";
      else out_ += c;
    }
  }

  // An internal entity's value: its own references are read once; other internal entities
  // inside it are not expanded again (that recursion is what makes an entity bomb).
  void expand(const std::string& value) {
    if (value.size() > budget_) {
      over_budget_ = true;
      return;
    }
    budget_ -= value.size();
    std::string decoded;
    for (std::size_t k = 0; k < value.size();) {
      if (value[k] == '&') {
        const std::size_t n = decode_char_ref(value, k, false, decoded);
        if (n) { k += n; continue; }
      }
      decoded += value[k++];
    }
    append_escaped(decoded);
  }

  // Skips the DOCTYPE, remembering `<!ENTITY name "literal">` from its internal subset.
  std::size_t doctype(std::size_t i) {
    std::size_t p = i + 9;
    char quote = 0;
    bool subset = false;
    while (p < in_.size()) {
      const char c = in_[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        subset = true;
      } else if (c == ']') {
        subset = false;
      } else if (subset && in_.compare(p, 8, "<!ENTITY") == 0) {
        p = entity_declaration(p + 8);
        continue;
      } else if (subset && in_.compare(p, 4, "<!--") == 0) {
        const std::size_t end = in_.find("-->", p + 4);
        p = end == std::string_view::npos ? in_.size() : end + 3;
        continue;
      } else if (c == '>' && !subset) {
        return p + 1;
      }
      ++p;
    }
    return p;
  }

  std::size_t entity_declaration(std::size_t p) {
    auto skip_space = [&] { while (p < in_.size() && is_space(in_[p])) ++p; };
    skip_space();
    const bool parameter = p < in_.size() && in_[p] == '%';
    if (parameter) { ++p; skip_space(); }
    const std::size_t name_start = p;
    while (p < in_.size() && !is_space(in_[p]) && in_[p] != '>' && in_[p] != '"' && in_[p] != '\'') ++p;
    const std::string name(in_.substr(name_start, p - name_start));
    skip_space();
    if (p < in_.size() && (in_[p] == '"' || in_[p] == '\'')) {
      const char q = in_[p];
      const std::size_t end = in_.find(q, p + 1);
      if (end == std::string_view::npos) return in_.size();
      if (!parameter && !name.empty() && end - p - 1 <= 65536 && entities_.size() < 1000)
        entities_.emplace(name, std::string(in_.substr(p + 1, end - p - 1)));
      p = end + 1;
    } else if (!parameter) {
      warnings_.push_back("external entity \"" + name + "\" ignored");
    }
    const std::size_t close = in_.find('>', p);
    return close == std::string_view::npos ? in_.size() : close + 1;
  }

  std::string_view in_;
  std::vector<std::string>& warnings_;
  std::string out_;
  std::unordered_map<std::string, std::string> entities_;
  std::size_t budget_;
  std::vector<std::string_view> open_;  // names of the elements open at this point
  std::size_t stray_ = 0;
  std::size_t unbalanced_ = 0;
  bool over_budget_ = false;
};

}  // namespace

std::string prepare_xml(std::string_view utf8, std::vector<std::string>& warnings) {
  return XmlPrep(utf8, warnings).run();
}

}  // namespace redline
