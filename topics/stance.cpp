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

constexpr int kCloseWords = 3;

bool overlaps(const Hit& a, const Hit& b) { return a.begin < b.end && b.begin < a.end; }

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
    if (l.begin >= act.end && l.begin <= act.end + 1 && l.end >= actor.begin - 1 && l.end <= actor.begin) {
      return true;
    }
  }
  return false;
}

// The first actor the item names (the title's subject, usually); nullptr when none.
const Hit* first_actor(const TopicHits& t, bool& is_us) {
  const Hit* first = nullptr;
  for (const auto* hits : {&t.actor, &t.other}) {
    for (const auto& h : *hits) {
      if (!first || h.begin < first->begin) first = &h, is_us = hits == &t.actor;
    }
  }
  return first;
}

}  // namespace

Binding bind_actor(const Analysis& a, const TopicHits& t, const Hit& act, bool actor_required,
                   std::string& actor_words) {
  const int sentence = a.sentence_of(act.begin);
  const int region = region_begin(a, act.begin);
  const Hit* best = nullptr;
  bool best_is_us = false;
  int best_d = 1 << 20;
  auto consider = [&](const std::vector<Hit>& hits, bool is_us) {
    for (const auto& h : hits) {
      if (a.sentence_of(h.begin) != sentence) continue;
      const int d = a.distance(act, h);
      const bool before = h.end <= act.begin && h.begin >= region && d <= kCloseWords;
      const bool after = h.begin >= act.end && linked_after(a, act, h);
      if (!(before || after || overlaps(h, act))) continue;
      // Overlapping actors ("Mexican Senate" over "Senate"): the longer one is meant.
      const bool longer = best && overlaps(h, *best) && (h.end - h.begin) > (best->end - best->begin);
      if (d < best_d || (d == best_d && (after || longer))) best = &h, best_is_us = is_us, best_d = d;
    }
  };
  consider(t.actor, true);
  consider(t.other, false);
  if (!best) {  // the subject: the first actor of the reported clause
    for (const auto* hits : {&t.actor, &t.other}) {
      for (const auto& h : *hits) {
        if (h.begin >= region && h.end <= act.begin && (!best || h.begin < best->begin)) {
          best = &h, best_is_us = hits == &t.actor;
        }
      }
    }
  }
  if (!best) {  // the item's first actor
    best = first_actor(t, best_is_us);
    if (best) {
      actor_words = std::string(a.span(*best));
      return best_is_us ? Binding::us_weak : Binding::other;
    }
    return actor_required ? Binding::none : Binding::us_weak;
  }
  actor_words = std::string(a.span(*best));
  return best_is_us ? Binding::us_strong : Binding::other;
}

bool excluded(const Analysis& a, const TopicHits& t, const Hit& act) {
  const auto& scope = a.scopes[static_cast<std::size_t>(a.scope_of(act.begin))];
  for (const auto& x : t.exclude) {
    if (overlaps(x, act)) return true;  // "hunger strike": another sense of the word
  }
  return any_within(t.exclude, scope.begin, scope.end) && !any_within(t.where, scope.begin, scope.end);
}

}  // namespace redline::topics_detail
