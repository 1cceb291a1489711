// Reading the [[topic]] array of a watchlist: each topic's rules, the units its numbers count,
// and its tracked facts with their baselines.
#include <algorithm>

#include "topics/watchlist_loader.h"

namespace redline::topics_detail {

namespace {

Severity read_severity(const Loader& l, const toml::table& t, const std::string& where) {
  const std::string s = l.string(t, "severity", false, where);
  if (s.empty() || s == "warning") return Severity::warning;
  if (s == "info") return Severity::info;
  if (s == "critical") return Severity::critical;
  l.fail(t.get("severity"), "severity must be info, warning or critical, not \"" + s + "\"");
}

int index_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

FactSpec read_fact(const Loader& l, const toml::table& f, const Watchlist& w,
                   const TopicRules& topic) {
  const std::string where = "[[topic.fact]] of topic \"" + topic.info.name + "\"";
  l.only_keys(f, {"name", "kind", "unit", "entities", "baseline", "as_of", "note"}, where);
  FactSpec spec;
  spec.name = l.string(f, "name", true, where);
  spec.kind = l.string(f, "kind", true, where);
  if (spec.kind == "number") {
    spec.unit = l.string(f, "unit", true, where);
    if (index_of(w.unit_names, spec.unit) < 0) {
      l.fail(f.get("unit"), "unit \"" + spec.unit + "\" is not defined in [units]");
    }
  } else if (spec.kind == "set") {
    spec.entities = l.string(f, "entities", true, where);
    const bool known = std::any_of(w.entities.begin(), w.entities.end(),
                                   [&](const EntityKind& e) { return e.kind == spec.entities; });
    if (!known) l.fail(f.get("entities"), "no [entities." + spec.entities + "] table");
  } else if (spec.kind != "text") {
    l.fail(f.get("kind"), "kind must be number, set or text, not \"" + spec.kind + "\"");
  }
  return spec;
}

TopicRules read_topic(const Loader& l, const toml::table& t, Watchlist& w) {
  TopicRules topic;
  l.only_keys(t,
              {"name", "severity", "description", "alert_on_fact_change", "act", "done", "actor",
               "other_actor", "where", "exclude", "numbers", "unmarked", "fact", "denial", "place",
               "implicit_actor", "inside"},
              "[[topic]]");
  topic.info.name = l.string(t, "name", true, "[[topic]]");
  const std::string where = "topic \"" + topic.info.name + "\"";
  topic.info.description = l.string(t, "description", false, where);
  topic.info.severity = read_severity(l, t, where);
  if (const auto* n = t.get("alert_on_fact_change")) {
    if (!n->is_boolean()) l.fail(n, "alert_on_fact_change must be true or false");
    topic.info.alert_on_fact_change = n->as_boolean()->get();
  }
  if (!t.get("act")) l.fail(&t, where + " has no \"act\" patterns");
  topic.act = l.compile_key(t, "act", where);
  topic.done = l.compile_key(t, "done", where);
  topic.actor = l.compile_key(t, "actor", where);
  topic.other_actor = l.compile_key(t, "other_actor", where);
  topic.where = l.compile_key(t, "where", where);
  topic.exclude = l.compile_key(t, "exclude", where);
  topic.denial = l.compile_key(t, "denial", where);
  topic.place = l.compile_key(t, t.get("place") ? "place" : "where", where);
  topic.implicit_actor = l.compile_key(t, "implicit_actor", where);
  topic.inside = l.compile_key(t, "inside", where);
  for (const auto& u : l.strings(t.get("numbers"), "numbers")) {
    const int idx = index_of(w.unit_names, u.pattern);
    if (idx < 0) l.fail_at(u.line, "unit \"" + u.pattern + "\" is not defined in [units]");
    topic.number_units.push_back(idx);
  }
  const std::string unmarked = l.string(t, "unmarked", false, where);
  if (!unmarked.empty()) {
    const auto s = stance_from_string(unmarked);
    if (!s) l.fail(t.get("unmarked"), "unmarked must be action, rhetoric or denial");
    topic.unmarked = *s;
  }
  return topic;
}

}  // namespace

void read_topics(const Loader& l, const toml::table& root, Watchlist& w) {
  const toml::node* n = root.get("topic");
  if (!n) l.fail(&root, "no [[topic]] defined");
  if (!n->is_array_of_tables()) l.fail(n, "topic must be an array of tables ([[topic]])");
  for (const auto& el : *n->as_array()) {
    const auto& t = *el.as_table();
    TopicRules topic = read_topic(l, t, w);
    for (const auto& other : w.topics) {
      if (other.info.name == topic.info.name)
        l.fail(&t, "duplicate topic \"" + topic.info.name + "\"");
    }
    if (const toml::node* facts = t.get("fact")) {
      if (!facts->is_array_of_tables())
        l.fail(facts, "fact must be an array of tables ([[topic.fact]])");
      for (const auto& f : *facts->as_array()) {
        const auto& ft = *f.as_table();
        topic.facts.push_back(read_fact(l, ft, w, topic));
        FactBaseline base;
        base.topic = topic.info.name;
        base.fact = topic.facts.back().name;
        for (const auto& v : l.strings(ft.get("baseline"), "baseline"))
          base.values.push_back(v.pattern);
        base.as_of = l.string(ft, "as_of", false, "fact");
        base.note = l.string(ft, "note", false, "fact");
        w.baselines.push_back(std::move(base));
      }
    }
    w.infos.push_back(topic.info);
    w.topics.push_back(std::move(topic));
  }
}

}  // namespace redline::topics_detail
