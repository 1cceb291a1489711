// Loading a watchlist file: TOML to a compiled Watchlist. Every error names the file and line;
// unknown keys are rejected so that a misspelt "exlcude" cannot silently disable a rule.
#include <algorithm>
#include <fstream>
#include <sstream>

#include "topics/text.h"
#include "topics/watchlist_loader.h"

namespace redline {

namespace topics_detail {

std::string Loader::expand(const std::string& raw, int line, int depth) const {
  if (depth > kMaxVocabDepth) fail_at(line, "vocabulary nested too deeply (a cycle?)");
  const std::string p = topics_detail::normalize_pattern(raw);
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) {
      out += p.substr(i, 2);
      ++i;
      continue;
    }
    if (p[i] == '{' && i + 1 < p.size() &&
        ((p[i + 1] >= 'a' && p[i + 1] <= 'z') || p[i + 1] == '_')) {
      const auto close = p.find('}', i);
      if (close == std::string::npos) fail_at(line, "unclosed {vocabulary} in '" + raw + "'");
      const std::string name = p.substr(i + 1, close - i - 1);
      const auto it = vocab_.find(name);
      if (it == vocab_.end()) fail_at(line, "unknown vocabulary {" + name + "}");
      std::string alt;
      for (const auto& src : it->second) {
        if (!alt.empty()) alt += '|';
        alt += expand(src.pattern, src.line, depth + 1);
      }
      out += "(?:" + alt + ")";
      i = close;
      continue;
    }
    out += p[i];
  }
  if (out.size() > kMaxPatternBytes) fail_at(line, "pattern too long after expansion");
  return out;
}

}  // namespace topics_detail

namespace {

using topics_detail::Loader;
using topics_detail::LoadError;
using topics_detail::PatternList;
using topics_detail::PatternSource;

void read_header(const Loader& l, const toml::table& root, Watchlist& w) {
  const auto* h = l.table(root, "watchlist");
  if (!h) l.fail(&root, "missing [watchlist] table (name, question)");
  l.only_keys(*h, {"name", "question", "languages"}, "[watchlist]");
  w.name = l.string(*h, "name", true, "[watchlist]");
  w.question = l.string(*h, "question", false, "[watchlist]");
  for (auto& s : l.strings(h->get("languages"), "languages")) w.languages.push_back(s.pattern);
}

// Each [grammar.LANG] key and the list it fills; one row per key, so a new key cannot be
// listed without its list.
struct GrammarKey {
  const char* key;
  PatternList Grammar::*list;
};
constexpr GrammarKey kGrammarKeys[] = {
    {"denial", &Grammar::denial},
    {"not_denial", &Grammar::not_denial},
    {"rhetoric", &Grammar::rhetoric},
    {"action", &Grammar::action},
    {"speech", &Grammar::speech},
    {"clause_break", &Grammar::clause_break},
    {"presuppose", &Grammar::presuppose},
    {"increment", &Grammar::increment},
    {"total", &Grammar::total},
    {"noun_after", &Grammar::noun_after},
    {"link", &Grammar::link},
    {"postposed", &Grammar::postposed},
    {"infinitive", &Grammar::infinitive},
    {"retrospective", &Grammar::retrospective},
    {"frame", &Grammar::frame},
    {"participle", &Grammar::participle},
    {"aside", &Grammar::aside},
    {"plan_noun", &Grammar::plan_noun},
    {"modal", &Grammar::modal},
    {"determiner", &Grammar::determiner},
    {"reaction", &Grammar::reaction},
    {"offshore", &Grammar::offshore},
    {"noun_before", &Grammar::noun_before},
    {"news_label", &Grammar::news_label},
    {"noun_hedge", &Grammar::noun_hedge},
    {"dated", &Grammar::dated},
    {"explainer", &Grammar::explainer},
    {"opinion_label", &Grammar::opinion_label},
    {"attribution", &Grammar::attribution},
};

// Three literal indexes (topics/literal.h): the topic gate asks every item about the act lists
// only, and an item that passes is asked about nearly all the others on its text, and about the
// labels on its title alone. A walk covers every list of its index, so the labels have their
// own (in the others' index a title's walk covered every list for two of them). The act lists
// in the others' index would spare the items that pass the gate a walk (classifying varied news
// 2-7 % faster), and cost every other item a walk of the whole trie: with a third of the items
// on the question (bench/run.sh's default) a cold poll took 4-6 % more CPU (issue #8).
void share_literal_indexes(Watchlist& w) {
  std::vector<PatternList*> acts, others,
      titles = {&w.grammar.news_label, &w.grammar.opinion_label};
  for (const auto& key : kGrammarKeys) {
    PatternList* list = &(w.grammar.*key.list);
    if (std::find(titles.begin(), titles.end(), list) == titles.end()) others.push_back(list);
  }
  others.push_back(&w.units);
  for (auto& kind : w.entities) others.push_back(&kind.patterns);
  for (auto& t : w.topics) {
    acts.push_back(&t.act);
    for (auto* list : {&t.done, &t.actor, &t.other_actor, &t.where, &t.exclude, &t.denial, &t.place,
                       &t.implicit_actor, &t.inside})
      others.push_back(list);
  }
  PatternList::share_literal_index(acts);
  PatternList::share_literal_index(others);
  PatternList::share_literal_index(titles);
}

void read_grammar(const Loader& l, const toml::table& root, Grammar& g) {
  std::set<std::string> keys;
  for (const auto& k : kGrammarKeys) keys.insert(k.key);
  std::vector<std::vector<PatternSource>> merged(std::size(kGrammarKeys));
  if (const auto* gt = l.table(root, "grammar")) {
    for (const auto& [lang, node] : *gt) {
      if (!node.is_table())
        l.fail(&node, "grammar." + std::string(lang.str()) + " must be a table");
      const auto& t = *node.as_table();
      const std::string where = "[grammar." + std::string(lang.str()) + "]";
      l.only_keys(t, keys, where);
      for (std::size_t k = 0; k < std::size(kGrammarKeys); ++k) {
        auto list = l.patterns(t.get(kGrammarKeys[k].key), where + " " + kGrammarKeys[k].key);
        merged[k].insert(merged[k].end(), list.begin(), list.end());
      }
    }
  }
  for (std::size_t k = 0; k < std::size(kGrammarKeys); ++k)
    g.*kGrammarKeys[k].list = l.compile({merged[k]});
}

void read_units(const Loader& l, const toml::table& root, Watchlist& w) {
  std::vector<std::vector<PatternSource>> groups;
  if (const auto* u = l.table(root, "units")) {
    for (const auto& [label, node] : *u) {
      w.unit_names.emplace_back(label.str());
      groups.push_back(l.patterns(&node, "units." + std::string(label.str())));
    }
  }
  w.units = l.compile(groups);
}

void read_entities(const Loader& l, const toml::table& root, Watchlist& w) {
  const auto* e = l.table(root, "entities");
  if (!e) return;
  for (const auto& [kind, node] : *e) {
    if (!node.is_table()) l.fail(&node, "entities." + std::string(kind.str()) + " must be a table");
    EntityKind ek;
    ek.kind = std::string(kind.str());
    std::vector<std::vector<PatternSource>> groups;
    for (const auto& [name, pats] : *node.as_table()) {
      ek.names.emplace_back(name.str());
      groups.push_back(l.patterns(&pats, "entities." + ek.kind + "." + std::string(name.str())));
    }
    ek.patterns = l.compile(groups);
    w.entities.push_back(std::move(ek));
  }
}

std::shared_ptr<const Watchlist> build(const toml::table& root, const std::string& file) {
  Loader l(file);
  l.only_keys(root, {"watchlist", "vocab", "grammar", "units", "entities", "topic"},
              "the top level");
  auto w = std::make_shared<Watchlist>();
  read_header(l, root, *w);
  l.read_vocab(root);
  read_grammar(l, root, w->grammar);
  read_units(l, root, *w);
  read_entities(l, root, *w);
  topics_detail::read_topics(l, root, *w);
  share_literal_indexes(*w);
  return w;
}

}  // namespace

Result<std::shared_ptr<const Watchlist>> parse_watchlist(std::string_view toml_text,
                                                         const std::string& name) {
  try {
    const toml::table root = toml::parse(toml_text, name);
    return build(root, name);
  } catch (const toml::parse_error& e) {
    return make_error(name + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()));
  } catch (const LoadError& e) {
    return make_error(e.message);
  }
}

Result<std::shared_ptr<const Watchlist>> load_watchlist(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ":1: cannot open the watchlist file");
  std::ostringstream text;
  text << in.rdbuf();
  if (text.str().size() > 8 * 1024 * 1024) return make_error(path + ":1: file too large");
  return parse_watchlist(text.str(), path);
}

}  // namespace redline
