// Combining the verdicts on every occurrence of a topic's act into one Match, with its
// confidence, evidence, numbers, entities and proposed fact updates.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "topics/stance_detail.h"

namespace redline::topics_detail {

namespace {

int rank(Stance s, bool cued) {
  if (!cued) return 0;
  switch (s) {
    case Stance::denial:
      return 3;
    case Stance::action:
      return 2;
    case Stance::rhetoric:
      return 1;
  }
  return 0;
}

// A summary sentence that reports the act in so many words: an action verb of its own, bound
// to the topic's actor next to it ("US drones destroyed three labs"), not a presumption, and no
// date placing it before the news ("deployed 1,500 troops in January" is context).
bool reports_in_summary(const Analysis& a, const Verdict& v) {
  if (v.sentence == 0 || !v.cued || v.stance != Stance::action || v.presumed ||
      v.binding != Binding::us_strong || v.cue_kind != "action")
    return false;
  const auto& sen = a.sentences[static_cast<std::size_t>(v.sentence)];
  return !any_within(a.dated, sen.begin, sen.end);
}

// The verdict that speaks for the item: a denial anywhere, else the title's, else the first
// cued one in the summary, else the first. A title that only presumes the act ("US strikes on
// cartels: ...") gives way to a summary that says what happened ("strikes would follow if"),
// and so does a title of threats when the summary reports the act ("Hegseth warns of more
// strikes" / "hours after US drones destroyed three labs").
const Verdict& choose(const Analysis& a, const std::vector<Verdict>& vs) {
  for (const auto& v : vs) {
    if (v.cued && v.stance == Stance::denial) return v;
  }
  const Verdict* title = nullptr;
  for (const auto& v : vs) {
    if (v.sentence == 0 && (!title || rank(v.stance, v.cued) > rank(title->stance, title->cued)))
      title = &v;
  }
  if (title && title->cued && title->stance == Stance::rhetoric &&
      (title->cue_kind == "rhetoric" || title->cue_kind == "future")) {
    const auto report = std::find_if(vs.begin(), vs.end(),
                                     [&](const Verdict& v) { return reports_in_summary(a, v); });
    if (report != vs.end()) return *report;
  }
  if (title && title->cued && !title->presumed) return *title;
  // A question in the summary asks; a later sentence that answers it says what happened (a
  // transcript: "Q: Can you confirm the strike? A: U.S. forces conducted a strike…").
  for (const auto& v : vs) {
    if (v.cued && !v.presumed && v.cue_kind != "question") return v;
  }
  for (const auto& v : vs) {
    if (v.cued && !v.presumed) return v;
  }
  return title ? *title : vs.front();
}

double confidence(const Analysis& a, const TopicHits& t, const Verdict& v) {
  double c = 0.45;
  if (v.binding == Binding::us_strong) c += 0.2;
  const auto& sen = a.sentences[static_cast<std::size_t>(v.sentence)];
  if (any_within(t.where, sen.begin, sen.end)) c += 0.1;
  if (v.cued) c += 0.15;
  if (v.sentence == 0) c += 0.05;
  if (v.topic_cue) c += 0.05;
  return std::round(std::min(0.98, c) * 100) / 100;  // two decimals: a score, not a measurement
}

std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

std::string evidence(const Analysis& a, const TopicHits& t, const Verdict& v) {
  std::string e = "act: " + quoted(a.span(v.act));
  if (!v.actor.empty())
    e += " | actor: " + quoted(v.actor) + (v.binding == Binding::us_weak ? " (item)" : "");
  const auto& sen = a.sentences[static_cast<std::size_t>(v.sentence)];
  const Hit* where = nullptr;
  for (const auto& h : t.where) {
    if (!where || (h.begin >= sen.begin && h.end <= sen.end &&
                   !(where->begin >= sen.begin && where->end <= sen.end)))
      where = &h;
  }
  if (where) e += " | where: " + quoted(a.span(*where));
  e += " | stance: " + std::string(to_string(v.stance));
  if (v.cued)
    e += " (" + v.cue_kind + " " + quoted(v.cue) + ")";
  else
    e += " (no cue: topic default)";
  e += v.sentence == 0 ? " in title" : " in summary";
  return e;
}

std::string format_value(double v) {
  char buf[32];
  if (std::floor(v) == v && std::fabs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%.0f", v);
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

void add_facts(const Watchlist& w, const TopicRules& topic, const Analysis& a,
               const std::vector<NumberHit>& numbers, const Verdict& v, Match& m) {
  const auto& sen = a.sentences[static_cast<std::size_t>(v.sentence)];
  for (const auto& spec : topic.facts) {
    if (spec.kind == "number") {
      const NumberHit* pick = nullptr;
      for (const auto& n : numbers) {
        if (w.unit_names[static_cast<std::size_t>(n.unit)] != spec.unit) continue;
        if (n.total && (!pick || !pick->total))
          pick = &n;
        else if (!pick && !n.increment)
          pick = &n;
      }
      if (pick) m.facts.push_back({spec.name, format_value(pick->value), false});
    } else if (spec.kind == "set") {
      for (std::size_t k = 0; k < w.entities.size(); ++k) {
        if (w.entities[k].kind != spec.entities) continue;
        // Members named where the act is reported, else anywhere in the item.
        bool in_sentence = any_within(a.entities[k], sen.begin, sen.end);
        for (const auto& h : a.entities[k]) {
          if (in_sentence && !(h.begin >= sen.begin && h.end <= sen.end)) continue;
          const auto& name = w.entities[k].names[static_cast<std::size_t>(h.label)];
          const bool seen = std::any_of(m.facts.begin(), m.facts.end(), [&](const FactUpdate& f) {
            return f.fact == spec.name && f.value == name;
          });
          if (!seen) m.facts.push_back({spec.name, name, true});
        }
      }
    }
  }
}

void add_numbers_and_entities(const Watchlist& w, const TopicRules& topic, const Analysis& a,
                              const std::vector<NumberHit>& numbers, Match& m) {
  for (const auto& n : numbers) {
    if (std::find(topic.number_units.begin(), topic.number_units.end(), n.unit) ==
        topic.number_units.end())
      continue;
    const auto& what = w.unit_names[static_cast<std::size_t>(n.unit)];
    const bool seen = std::any_of(m.numbers.begin(), m.numbers.end(), [&](const Number& x) {
      return x.value == n.value && x.what == what;
    });
    if (!seen) m.numbers.push_back({n.value, what});
  }
  for (std::size_t k = 0; k < w.entities.size(); ++k) {
    for (const auto& h : a.entities[k]) {
      const auto& name = w.entities[k].names[static_cast<std::size_t>(h.label)];
      if (std::find(m.entities.begin(), m.entities.end(), name) == m.entities.end())
        m.entities.push_back(name);
    }
  }
}

// A verdict a cue in a scope of its own decides for the whole topic: the act's clause named none
// of the topic's acts, so the cue stands for the act, bound only loosely to the US.
Verdict scope_verdict(const Analysis& a, const Hit& cue, int sentence, Stance stance,
                      const char* kind) {
  Verdict v;
  v.act = cue;
  v.sentence = sentence;
  v.binding = Binding::us_weak;
  v.stance = stance;
  v.cued = true;
  v.cue = std::string(a.span(cue));
  v.cue_kind = kind;
  return v;
}

// Words of `scope` after the hit `h`.
int words_after(const Analysis& a, const Hit& h, const Scope& scope) {
  const auto w = [&](int pos) { return a.words[static_cast<std::size_t>(pos)]; };
  return std::max(0, w(scope.end - 1) - w(h.end - 1));
}

// A sentence or scope that denies without repeating the act ("The Pentagon said the reports
// were false and no US aircraft had flown over Mexico"; "...; EU niega participación") still
// contradicts the report: a denial cue next to one of the topic's actors denies the topic.
void add_bare_denials(const Analysis& a, const TopicHits& t, std::vector<Verdict>& verdicts) {
  constexpr int kReportTailWords = 3;  // "retracted its report hours later"
  for (const auto& scope : a.scopes) {
    const auto& sen = a.sentences[static_cast<std::size_t>(scope.sentence)];
    if (any_within(t.acts, scope.begin, scope.end) ||
        any_within(a.not_denial, sen.begin, sen.end)) {
      continue;
    }
    // A summary sentence that names no one and retracts or rejects the report itself, as the
    // last words of its clause ("The outlet retracted its report hours later"; not "Officials
    // dismissed claims that civilians were among the dead"), denies whatever the report said.
    const bool names_no_one = scope.sentence > 0 && !any_within(t.actor, sen.begin, sen.end) &&
                              !any_within(t.other, sen.begin, sen.end);
    const bool actor_here = any_within(t.actor, scope.begin, scope.end);
    if (!actor_here && !names_no_one) continue;
    for (const std::vector<Hit>* list : {&a.denial.get(), &t.denial}) {
      for (const auto& h : *list) {
        if (h.begin < scope.begin || h.end > scope.end) continue;
        if (!actor_here &&
            (!any_overlapping(a.speech, h) || words_after(a, h, scope) > kReportTailWords))
          continue;
        verdicts.push_back(scope_verdict(a, h, scope.sentence, Stance::denial, "denial"));
        return;
      }
    }
  }
}

// A scope that names no act but gives it to one of the topic's actors ("Ataque con dron en Pueblo
// Nuevo; autoridades lo atribuyen a EU", "Blast at a Tecomán ranch; officials blame it on U.S.
// aircraft") reports the item's act: an `attribution` right before the actor, in a sentence that
// neither hedges nor denies, decides what the act's own clause left to the unmarked stance.
void add_bare_attributions(const Analysis& a, const TopicHits& t, std::vector<Verdict>& verdicts) {
  constexpr int kAttributionWords = 2;  // "atribuyen a los gringos", "blamed it on the U.S."
  for (const auto& scope : a.scopes) {
    const auto& sen = a.sentences[static_cast<std::size_t>(scope.sentence)];
    if (scope.background || any_within(t.acts, scope.begin, scope.end) ||
        any_within(a.rhetoric, sen.begin, sen.end) || any_within(a.denial, sen.begin, sen.end) ||
        any_within(a.not_denial, sen.begin, sen.end))
      continue;
    for (const auto& actor : t.actor) {
      if (actor.begin < scope.begin || actor.end > scope.end || any_overlapping(t.other, actor))
        continue;
      for (const auto& h : a.attribution) {
        if (h.begin < scope.begin || h.end > actor.begin ||
            a.distance(h, actor) > kAttributionWords)
          continue;
        Verdict v = scope_verdict(a, h, scope.sentence, Stance::action, "attribution");
        v.actor = std::string(a.span(actor));
        verdicts.push_back(std::move(v));
        return;
      }
    }
  }
}

// An opinion piece: a title that opens with an opinion label and a colon, dash or bar ("Opinion:
// 10,000 troops on the border is a waste", "Op-ed | …", "Columna: …"). It argues about acts; what
// it says of them is no report, so none of it raises an action alert.
const Hit* opinion_piece(const Analysis& a) {
  for (const auto& h : a.opinion_label) {
    if (opens_as_label(a, h, a.sentences[0].begin)) return &h;
  }
  return nullptr;
}

// A past act a summary names only as the time of its news, with no actor next to it ("Speaking a
// day after the Canatlán strike, Hegseth said forces will keep hitting…"), dates what the
// sentence says: when a modal outside the act's own scope looks ahead, the sentence reports the
// threat, not the act. (A title's "after" still reports: "Mexico recalls ambassador after
// Canatlán strike"; so does a summary whose other words of risk are not modals: "issued an alert
// after Monday's attack, citing the risk of reprisals".)
void time_of_a_threat(const Analysis& a, const Hit& act, Verdict& v) {
  if (v.sentence == 0) return;
  const auto& sen = a.sentences[static_cast<std::size_t>(v.sentence)];
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))];
  for (const auto& r : a.modal) {
    if (r.begin < sen.begin || r.end > sen.end || (r.begin >= scope.begin && r.end <= scope.end))
      continue;
    v.stance = Stance::rhetoric, v.cue = std::string(a.span(r)), v.cue_kind = "rhetoric";
    return;
  }
}

// True when the title's first actor is someone else and an action word of its own follows it
// ("Sedena envía 1.200 soldados a Coahuila"): the title reports that actor's act. (A reaction,
// "Canadian mining firm pauses work near Canatlán", is no act of its own.)
bool title_led_by_other(const Analysis& a, const TopicHits& t) {
  constexpr int kVerbWords = 2;
  const Hit* first = nullptr;
  bool other = false;
  for (const auto* hits : {&t.actor, &t.other}) {
    for (const auto& h : *hits) {
      if (a.sentence_of(h.begin) != 0 || (first && h.begin >= first->begin)) continue;
      first = &h, other = hits == &t.other;
    }
  }
  if (!first || !other) return false;
  return std::any_of(a.action.begin(), a.action.end(), [&](const Hit& v) {
    return v.begin >= first->end && a.sentence_of(v.begin) == 0 &&
           a.distance(*first, v) <= kVerbWords;
  });
}

std::optional<Match> decide(const Watchlist& w, const TopicRules& topic, const Analysis& a,
                            const std::vector<NumberHit>& numbers, TopicHits t) {
  if (t.acts.empty() || t.where.empty()) return std::nullopt;
  drop_places_at_sea(a, t);
  if (t.where.empty()) return std::nullopt;
  std::vector<Verdict> verdicts;
  for (const auto& act : t.acts) {
    if (excluded(a, t, act) || excluded_with_title(a, t, act)) continue;
    std::string actor;
    const Binding b = bind_actor(a, t, act, actor);
    if (b != Binding::us_strong && b != Binding::us_weak) continue;
    Verdict v = judge(a, t, act, topic.unmarked);
    // An explainer, or a headline that counts one more ("Otro ataque con dron estadounidense"),
    // presumes an act only when it names whose act it is ("What we know about the US raid"), not
    // a mission it only mentions ("Texas Guard: what we know about the new border mission").
    if ((v.cue_kind == "explainer" || v.cue_kind == "another") && b != Binding::us_strong) {
      v.stance = topic.unmarked, v.cued = false, v.cue.clear(), v.cue_kind = "unmarked";
    }
    if (v.cue_kind == "after" && b == Binding::us_weak) time_of_a_threat(a, act, v);
    // A summary's act taken as given only by "after" ("…reforzará Múzquiz tras la incursión
    // estadounidense") under a title whose first actor is someone else ("Sedena envía 1.200
    // soldados a Coahuila") is the reason for that actor's news, not the news.
    if (v.cue_kind == "after" && v.sentence > 0 && title_led_by_other(a, t)) continue;
    // A past act mentioned as background reports nothing new; its denial or threat still counts,
    // but a question about an act a time expression places in the past asks what followed, not
    // whether it happened ("A un año de la designación, ¿qué cambió?"). (A question after an
    // aside still asks about what comes next: "After bombing labs, could US drones turn to...?")
    const bool aside = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))].background;
    if (background(a, act) &&
        (v.stance == Stance::action || !v.cued || (v.cue_kind == "question" && !aside)))
      continue;
    v.binding = b;
    v.actor = std::move(actor);
    verdicts.push_back(std::move(v));
  }
  if (verdicts.empty()) return std::nullopt;
  add_bare_denials(a, t, verdicts);
  add_bare_attributions(a, t, verdicts);
  const Verdict& v = choose(a, verdicts);
  Match m;
  m.topic = topic.info.name;
  m.stance = v.stance;
  m.confidence = confidence(a, t, v);
  m.evidence = evidence(a, t, v);
  if (const Hit* opinion = m.stance == Stance::action ? opinion_piece(a) : nullptr) {
    m.stance = Stance::rhetoric;
    m.evidence +=
        " | opinion piece \"" + std::string(a.span(*opinion)) + "\": rhetoric, not action";
  }
  add_numbers_and_entities(w, topic, a, numbers, m);
  if (m.stance == Stance::action) add_facts(w, topic, a, numbers, v, m);
  return m;
}

}  // namespace

std::optional<Match> decide_topic(const Watchlist& w, const TopicRules& topic, const Analysis& a,
                                  const std::vector<NumberHit>& numbers) {
  return decide(w, topic, a, numbers, find_topic_hits(topic, a));
}

std::optional<Match> decide_topic(const Watchlist& w, const TopicRules& topic, const Analysis& a,
                                  const std::vector<NumberHit>& numbers, TopicScan scan) {
  return decide(w, topic, a, numbers, find_topic_hits(a, std::move(scan)));
}

}  // namespace redline::topics_detail
