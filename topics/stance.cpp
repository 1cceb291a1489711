// The decision for one topic: is the item about it (the act, done by the topic's actor, at its
// place, not in an excluded theatre), and what does it report (action, rhetoric, denial)?
//
// Each occurrence of the act is judged on its own: who does it (an actor right next to it, else
// the subject of its clause after any attribution, else the item as a whole), and which cue
// governs it (a denial in its scope, else the nearest rhetoric or action cue, else "after ..."
// presupposes it). The occurrences are then combined: a denial anywhere wins, then the title,
// then the summary. A false action alert is the costly mistake, so action needs a cue; an
// occurrence that no cue decides gets the topic's "unmarked" stance (rhetoric by default).
#include <algorithm>

#include "topics/analysis.h"
#include "topics/stance_detail.h"

namespace redline::topics_detail {

namespace {

constexpr int kCloseWords = 3;  // "US military drone strikes": an actor this close binds
constexpr int kPlaceBeforeWords =
    2;                               // "Sinaloa drone strike": a place this close is where it lands
constexpr int kBackgroundWords = 3;  // "a year after the terror designation"

// The start of the reported clause that holds `pos`: after the last "says"/":" before it.
int region_begin(const Analysis& a, int pos) {
  const auto& sen = a.sentences[static_cast<std::size_t>(a.sentence_of(pos))];
  int begin = sen.begin;
  for (int m : a.speech_marks) {
    if (m > begin && m <= pos) begin = m;
  }
  return begin;
}

// An actor after the act binds to it only through a link word ("tropas de EU", "struck by
// US drones") or as a postposed adjective ("tropas estadounidenses"); "bomb Mexico" does not.
bool linked_after(const Analysis& a, const Hit& act, const Hit& actor) {
  if (a.distance(act, actor) == 1) {
    for (const auto& p : a.postposed) {
      if (p.begin == actor.begin) return true;
    }
  }
  for (const auto& l : a.link) {
    if (l.begin >= act.end && l.begin <= act.end + 1 && l.end >= actor.begin - 1 &&
        l.end <= actor.begin) {
      return true;
    }
  }
  return false;
}

// Strictly inside the act, after its first word: "police" in "military police", "Mexico" in
// "special forces land in Mexico to train". A place or a part of the act, not its actor.
bool inside(const Hit& h, const Hit& act) {
  return h.begin > act.begin && h.end <= act.end;
}

// Earlier, or as early and longer: of "American missionary" (a victim) and "American" (an
// actor), the longer words are meant.
bool starts_first(const Hit& h, const Hit& than) {
  return h.begin < than.begin || (h.begin == than.begin && h.end > than.end);
}

// Someone else named as the object of a purpose ("deploys soldiers to counter cartel drones",
// "para combatir a sicarios"): an infinitive and a `noun_before` verb right before it make it the
// target, not the one who acts. (A bare preposition does not: in "attack against US agents" the
// victims are named after the act and own it, as other actors.)
bool purpose_object(const Analysis& a, const Hit& other) {
  return std::any_of(a.noun_before.begin(), a.noun_before.end(), [&](const Hit& verb) {
    return verb.end <= other.begin && a.distance(verb, other) == 1 &&
           any_right_before(a, a.infinitive, verb);
  });
}

// Someone else who reports the act ("Fiscalía confirma que fue de EU", "Mexico's navy: U.S.
// warship fired..."): the source of an attribution, not the one who acts.
// The actor's adjective belongs to it ("el Ejército mexicano confirmó que...").
// So is one named right after a speech word, with at most an article between ("según la
// Marina", "atribuido por la Fiscalía"), and one whose complement comes before its speech word
// ("Fiscalía de Sonora lo atribuye a Estados Unidos": a link word and the word after it).
bool source_of_report(const Analysis& a, Hit other) {
  const bool after_speech = std::any_of(a.speech.begin(), a.speech.end(), [&](const Hit& s) {
    return s.end <= other.begin && a.distance(s, other) == 1;
  });
  const bool after_speech_article =
      std::any_of(a.determiner.begin(), a.determiner.end(), [&](const Hit& d) {
        return d.end <= other.begin && a.distance(d, other) == 1 && any_right_before(a, a.speech, d);
      });
  if (after_speech || after_speech_article) return true;
  for (const auto& p : a.postposed) {
    if (p.begin >= other.end && a.distance(other, p) == 1) other.end = p.end;
  }
  for (const auto& l : a.link) {
    if (l.begin < other.end || a.distance(other, l) != 1) continue;
    const auto word_end = a.text.find(' ', static_cast<std::size_t>(l.end) + 1);
    if (word_end != std::string::npos) other.end = static_cast<int>(word_end);
    break;
  }
  const auto next = a.text.find_first_not_of(' ', static_cast<std::size_t>(other.end));
  if (next != std::string::npos && a.text[next] == ':') return true;
  return std::any_of(a.speech.begin(), a.speech.end(), [&](const Hit& s) {
    return s.begin >= other.end && a.distance(other, s) == 1;
  });
}

// The first actor named in the title or in the act's own sentence; nullptr when none. An actor
// named only in another summary sentence is too far away to own the act, and so is someone else
// named after the act in a clause of its own ("Gente Nueva designated SDGT; State cites attack on
// police convoy": the police are that clause's, not the listing's).
const Hit* first_actor(const Analysis& a, const TopicHits& t, const Hit& act, bool& is_us) {
  const int sentence = a.sentence_of(act.begin);
  const int scope = a.scope_of(act.begin);
  const Hit* first = nullptr;
  for (const auto* hits : {&t.actor, &t.other}) {
    for (const auto& h : *hits) {
      const int s = a.sentence_of(h.begin);
      if (s != 0 && s != sentence) continue;
      if (hits == &t.other &&
          (inside(h, act) || purpose_object(a, h) || source_of_report(a, h) ||
           (h.begin >= act.end && a.scope_of(h.begin) != scope)))
        continue;
      if (!first || starts_first(h, *first)) first = &h, is_us = hits == &t.actor;
    }
  }
  return first;
}

// The subject: the first actor between the start of the act's clause and the act.
const Hit* subject(const Analysis& a, const TopicHits& t, const Hit& act, int clause, bool& is_us) {
  const Hit* best = nullptr;
  for (const auto* hits : {&t.actor, &t.other}) {
    for (const auto& h : *hits) {
      if (hits == &t.other && purpose_object(a, h)) continue;
      if (h.begin >= clause && h.end <= act.begin && (!best || starts_first(h, *best))) {
        best = &h, is_us = hits == &t.actor;
      }
    }
  }
  return best;
}

// "off Mexico", "frente a Sinaloa": a coast the act is near, not a place it lands in. So is a
// place inside a longer name ("Sinaloa cartel smugglers" names a group, not where they are).
bool offshore(const Analysis& a, const Hit& place) {
  if (any_right_before(a, a.offshore, place)) return true;
  for (const auto& kind : a.entities) {
    for (const auto& e : kind) {
      if (e.begin <= place.begin && e.end >= place.end && e.end - e.begin > place.end - place.begin)
        return true;
    }
  }
  return false;
}

// An excluded theatre right after the act and a comma before the place: the act landed in the
// theatre, and the place belongs to the next clause ("We bombed Iran, we can bomb Sinaloa").
bool theatre_then_comma(const Analysis& a, const TopicHits& t, const Hit& act, const Hit& place) {
  for (const auto& x : t.exclude) {
    if (x.begin < act.end || x.end > place.begin) continue;
    const auto comma = clause_comma(a.text, static_cast<std::size_t>(x.end));
    if (comma != std::string::npos && static_cast<int>(comma) < place.begin) return true;
  }
  return false;
}

// The title's kicker, before its ':', names a theatre or sense the topic excludes and no place
// or target of the topic ("Hurricane relief: 1,000 soldiers deployed to South Texas"; not
// "Operativo conjunto en Sinaloa: participaron marines de EU"): it says what the headline is about.
bool kicker_excludes(const Analysis& a, const TopicHits& t, const Hit& act) {
  if (a.sentence_of(act.begin) != 0) return false;
  const auto& kicker = a.scopes[static_cast<std::size_t>(a.scope_of(a.sentences[0].begin))];
  return kicker.end <= act.begin && a.text[static_cast<std::size_t>(kicker.end)] == ':' &&
         any_within(t.exclude, kicker.begin, kicker.end) &&
         !any_within(t.place, kicker.begin, kicker.end) &&
         !any_within(t.where, kicker.begin, kicker.end);
}

}  // namespace

Binding bind_actor(const Analysis& a, const TopicHits& t, const Hit& act,
                   std::string& actor_words) {
  const int sentence = a.sentence_of(act.begin);
  const int region = region_begin(a, act.begin);
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))];
  const Hit* best = nullptr;
  bool best_is_us = false;
  int best_d = 1 << 20;
  const Hit* self = nullptr;  // the act itself names a force ("guardias nacionales")
  auto consider = [&](const std::vector<Hit>& hits, bool is_us) {
    for (const auto& h : hits) {
      if (a.sentence_of(h.begin) != sentence) continue;
      if (!is_us && h.begin == act.begin && h.end == act.end) {
        self = &h;  // whose force it is: a close or linked actor says, else the word itself
        continue;
      }
      // A place named inside a long act ("special forces land in Mexico to train") is where
      // the act goes, not who does it.
      if (!is_us && (inside(h, act) || purpose_object(a, h))) continue;
      const bool before =
          h.end <= act.begin && h.begin >= region && a.distance(act, h) <= kCloseWords;
      const bool after = h.begin >= act.end && linked_after(a, act, h);
      // An actor tied to the act by a link word owns it whatever stands before it: in "Trump
      // celebra bombardeo del Ejército" the bombing is the army's.
      const int d = after ? 0 : a.distance(act, h);
      if (!(before || after || overlaps(h, act))) continue;
      // Overlapping actors ("Mexican Senate" over "Senate"): the longer one is meant.
      const bool longer =
          best && overlaps(h, *best) && (h.end - h.begin) > (best->end - best->begin);
      if (d < best_d || (d == best_d && (after || longer)))
        best = &h, best_is_us = is_us, best_d = d;
    }
  };
  consider(t.actor, true);
  consider(t.other, false);
  if (!best) best = subject(a, t, act, std::max(region, scope.begin), best_is_us);
  if (!best && self) best = self, best_is_us = false;  // no one else owns it: the word says
  if (!best) {                                         // the item's first actor
    best = first_actor(a, t, act, best_is_us);
    if (best) {
      actor_words = std::string(a.span(*best));
      return best_is_us ? Binding::us_weak : Binding::other;
    }
    const auto& sen = a.sentences[static_cast<std::size_t>(sentence)];
    if (any_within(t.implicit_actor, sen.begin,
                   sen.end)) {  // "soldiers arrive at the southern border"
      actor_words = "(implicit)";
      return Binding::us_weak;
    }
    return Binding::none;
  }
  actor_words = std::string(a.span(*best));
  return best_is_us ? Binding::us_strong : Binding::other;
}

void drop_places_at_sea(const Analysis& a, TopicHits& t) {
  const auto at_sea = [&](const Hit& w) {
    if (!offshore(a, w)) return false;
    const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(w.begin))];
    return any_within(t.exclude, scope.begin, scope.end) &&
           !any_within(t.inside, scope.begin, scope.end);
  };
  t.where.erase(std::remove_if(t.where.begin(), t.where.end(), at_sea), t.where.end());
}

bool excluded(const Analysis& a, const TopicHits& t, const Hit& act) {
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))];
  // "Coast Guard fires on cartel boat in Mexican waters": a place stated as inside the territory,
  // in the act's own scope and reported clause, outweighs any theatre or sense the words suggest.
  const int region = region_begin(a, act.begin);
  for (const auto& p : t.inside) {
    if (p.begin >= scope.begin && p.end <= scope.end && region_begin(a, p.begin) == region)
      return false;
  }
  // The title's act is the item's event: a summary that states it inside the territory places
  // the title's act too, when the title names a place of the topic near it ("Aeronave de EU ataca
  // lancha frente a Topolobampo" / "…fue alcanzada dentro de aguas mexicanas"; not "…off
  // Colombia" / "Mexico's navy patrols inside Mexican waters").
  if (a.sentence_of(act.begin) == 0 && any_within(t.place, scope.begin, scope.end) &&
      std::any_of(t.inside.begin(), t.inside.end(),
                  [&](const Hit& p) { return a.sentence_of(p.begin) > 0; }))
    return false;
  for (const auto& x : t.exclude) {
    if (overlaps(x, act)) return true;  // "hunger strike": another sense of the word
  }
  if (kicker_excludes(a, t, act) && !any_within(t.place, scope.begin, scope.end)) return true;
  if (!any_within(t.exclude, scope.begin, scope.end)) return false;
  // The topic's own place lifts the exclusion only where the act lands: after it in its scope
  // ("strikes off Venezuela and in Sinaloa") or right before it ("Sinaloa strike"), and not
  // across an attribution ("struck boats off Venezuela, and Trump said Mexico is next").
  for (const auto& p : t.place) {
    if (p.begin < scope.begin || p.end > scope.end || offshore(a, p)) continue;
    if (region_begin(a, p.begin) != region) continue;
    if (p.begin >= act.begin && theatre_then_comma(a, t, act, p)) continue;
    if (p.begin >= act.begin || a.distance(p, act) <= kPlaceBeforeWords) return false;
  }
  return true;
}

bool background(const Analysis& a, const Hit& act) {
  const int sentence = a.sentence_of(act.begin);
  const int scope = a.scope_of(act.begin);
  if (a.scopes[static_cast<std::size_t>(scope)].background) return true;
  const int region = region_begin(a, act.begin);
  // A title whose kicker looks back ("On this day in 1916: US troops enter Mexico") tells a
  // story from the past: every act after the kicker is background.
  if (sentence == 0) {
    const auto& kicker = a.scopes[static_cast<std::size_t>(a.scope_of(a.sentences[0].begin))];
    if (kicker.end <= act.begin && a.text[static_cast<std::size_t>(kicker.end)] == ':' &&
        any_within(a.retrospective, kicker.begin, kicker.end))
      return true;
  }
  // A date in the summary's own clause places its act before the news: "Hegseth vows a
  // relentless campaign" / "US forces struck a camp in Sinaloa in January".
  if (sentence > 0 && std::any_of(a.dated.begin(), a.dated.end(), [&](const Hit& d) {
        return a.scope_of(d.begin) == scope && region_begin(a, d.begin) == region;
      }))
    return true;
  return std::any_of(a.retrospective.begin(), a.retrospective.end(), [&](const Hit& r) {
    // Not across an attribution: in "Trump, who designated cartels in 2025, says strikes are
    // next" the year is not the strikes'.
    if (a.sentence_of(r.begin) != sentence || region_begin(a, r.begin) != region) return false;
    // Next to the act, or anywhere in its clause: "In 2025, Trump designated cartels", "the
    // troops that Trump sent to the border in 2019 cost...".
    // A time expression that ends in the word opening the act's clause dates that clause too:
    // "The meeting came a year after the US designated six cartels as terrorist organizations".
    return a.distance(r, act) <= kBackgroundWords || a.scope_of(r.begin) == scope ||
           a.scope_of(r.end - 1) == scope;
  });
}

bool excluded_with_title(const Analysis& a, const TopicHits& t, const Hit& act) {
  if (a.sentence_of(act.begin) == 0) return false;
  bool title_act = false;
  for (const auto& h : t.acts) {
    if (a.sentence_of(h.begin) != 0) continue;
    if (!excluded(a, t, h)) return false;
    title_act = true;
  }
  // No act in the title, but a word the topic excludes: the summary's act is part of the
  // title's event, which is not this topic's ("Abaten fuerzas de EU a 5 en Uruachi. Los efectivos
  // llegaron en dos helicopteros": the soldiers of a raid are the raid's).
  if (!title_act && std::none_of(t.exclude.begin(), t.exclude.end(),
                                 [&](const Hit& e) { return a.sentence_of(e.begin) == 0; }))
    return false;
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))];
  return !any_within(t.place, scope.begin, scope.end);
}

}  // namespace redline::topics_detail
