// Internal steps of the topic decision (stance.cpp, verdict.cpp, decide.cpp), exposed for
// unit tests of each step.
#pragma once

#include <string>
#include <vector>

#include "topics/analysis.h"

namespace redline::topics_detail {

// The hits of one topic's pattern lists in one item.
struct TopicHits {
  std::vector<Hit> acts;  // every occurrence of the act
  std::vector<Hit> done;  // done cues that are verbs (not "strikes on", "strikes would")
  std::vector<Hit> actor, other, where, exclude, denial, place, implicit_actor, inside;
  std::vector<Hit> future;  // "ACTOR to ..." (headline future: "US to deploy")
};

// Only acts and where are filled when either is empty (the topic cannot match then).
TopicHits find_topic_hits(const TopicRules& topic, const Analysis& a);
// The same from the topic's lists already scanned.
TopicHits find_topic_hits(const Analysis& a, TopicScan scan);

enum class Binding { none, other, us_weak, us_strong };

// Who does the act at `act`: an actor right next to it, else the first actor of its reported
// clause, else the item's (weak). The words of that actor go to `actor_words`.
Binding bind_actor(const Analysis& a, const TopicHits& t, const Hit& act, std::string& actor_words);

// True when the act is another sense of the word ("hunger strike") or its scope is about an
// excluded theatre ("off Venezuela") without naming the topic's place. A place its scope states
// as inside the territory ("fires on cartel boat in Mexican waters") lifts every exclusion.
bool excluded(const Analysis& a, const TopicHits& t, const Hit& act);

// True when the act is background to the news, not news: a time expression right next to it
// ("last year's strikes", "a year after the designation") or in its clause ("In 2025, ...",
// "the troops that Trump sent to the border in 2019"), or a clause placed before the news
// ("Having sent troops, ...", "Designated as terrorists, ...").
bool background(const Analysis& a, const Hit& act);

// True when an act in the summary refers to the title's event and that event is excluded: every
// occurrence of the act in the title is excluded, or the title names no act of the topic but a
// word it excludes ("Abaten fuerzas de EU a 5. Los efectivos llegaron en helicoptero": a raid's
// soldiers), and the act's own scope names no place of the topic ("US strikes boat in eastern
// Pacific. The strike killed three.").
bool excluded_with_title(const Analysis& a, const TopicHits& t, const Hit& act);

// Drops the places named only as the coast or distance off an excluded theatre ("hit in the
// eastern Pacific, some 600 miles southwest of Acapulco"): the item is not about that place.
void drop_places_at_sea(const Analysis& a, TopicHits& t);

// The judgement of one occurrence of the act.
struct Verdict {
  Hit act;
  int sentence = 0;
  Binding binding = Binding::none;
  Stance stance = Stance::rhetoric;
  bool cued = false;       // a cue decided; false: the topic's unmarked stance
  bool topic_cue = false;  // the cue came from the topic's own "done" list
  bool presumed = false;   // the title presumes the act (a kicker): a cue in the summary says more
  std::string cue;         // the deciding words
  std::string cue_kind;    // "denial", "hedge", "rhetoric", "future", "action", "after", "unmarked"
  std::string actor;
};

Verdict judge(const Analysis& a, const TopicHits& t, const Hit& act, Stance unmarked);

}  // namespace redline::topics_detail
