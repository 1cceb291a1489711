// Finding a topic's hits in an item and judging one occurrence of its act.
#include <algorithm>
#include <optional>

#include "topics/stance_detail.h"

namespace redline::topics_detail {

namespace {

// An action word right after a determiner is a noun: "el temor de un bombardeo", where
// "bombardeo" is also the verb "bombardeó". A cue of several words that opens with its own
// subject ("un dron de EU impactan", "el ataque deja") still has its verb.
bool after_determiner(const Analysis& a, const Hit& h) {
  if (a.span(h).find(' ') != std::string_view::npos) return false;
  return any_right_before(a, a.determiner, h);
}

// English plural nouns and third-person verbs share the -s form: a "done" word in -s followed
// by "on"/"against" or, within three words, by a modal is a noun ("US strikes on cartels",
// "US strikes in Mexico would..."), and so is one whose actor comes right after a preposition
// or a verb of waiting (`noun_before`): "brace for US strikes", "fears of US raids", "await US
// strikes" name the act as an object, they do not report it.
bool nouned(const Analysis& a, const Hit& h, const std::vector<Hit>& acts) {
  if (a.text[static_cast<std::size_t>(h.end) - 1] != 's') return false;
  // A cue of several words whose last word is not the act ends in its object, not in a verb:
  // "set up new posts in Hidalgo County" reports; "US strikes in Mexico would..." does not.
  const auto span = a.span(h);
  // A possessive names one act that took place ("Tuesday's strikes in Michoacán"): a noun
  // already, which the words after it cannot turn into a plan.
  if (span.find("'s ") != std::string_view::npos) return false;
  const auto space = span.rfind(' ');
  if (space != std::string_view::npos) {
    const Hit last{h.begin + static_cast<int>(space) + 1, h.end, 0};
    if (!any_overlapping(acts, last)) return false;
  }
  if (any_right_before(a, a.noun_before, h)) return true;
  for (const auto& n : a.noun_after) {
    if (n.begin >= h.end && a.distance(h, n) == 1) return true;
  }
  for (const auto& n : a.rhetoric) {
    if (n.begin >= h.end && a.distance(h, n) <= 3 && a.scope_of(n.begin) == a.scope_of(h.begin))
      return true;
  }
  return false;
}

// A sentence-opening participle that describes the noun after it ("Deployed troops complain",
// "Designated cartels shift money"): an adjective, it reports nothing.
bool attributive(const Analysis& a, const Hit& h) {
  return any_overlapping(a.attributive, h);
}

// A participle (`participle`) right after the noun it describes, when that noun is the object of
// a preposition ("force against cartels designated as terrorists", "reward for cartel leader
// designated a terrorist": the noun may be a compound the topic's place opens) or the clause's
// verb is a modal ("troops sent to Texas would stay", "cartels designated by Washington could
// lose access"). It reports nothing; the clause's own verb says what the item is about.
bool describes_noun(const Analysis& a, const TopicHits& t, const Hit& cue) {
  // The participle itself, which may close a longer cue ("US drones struck"): its noun is the
  // word right before it, not the word before the cue.
  const auto p = std::find_if(a.participle.begin(), a.participle.end(),
                              [&](const Hit& x) { return overlaps(x, cue); });
  if (p == a.participle.end()) return false;
  const Hit& h = *p;
  const Hit* noun = nullptr;
  for (const auto* nouns : {&t.acts, &t.where}) {
    for (const auto& n : *nouns) {
      if (n.end <= h.begin && a.distance(n, h) == 1) noun = &n;
    }
  }
  if (!noun) {  // "cartel leader designated": the place opens a two-word noun
    for (const auto& n : t.where) {
      if (n.end <= h.begin && a.distance(n, h) == 2) noun = &n;
    }
    return noun && any_right_before(a, a.noun_before, *noun);
  }
  for (const auto* preps : {&a.link, &a.noun_before}) {
    for (const auto& p : *preps) {
      if (p.end <= noun->begin && a.distance(p, *noun) <= 2) return true;
    }
  }
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(h.begin))];
  return any_within(a.modal, h.end, scope.end);
}

struct Cue {
  const Hit* hit = nullptr;
  int distance = 1 << 20;
  const char* kind = "";
  bool topic = false;
};

// Where a title's words start after an outlet or section label closed by "|" ("El Debate | …",
// "Mercados | …"); the sentence's start otherwise.
int outlet_label_end(const Analysis& a, const Sentence& sen) {
  if (!sen.title) return sen.begin;
  const auto& kicker = a.scopes[static_cast<std::size_t>(a.scope_of(sen.begin))];
  if (kicker.end < sen.end && a.text[static_cast<std::size_t>(kicker.end)] == '|')
    return kicker.end;
  return sen.begin;
}

// An action word under a modal ("could be deployed", "will strike") or in the infinitive ("to
// deploy") reports nothing yet. A cue that opens with the act as its own subject ("strike that
// killed 11") has its own verb: a rhetoric word before it governs the act as a noun ("to review
// Sonora strike that killed 11"), so only a modal right before it counts.
bool modalized(const Analysis& a, const Hit& h, const Hit& act) {
  if (any_right_before(a, a.infinitive, h)) return true;
  const bool own_subject = h.begin == act.begin && a.span(h).find(' ') != std::string_view::npos;
  for (const auto& r : own_subject ? a.modal : a.rhetoric) {
    // An outlet's or section's name before "|" governs nothing: "El Debate | EU bombardea…".
    const auto& sen = a.sentences[static_cast<std::size_t>(a.sentence_of(h.begin))];
    if (r.end <= h.begin && a.distance(r, h) <= 2 &&
        a.sentence_of(r.begin) == a.sentence_of(h.begin) && r.begin >= outlet_label_end(a, sen))
      return true;
  }
  return false;
}

void nearest(const Analysis& a, const TopicHits& t, const std::vector<Hit>& hits, const Hit& act,
             const Scope& scope, const char* kind, bool topic, Cue& best) {
  const bool is_action = kind[0] == 'a';
  for (const auto& h : hits) {
    if (h.begin < scope.begin || h.end > scope.end) continue;
    if (is_action && (modalized(a, h, act) || attributive(a, h) || after_determiner(a, h) ||
                      describes_noun(a, t, h)))
      continue;
    const int d = a.distance(act, h);
    if (d < best.distance) best = Cue{&h, d, kind, topic};
  }
}

// A plan noun heading a compound whose modifier is the act ("troop surge plan", "strike
// package", "troop drawdown plan"): the item reports the plan, whatever verb governs it
// ("Pentagon announces troop drawdown plan").
const Hit* compound_plan(const Analysis& a, const TopicHits& t, const Hit& act,
                         const Scope& scope) {
  constexpr int kCompoundWords = 2;
  for (const auto& h : a.plan_noun) {
    if (h.begin < act.end || h.end > scope.end || a.distance(act, h) > kCompoundWords) continue;
    if (any_within(a.action, act.end, h.begin) || any_within(t.done, act.end, h.begin)) continue;
    return &h;
  }
  return nullptr;
}

// An explainer opening the sentence before the act ("¿Qué sabemos del bombardeo de EU en
// Sinaloa?", "Así fue el ataque de EU...", "What we know about the US raid in Sonora"), or
// opening a title right after its kicker ("Explainer: what we know about the US strike"): it
// takes the act as done, and a question it opens does not ask whether it happened.
const Hit* explainer(const Analysis& a, const Hit& act, const Sentence& sen) {
  const int first = a.words[static_cast<std::size_t>(sen.begin)] + 1;
  int after_kicker = first;
  if (sen.title) {
    const auto& kicker = a.scopes[static_cast<std::size_t>(a.scope_of(sen.begin))];
    const char mark = a.text[static_cast<std::size_t>(kicker.end)];
    if (kicker.end < sen.end && (mark == ':' || mark == '|'))
      after_kicker = a.words[static_cast<std::size_t>(kicker.end)] + 1;
  }
  for (const auto& h : a.explainer) {
    if (h.begin < sen.begin || h.end > act.begin) continue;
    const int w = a.words[static_cast<std::size_t>(h.begin)];
    if (w == first || w == after_kicker) return &h;
  }
  return nullptr;
}

// A ";" between two hits: each stands in a clause of its own ("US lists five firms as
// terrorists; cartel says it is a lie": the cartel's claim hedges nothing before it).
bool semicolon_between(const Analysis& a, const Hit& x, const Hit& y) {
  const auto from = static_cast<std::size_t>(std::min(x.end, y.end));
  const auto to = static_cast<std::size_t>(std::max(x.begin, y.begin));
  return from < to && a.text.find(';', from) < to;
}

struct Decided {
  Stance stance;
  Hit hit;
  const char* kind;
};

// Cues that decide whatever words lie nearer the act: a denial in the scope or in a title
// kicker ("Verificamos: video de supuesto bombardeo..."), else a hedge in the sentence ("won't
// rule out", whose "rule out" is no denial; "alleged US strike"), a frame before the act
// ("Scenario: US designates more cartels"), a question ("US strikes in Mexico?").
std::optional<Decided> overriding_cue(const Analysis& a, const TopicHits& t, const Hit& act,
                                      const Sentence& sen, const Scope& scope) {
  for (const auto* list : {&a.denial.get(), &t.denial}) {
    for (const auto& h : *list) {
      if (h.begin >= scope.begin && h.end <= scope.end && !any_overlapping(a.not_denial, h))
        return Decided{Stance::denial, h, "denial"};
    }
  }
  if (sen.title && scope.begin > sen.begin) {
    const auto& kicker = a.scopes[static_cast<std::size_t>(a.scope_of(sen.begin))];
    const bool colon = a.text[static_cast<std::size_t>(kicker.end)] == ':';
    for (const auto& h : a.denial) {
      if (colon && h.begin >= kicker.begin && h.end <= kicker.end &&
          !any_overlapping(a.not_denial, h))
        return Decided{Stance::denial, h, "denial"};
    }
  }
  for (const auto& h : a.not_denial) {
    if (h.begin >= sen.begin && h.end <= sen.end && !semicolon_between(a, h, act))
      return Decided{Stance::rhetoric, h, "hedge"};
  }
  for (const auto& h : a.frame) {
    if (h.begin >= sen.begin && h.end <= act.begin) return Decided{Stance::rhetoric, h, "frame"};
  }
  // A condition that opens the sentence governs its own clause, whatever verb stands nearer
  // the act: "If US troops raided a ranch, Mexico would...", "Si EU envía tropas a México, ...".
  for (const auto& h : a.rhetoric) {
    if (h.end <= act.begin && opens_sentence(a, h, sen.begin) &&
        a.scope_of(h.begin) == a.scope_of(act.begin))
      return Decided{Stance::rhetoric, h, "condition"};
  }
  if (const Hit* h = compound_plan(a, t, act, scope)) return Decided{Stance::rhetoric, *h, "plan"};
  const auto stop = a.text.find_first_of(".?!:;", static_cast<std::size_t>(act.end));
  if (stop != std::string::npos && a.text[stop] == '?' && static_cast<int>(stop) < sen.end &&
      !explainer(a, act, sen)) {
    const int q = static_cast<int>(stop);
    return Decided{Stance::rhetoric, Hit{q, q + 1, 0}, "question"};
  }
  return std::nullopt;
}

// A title that opens with a news label and a colon, dash or bar ("BREAKING: US airstrike in
// Michoacan", "Ultima hora - ataque aereo de EU") names what happened: a bare act after it is
// reported, when nothing in the title hedges, denies or looks ahead.
const Hit* news_label(const Analysis& a, const TopicHits& t, const Hit& act, const Sentence& sen) {
  if (!sen.title || any_within(a.rhetoric, sen.begin, sen.end) ||
      any_within(a.denial, sen.begin, sen.end) || any_within(t.future, sen.begin, sen.end))
    return nullptr;
  for (const auto& h : a.news_label) {
    if (h.end <= act.begin && opens_as_label(a, h, sen.begin)) return &h;
  }
  return nullptr;
}

// An action word in the infinitive anywhere in the sentence ("Border troop drawdown: 2,000
// soldiers to return home"): the sentence looks ahead, so nothing in it is presumed done.
bool infinitive_cue(const Analysis& a, const TopicHits& t, const Sentence& sen) {
  for (const auto* cues : {&a.action, &t.done}) {
    for (const auto& h : *cues) {
      if (h.begin >= sen.begin && h.end <= sen.end && any_right_before(a, a.infinitive, h))
        return true;
    }
  }
  return false;
}

// A headline that opens with an `increment` word right before the act ("Otro ataque con dron
// estadounidense en Topia", "Another US drone strike in Sinaloa") counts one more of acts that
// took place; decide_topic keeps it only when the act's actor is named next to it.
const Hit* one_more(const Analysis& a, const Hit& act, const Sentence& sen) {
  if (!sen.title) return nullptr;
  for (const auto& h : a.increment) {
    if (h.end > act.begin || !opens_sentence(a, h, sen.begin)) continue;
    if (a.distance(h, act) <= 3) return &h;  // "another U.S. drone strike"
  }
  return nullptr;
}

// An act named as one event by its place, with an article ("the Canatlán strike", "el ataque en
// Canatlán", "el bombardeo de Cosalá"): a story that names the event refers to an act that took
// place. Only when nothing in the sentence hedges, denies, looks back or ahead (`plain`), and not
// off a coast ("the strike off Mazatlán").
const Hit* named_event(const Analysis& a, const TopicHits& t, const Hit& act) {
  if (a.span(act).find(' ') != std::string_view::npos) return nullptr;
  const bool article_before_act = any_right_before(a, a.determiner, act);
  for (const auto& p : t.place) {
    if (any_right_before(a, a.offshore, p)) continue;
    if (p.end <= act.begin && a.distance(p, act) == 1 && any_right_before(a, a.determiner, p))
      return &p;  // "the Canatlán strike"
    if (article_before_act && p.begin >= act.end && a.distance(act, p) == 2 &&
        a.scope_of(p.begin) == a.scope_of(act.begin))
      return &p;  // "el ataque en Canatlán"
  }
  return nullptr;
}

// No cue near the act: a scope opened by "after" takes it as given (unless the act is an
// infinitive: "tras el anuncio de designar"), and so do a headline kicker ("US drone strike in
// Sinaloa: Mexico recalls ambassador") and an explainer ("Así fue el ataque de EU") when nothing
// in the whole sentence hedges or denies.
std::optional<Decided> taken_as_given(const Analysis& a, const TopicHits& t, const Hit& act,
                                      const Sentence& sen, const Scope& scope) {
  const bool infinitive = any_right_before(a, a.infinitive, act);
  if (scope.presupposed && !infinitive) {
    for (const auto& h : a.presuppose) {
      if (h.begin == scope.begin) return Decided{Stance::action, h, "after"};
    }
  }
  // A title that looks back ("When the Marines went to the border: a look back") presumes
  // nothing new. An outlet or section label before "|" ("El Debate | Así operó el ataque…") is
  // no part of the sentence's grammar.
  const int from = outlet_label_end(a, sen);
  const bool plain = !any_within(a.rhetoric, from, sen.end) &&
                     !any_within(a.denial, from, sen.end) &&
                     !any_within(a.retrospective, from, sen.end) &&
                     !any_within(t.future, sen.begin, sen.end) && !infinitive_cue(a, t, sen);
  if (sen.title && plain && a.text[static_cast<std::size_t>(scope.end)] == ':')
    return Decided{Stance::action, Hit{scope.end, scope.end + 1, 0}, "headline kicker"};
  if (const Hit* h = plain ? explainer(a, act, sen) : nullptr)
    return Decided{Stance::action, *h, "explainer"};
  if (const Hit* label = news_label(a, t, act, sen))
    return Decided{Stance::action, *label, "label"};
  if (const Hit* h = plain ? one_more(a, act, sen) : nullptr)
    return Decided{Stance::action, *h, "another"};
  if (const Hit* h = plain ? named_event(a, t, act) : nullptr)
    return Decided{Stance::action, *h, "named event"};
  return std::nullopt;
}

// A reaction to the act ("Mexico condemns US drone strike", "victims of US raid") takes it as
// having happened, but only when the reaction is not the actor's own: the topic's actor must
// come after the reaction word ("US condemns attack" is not a US attack).
void nearest_reaction(const Analysis& a, const TopicHits& t, const Hit& act, const Scope& scope,
                      Cue& best) {
  for (const auto& h : a.reaction) {
    if (h.begin < scope.begin || h.end > scope.end || h.end > act.begin) continue;
    if (!any_within(t.actor, h.end, scope.end)) continue;
    const int d = a.distance(act, h);
    if (d < best.distance) best = Cue{&h, d, "reaction", false};
  }
}

// A topic's lists past its act and place, and where their hits go.
void scan_rest(const TopicRules& topic, const std::vector<std::string_view>& texts,
               const std::vector<TopicScan*>& out) {
  const std::pair<const PatternList*, std::vector<Hit> TopicScan::*> lists[] = {
      {&topic.done, &TopicScan::done},       {&topic.denial, &TopicScan::denial},
      {&topic.place, &TopicScan::place},     {&topic.implicit_actor, &TopicScan::implicit_actor},
      {&topic.actor, &TopicScan::actor},     {&topic.other_actor, &TopicScan::other_actor},
      {&topic.exclude, &TopicScan::exclude}, {&topic.inside, &TopicScan::inside}};
  scan_in_turn(lists, texts, out);
}

}  // namespace

void scan_topic_lists(const TopicRules& topic, const std::vector<std::string_view>& texts,
                      const std::vector<TopicScan*>& out) {
  const std::pair<const PatternList*, std::vector<Hit> TopicScan::*> lists[] = {
      {&topic.act, &TopicScan::act}, {&topic.where, &TopicScan::where}};
  scan_in_turn(lists, texts, out);
  scan_rest(topic, texts, out);
}

TopicHits find_topic_hits(const TopicRules& topic, const Analysis& a) {
  TopicScan scan;
  topic.act.find_all(a.text, scan.act);
  topic.where.find_all(a.text, scan.where);
  // No act or no place: decide_topic stops there, so the other lists need not be scanned.
  if (!scan.act.empty() && !scan.where.empty()) scan_rest(topic, {a.text}, {&scan});
  return find_topic_hits(a, std::move(scan));
}

TopicHits find_topic_hits(const Analysis& a, TopicScan scan) {
  TopicHits t;
  t.acts = std::move(scan.act);
  t.where = std::move(scan.where);
  if (t.acts.empty() || t.where.empty()) return t;
  for (const auto& h : scan.done) {
    if (!nouned(a, h, t.acts)) t.done.push_back(h);
  }
  t.denial = std::move(scan.denial);
  t.place = std::move(scan.place);
  t.implicit_actor = std::move(scan.implicit_actor);
  t.actor = std::move(scan.actor);
  t.other = std::move(scan.other_actor);
  // A hedged noun is a target, not an agent: "killed nine suspected cartel gunmen".
  t.other.erase(std::remove_if(t.other.begin(), t.other.end(),
                               [&](const Hit& h) { return any_overlapping(a.noun_hedge, h); }),
                t.other.end());
  t.exclude = std::move(scan.exclude);
  t.inside = std::move(scan.inside);
  // Headline future: an actor directly followed by "to" ("US to deploy", "Pentagon to send"),
  // unless a preposition makes it an object ("arrive in Mexico to train": "to" says why) or
  // "to" is itself one, before an article or a place ("sends military police to the border").
  for (const auto* list : {&t.actor, &t.other}) {
    for (const auto& h : *list) {
      if (a.text.compare(static_cast<std::size_t>(h.end), 4, " to ") != 0) continue;
      if (any_right_before(a, a.link, h) || any_right_before(a, a.noun_after, h) ||
          any_right_before(a, a.noun_before, h))
        continue;
      const int next = h.end + 4;  // the word after " to "
      const bool noun_next = std::any_of(a.determiner.begin(), a.determiner.end(),
                                         [&](const Hit& d) { return d.begin == next; }) ||
                             std::any_of(t.where.begin(), t.where.end(),
                                         [&](const Hit& w) { return w.begin == next; });
      if (!noun_next) t.future.push_back(Hit{h.begin, h.end + 3, 0});
    }
  }
  return t;
}

Verdict judge(const Analysis& a, const TopicHits& t, const Hit& act, Stance unmarked) {
  Verdict v;
  v.act = act;
  v.sentence = a.sentence_of(act.begin);
  const auto& sen = a.sentences[static_cast<std::size_t>(v.sentence)];
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))];
  auto decide = [&](const Decided& d, bool topic) {
    v.stance = d.stance, v.cued = true, v.cue = std::string(a.span(d.hit)), v.cue_kind = d.kind;
    v.topic_cue = topic;
    return v;
  };
  if (const auto d = overriding_cue(a, t, act, sen, scope)) return decide(*d, false);
  Cue rhetoric, action;
  nearest(a, t, a.rhetoric, act, scope, "rhetoric", false, rhetoric);
  nearest(a, t, t.future, act, scope, "future", false, rhetoric);
  nearest(a, t, a.action, act, scope, "action", false, action);
  nearest(a, t, t.done, act, scope, "action", true, action);
  nearest_reaction(a, t, act, scope, action);
  if (rhetoric.hit && rhetoric.distance <= action.distance) {
    return decide({Stance::rhetoric, *rhetoric.hit, rhetoric.kind}, false);
  }
  if (action.hit) return decide({Stance::action, *action.hit, action.kind}, action.topic);
  if (const auto d = taken_as_given(a, t, act, sen, scope)) {
    decide(*d, false);
    // A kicker and a named event presume; "after" states.
    v.presumed = d->hit.begin == scope.end || std::string_view(d->kind) == "named event";
    return v;
  }
  v.stance = unmarked;
  v.cue_kind = "unmarked";
  return v;
}

}  // namespace redline::topics_detail
