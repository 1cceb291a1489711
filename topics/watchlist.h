// The compiled form of a watchlist file (see topics/WATCHLIST.md): every pattern list compiled
// once into a PatternList, vocabularies expanded, grammar of all languages merged. Immutable
// after loading, so one Watchlist is shared by every Classifier and thread.
#pragma once

#include <string>
#include <vector>

#include "topics/patterns.h"
#include "topics/topics.h"

namespace redline {

// Language-level stance cues, merged over every [grammar.LANG] table.
struct Grammar {
  topics_detail::PatternList denial;         // "denies", "rules out", "niega", "falso"
  topics_detail::PatternList not_denial;     // "won't rule out", "no descarta": a hedge, rhetoric
  topics_detail::PatternList rhetoric;       // modality, threats, plans, deliberation
  topics_detail::PatternList action;         // generic verbs that report a happening
  topics_detail::PatternList speech;         // attribution: "says", "dijo"
  topics_detail::PatternList clause_break;   // "as", "while", "mientras"
  topics_detail::PatternList presuppose;     // "after", "tras": the act is taken as given
  topics_detail::PatternList increment;      // "1,500 more"
  topics_detail::PatternList total;          // "bringing the total to"
  topics_detail::PatternList noun_after;     // "strikes on": the verb-looking word was a noun
  topics_detail::PatternList noun_before;    // "brace for US strikes": the actor-verb is a noun
  topics_detail::PatternList link;           // "tropas de EU": words that tie an actor after a noun
  topics_detail::PatternList postposed;      // "tropas estadounidenses": actor words after the noun
  topics_detail::PatternList infinitive;     // "to deploy": an infinitive reports nothing yet
  topics_detail::PatternList retrospective;  // "last year's", "in 2025": the act is background
  topics_detail::PatternList frame;          // "scenario", "war game": what follows is imagined
  topics_detail::PatternList participle;  // "deployed", "designated": opening a sentence, describes
  topics_detail::PatternList
      aside;  // "having", "who": the clause it opens (to a comma) is not the news
  topics_detail::PatternList plan_noun;   // "plan", "package": "troop surge plan" is a plan
  topics_detail::PatternList modal;       // "would", "could": "troops sent there would stay"
  topics_detail::PatternList determiner;  // "the", "un": a "done" word after one is a noun
  topics_detail::PatternList reaction;    // "condemns", "victims of": the act named after happened
  topics_detail::PatternList offshore;    // "off": "off Mexico" is near a place, not in it
  topics_detail::PatternList news_label;  // "BREAKING:", "Última hora:": the title after it reports
  // "suspected cartel lab": the noun is in doubt, not the act
  topics_detail::PatternList noun_hedge;
  // "in January": a summary's act comes before the news
  topics_detail::PatternList dated;
  // "Así fue...", "What we know about the": the act is taken as done
  topics_detail::PatternList explainer;
  // "Opinion:", "Op-ed:" opening the title: the item argues, it reports no act
  topics_detail::PatternList opinion_label;
  // "lo atribuyen a", "blamed it on": gives an act to the actor named right after
  topics_detail::PatternList attribution;
};

struct FactSpec {
  std::string name;
  std::string kind;      // "number", "set" or "text"
  std::string unit;      // number facts: the [units] label they read
  std::string entities;  // set facts: the [entities.KIND] whose names join the set
};

struct TopicRules {
  TopicInfo info;
  topics_detail::PatternList act;          // names the act (noun or verb)
  topics_detail::PatternList done;         // forms that report the act done
  topics_detail::PatternList actor;        // who must do it
  topics_detail::PatternList other_actor;  // someone else doing it: not this topic
  topics_detail::PatternList where;        // the place or target the topic is about
  topics_detail::PatternList exclude;      // other theatres and senses of the words
  topics_detail::PatternList denial;       // topic-specific denial cues ("no US troops")
  topics_detail::PatternList place;  // where the act lands; lifts an exclusion ("off Venezuela")
  topics_detail::PatternList
      implicit_actor;             // no actor named: assume ours if these are in the sentence
  // a place stated as inside the territory ("in Mexican waters"): lifts every exclusion
  topics_detail::PatternList inside;
  std::vector<int> number_units;  // indexes into Watchlist::unit_names
  std::vector<FactSpec> facts;
  Stance unmarked = Stance::rhetoric;  // stance when no cue decides
};

struct EntityKind {
  std::string kind;                // "group", "place"
  std::vector<std::string> names;  // canonical name per label
  topics_detail::PatternList patterns;
};

class Watchlist {
 public:
  std::string name;
  std::string question;
  std::vector<std::string> languages;
  Grammar grammar;
  std::vector<std::string> unit_names;  // label of each unit group
  topics_detail::PatternList units;
  std::vector<EntityKind> entities;
  std::vector<TopicRules> topics;
  std::vector<TopicInfo> infos;
  std::vector<FactBaseline> baselines;
};

}  // namespace redline
