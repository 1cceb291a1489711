// Literal matching (topics/literal.h) must find exactly what RE2 finds: the same hits, with the
// same labels, for every list of the shipped watchlist, on the labelled items' text and on
// random text built from the patterns' own words.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "support.h"
#include "topics/analysis.h"
#include "topics/literal.h"
#include "topics/watchlist.h"

namespace redline::topics_detail {
namespace {

using Strings = std::vector<std::string>;

Strings sorted(std::optional<Strings> s) {
  EXPECT_TRUE(s.has_value());
  if (!s) return {};
  std::sort(s->begin(), s->end());
  return *s;
}

TEST(LiteralStrings, SpellsOutWordsWithOptionalEndings) {
  EXPECT_EQ(sorted(literal_strings("strikes?", 100)), (Strings{"strike", "strikes"}));
  EXPECT_EQ(sorted(literal_strings("bomb(s|ed|ing)?", 100)),
            (Strings{"bomb", "bombed", "bombing", "bombs"}));
  EXPECT_EQ(sorted(literal_strings("u\\.? ?s\\.?", 100)),
            (Strings{"u s", "u s.", "u. s", "u. s.", "u.s", "u.s.", "us", "us."}));
  EXPECT_EQ(sorted(literal_strings("active[- ]duty", 100)),
            (Strings{"active duty", "active-duty"}));
  EXPECT_EQ(sorted(literal_strings("(?:a|b){1,2}", 100)),
            (Strings{"a", "aa", "ab", "b", "ba", "bb"}));
  EXPECT_EQ(sorted(literal_strings("(?P<x>gulf) cartel", 100)), (Strings{"gulf cartel"}));
  EXPECT_EQ(sorted(literal_strings("\\d", 100)).size(), 10u);
}

TEST(LiteralStrings, GivesUpOnWhatIsNotASmallFiniteSet) {
  for (const char* p : {"\\S+ troops", "troops.", "[^ ]+", "[a-z]+ing", "a*", "x{2,}", "\\bx", "^x",
                        "x$", "(?i)x", "\\pL"}) {
    EXPECT_FALSE(literal_strings(p, 100)) << p;
  }
  EXPECT_FALSE(literal_strings("(a|b|c)(d|e|f)(g|h|i)", 20));  // 27 strings
}

TEST(LiteralPrefixes, EveryMatchBeginsWithOne) {
  EXPECT_EQ(sorted(literal_prefixes("cross(ed)? ([^ ,.;:]+ ){1,4}into mexico", 100)),
            (Strings{"cross ", "crossed "}));
  EXPECT_EQ(sorted(literal_prefixes("\\d\\S* guardias", 100)).size(), 10u);
  EXPECT_FALSE(literal_prefixes("(\\S+ )?no casualties", 100));
  EXPECT_FALSE(literal_prefixes("\\S*\\d\\S* pounds", 100));
  // Too many whole starts: cut shorter, still starts of every match.
  const auto cut = sorted(literal_prefixes("(ab|ac|ad|ae)(x|y|z)\\S+", 4));
  EXPECT_EQ(cut, (Strings{"ab", "ac", "ad", "ae"}));
}

PatternList compiled(const std::vector<std::vector<std::string>>& groups) {
  std::vector<std::vector<PatternSource>> sources;
  for (const auto& g : groups) {
    sources.emplace_back();
    for (const auto& p : g) sources.back().push_back({p, 1});
  }
  auto list = PatternList::compile(sources, "w.toml");
  EXPECT_TRUE(list) << (list ? "" : list.error().message);
  return list ? std::move(*list) : PatternList{};
}

std::vector<std::string> spans(const PatternList& list, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& h : list.find_all(text)) {
    out.push_back(
        text.substr(static_cast<std::size_t>(h.begin), static_cast<std::size_t>(h.end - h.begin)));
  }
  return out;
}

// The hits of `list` in `text`, checked against RE2's, labels included.
std::vector<Hit> hits_as_re2(const PatternList& list, const std::string& text) {
  std::vector<Hit> by_re2;
  list.find_all_with_re2(text, by_re2);
  const auto hits = list.find_all(text);
  EXPECT_EQ(hits.size(), by_re2.size()) << text;
  EXPECT_EQ(list.matches(text), !by_re2.empty()) << text;
  for (std::size_t i = 0; i < std::min(hits.size(), by_re2.size()); ++i) {
    EXPECT_EQ(hits[i].begin, by_re2[i].begin) << text;
    EXPECT_EQ(hits[i].end, by_re2[i].end) << text;
    EXPECT_EQ(hits[i].label, by_re2[i].label) << text;
  }
  return hits;
}

// The hits of each list in each text, checked against RE2's.
void all_as_re2(const std::vector<const PatternList*>& lists,
                const std::vector<std::string>& texts) {
  for (const auto& text : texts) {
    for (const PatternList* list : lists) hits_as_re2(*list, text);
  }
}

TEST(LiteralIndex, FindsLeftmostLongestHitsOfLiteralAndOtherPatterns) {
  auto list = compiled({{"strikes?", "air strikes?", "cross(ed)? ([^ ,.;:]+ ){1,4}into mexico",
                         "\\S*\\d\\S* pounds", "us"}});
  PatternList::share_literal_index({&list});
  ASSERT_TRUE(list.literal());
  const std::string text =
      " us air strikes, then troops crossed a few hundred meters into mexico; 500-pound "
      "bombs and 40 pounds of fentanyl. strike ";
  EXPECT_EQ(spans(list, text), (Strings{"us", "air strikes",
                                        "crossed a few hundred meters into "
                                        "mexico",
                                        "40 pounds", "strike"}));
  std::vector<Hit> by_re2;
  list.find_all_with_re2(text, by_re2);
  EXPECT_EQ(list.find_all(text).size(), by_re2.size());
  EXPECT_TRUE(list.matches(" 12 pounds "));
  EXPECT_FALSE(list.matches(" strikers "));
}

// The patterns that can begin anywhere run only over a text that holds a string each of their
// matches needs; one pass finds those strings for all lists of an index, where one string may
// end inside another, overlap it or run to the end of the text.
TEST(LiteralIndex, PatternsThatBeginAnywhereRunWhereTheirStringsAre) {
  auto weights = compiled({{"\\S*\\d\\S* (pounds|lbs|tons)", "kilo", "[a-z]+ likes?"}});
  auto future = compiled({{"[a-z]+'ll", "[a-z]+'d like", "will"}});
  auto listed = compiled({{"\\S+-(designated|listed)", "\\S*\\d\\S* (more )?marines"}});
  PatternList::share_literal_index({&weights, &future, &listed});
  ASSERT_TRUE(weights.literal() && future.literal() && listed.literal());
  const std::vector<std::string> texts = {
      " 40 pounds and 3 tons ",
      " ten pounds, 3lbs ",
      " 12 lbs ",
      " 2 tonsils ",
      " we'll see, they'd like ",
      " hell'll ",
      " we'd liked it ",
      " kilo ",
      " un-designated, re-listed ",
      " designated ",
      " 200 submarines ",
      " 200 more marines ",
      " 7 more marine ",
      " 5-listed 9 pounds 'll ",
      " x'll",
      " 1 pounds",
      " marines 1 ",
      " 3 tonstons tons ",
  };
  all_as_re2({&weights, &future, &listed}, texts);
  EXPECT_EQ(spans(weights, " 40 pounds and 3 tons "), (Strings{"40 pounds", "3 tons"}));
  EXPECT_EQ(spans(future, " we'll see, they'd like "), (Strings{"we'll", "they'd like"}));
  // " like" ends inside "'d like", a string of another list: found there too.
  EXPECT_EQ(spans(weights, " they'd like "), (Strings{"d like"}));
  EXPECT_EQ(spans(listed, " un-designated, re-listed "), (Strings{"un-designated", "re-listed"}));
  EXPECT_EQ(spans(listed, " 200 submarines "), Strings{});
  EXPECT_EQ(spans(listed, " 200 more marines "), (Strings{"200 more marines"}));
}

// A pattern run from its starts needs, for each later part of it that begins with known words
// (after a part that always ends in a space, or after spaces of its own; the start itself when
// the parts before can be empty), one of those words at a word start not before the start, with
// no more spaces between them than the parts before can hold; a start without them runs no RE2
// from that pattern. The hits are RE2's whether a needed word comes before the start, at it,
// after it (as far as allowed, or farther), inside another word or not at all; a start that
// several patterns share needs what any of them needs.
TEST(LiteralIndex, PatternsRunFromTheirStartsWhereTheWordsTheyNeedAre) {
  auto places = compiled(
      {{"in (\\S+ ){0,2}(gaza|kyiv)", "in (\\S+ )?(the )?(red sea|baltic)",
        "\\d+ guardias (mas|adicionales)",
        "(sent|deployed) ([^ ,.;:]+ ){0,3}to (the )?(border|frontera)",
        "(new )?troops (\\S+ )?(moved|flown) in", "mexico.s (army|navy)", "near [^x]+ (gaza|kyiv)",
        "in (mexican|mexico.s) (territorial )?(waters|airspace)"}});
  // "tank" may end a longer word here: it is no word this pattern needs.
  auto armour = compiled({{"in \\S*tank"}});
  PatternList::share_literal_index({&places, &armour});
  ASSERT_TRUE(places.literal() && armour.literal());
  const std::vector<std::string> texts = {
      " fighting in gaza and in kyiv ",
      " in northern gaza ",
      " in the north of gaza ",
      " in the red sea, in the baltic ",
      " in baltic waters ",
      " gaza before in the city ",
      " in the antigaza camp ",
      " in antitank lines ",
      " in tanks ",
      " in the kyiv-bound train ",
      " 200 guardias mas ",
      " 200 guardias ",
      " guardias mas 200 ",
      " troops sent to the border ",
      " troops sent a message to the frontera ",
      " sent more marines to border-town ",
      " sent troops ",
      " in ж gaza, in € kyiv ",
      " in the middle ",
      " troops were flown in ",
      " new troops moved in ",
      " flown in, new troops arrived ",
      " moved in: troops ",
      " in the north gaza ",
      " in the far north, gaza ",
      " troops sent a small message to the frontera ",
      " troops sent a very small message to the frontera ",
      " mexico's navy ",
      " mexico s navy ",
      " near the north of gaza ",
      " in mexican waters ",
      " in mexico's territorial airspace ",
      " in mexican cuisine and waters ",
      " in mexican airspace and in kyiv ",
  };
  all_as_re2({&places, &armour}, texts);
  // The needed word as far from the start as the pattern allows (3 and 6 spaces), and beyond.
  EXPECT_EQ(spans(places, " in the north gaza "), (Strings{"in the north gaza"}));
  EXPECT_EQ(spans(places, " in the far north, gaza "), Strings{});
  EXPECT_EQ(spans(places, " troops sent a small message to the frontera "),
            (Strings{"sent a small message to the frontera"}));
  EXPECT_EQ(spans(places, " troops sent a very small message to the frontera "), Strings{});
  EXPECT_EQ(spans(places, " mexico s navy "), (Strings{"mexico s navy"}));  // "." read a space
  EXPECT_EQ(spans(places, " near the north of gaza "), (Strings{"near the north of gaza"}));
  // Every part a match has: both words, each near enough.
  EXPECT_EQ(spans(places, " in mexico's territorial airspace "),
            (Strings{"in mexico's territorial airspace"}));
  EXPECT_EQ(spans(places, " in mexican cuisine and waters "), Strings{});
  EXPECT_EQ(spans(places, " troops were flown in "), (Strings{"troops were flown in"}));
  EXPECT_EQ(spans(places, " new troops moved in "), (Strings{"new troops moved in"}));
  EXPECT_EQ(spans(places, " flown in, new troops arrived "), Strings{});
  EXPECT_EQ(spans(places, " fighting in gaza and in kyiv "), (Strings{"in gaza", "in kyiv"}));
  EXPECT_EQ(spans(places, " in the antigaza camp "), Strings{});
  EXPECT_EQ(spans(armour, " in antitank lines "), (Strings{"in antitank"}));
  EXPECT_EQ(spans(places, " in the red sea, in the baltic "),
            (Strings{"in the red sea", "in the baltic"}));
  EXPECT_EQ(spans(places, " 200 guardias mas "), (Strings{"200 guardias mas"}));
  EXPECT_EQ(spans(places, " troops sent a message to the frontera "),
            (Strings{"sent a message to the frontera"}));
  EXPECT_EQ(spans(places, " in ж gaza, in € kyiv "), (Strings{"in ж gaza", "in € kyiv"}));
}

// A pattern that is an alternation is matched alternative by alternative: its literal ones as
// strings of the walk, each other one from its starts with words of its own. The hits are still
// the alternation's, longest first, also where a literal alternative begins a longer one or one
// alternative begins with a character that is no letter or digit (the pattern then runs over
// the text as a whole, as before).
TEST(LiteralIndex, AnAlternationIsMatchedAlternativeByAlternative) {
  auto one = compiled({{"(?:sheinbaum|mexico|mexico.s (army|navy)|mexican (\\S+ )?marines)"}});
  auto odd = compiled({{"(?:gulf cartel|-\\d+ bounty|cartel (\\S+ )?boss)"}});
  PatternList::share_literal_index({&one, &odd});
  ASSERT_TRUE(one.literal() && odd.literal());
  const std::vector<std::string> texts = {
      " sheinbaum said mexico's army and mexico's navy ",
      " mexico's border, mexico ",
      " mexican elite marines and mexican marines ",
      " mexican army ",
      " the gulf cartel boss and a cartel boss ",
      " a -500 bounty ",
      " mexicos army ",
  };
  all_as_re2({&one, &odd}, texts);
  EXPECT_EQ(spans(one, " sheinbaum said mexico's army and mexico's navy "),
            (Strings{"sheinbaum", "mexico's army", "mexico's navy"}));
  EXPECT_EQ(spans(one, " mexico's border, mexico "), (Strings{"mexico", "mexico"}));
  EXPECT_EQ(spans(one, " mexican elite marines and mexican marines "),
            (Strings{"mexican elite marines", "mexican marines"}));
  EXPECT_EQ(spans(odd, " a -500 bounty "), (Strings{"-500 bounty"}));
}

// A run of bytes that leads on one way with no string ending in it is kept as one node's tail:
// a text that parts from the run anywhere inside it, or ends inside it, has no hit there, and a
// string that ends where runs part is found.
TEST(LiteralIndex, StringsThatShareLongRunsArePartedAnywhere) {
  auto list = compiled(
      {{"national guard troops", "national guard troopers", "national guardsmen", "nation",
        "guard(ia)? nacional", "border wall construction crews", "border patrol agents?"}});
  PatternList::share_literal_index({&list});
  ASSERT_TRUE(list.literal());
  const std::vector<std::string> texts = {
      " national guard troops ",
      " national guard troopers, national guardsmen ",
      " national guard troop ",
      " national guardsman ",
      " nationals ",
      " nation ",
      " guardia nacional and guard nacional ",
      " guardia nacion ",
      " border wall construction crew ",
      " border wall construction crews ",
      " border patrol agent border patrol agents ",
      " border patrol ",
      " national guard troo",
      " border wall constructio",
      " national guard troopers",
  };
  for (const auto& text : texts) hits_as_re2(list, text);
  EXPECT_EQ(spans(list, " national guard troopers, national guardsmen "),
            (Strings{"national guard troopers", "national guardsmen"}));
  EXPECT_EQ(spans(list, " national guard troop "), (Strings{}));
  EXPECT_EQ(spans(list, " nation "), (Strings{"nation"}));
  EXPECT_EQ(spans(list, " border wall construction crew "), (Strings{}));
  EXPECT_EQ(spans(list, " border patrol agent border patrol agents "),
            (Strings{"border patrol agent", "border patrol agents"}));
}

TEST(LiteralIndex, AStringOfTwoLabelsHasTheFirstOfThem) {
  auto list = compiled({{"gulf"}, {"gulf cartel", "cjng"}, {"cjng", "gulf cartel"}});
  PatternList::share_literal_index({&list});
  ASSERT_TRUE(list.literal());
  const auto hits = hits_as_re2(list, " the gulf cartel and cjng, the gulf ");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].label, 1);
  EXPECT_EQ(hits[1].label, 1);
  EXPECT_EQ(hits[2].label, 0);
}

// Text outside ASCII is walked too when it is well-formed UTF-8: a character of several bytes
// ("ж", "€", an emoji) is one boundary to RE2, and one word of "[^ ,.;:]+". The hits are RE2's.
TEST(LiteralIndex, WalksWellFormedTextOutsideAscii) {
  auto labelled = compiled({{"strike"}, {"raid"}});
  auto mixed = compiled(
      {{"strikes?", "cross(ed)? ([^ ,.;:]+ ){1,4}into mexico", "\\S*\\d\\S* pounds", "won.?t"}});
  PatternList::share_literal_index({&labelled, &mixed});
  ASSERT_TRUE(labelled.literal() && mixed.literal());
  EXPECT_EQ(hits_as_re2(labelled, " strike\xd0\xb6raid strike ").size(), 3u);
  EXPECT_EQ(spans(labelled, " \xf0\x9f\x98\x80raid\xe2\x82\xac "), (Strings{"raid"}));
  const std::vector<std::string> texts = {
      " troops crossed \xc3\xb1 into mexico\xe2\x82\xac strikes ",
      " \xe2\x82\xac"
      "40\xe2\x82\xac pounds\xd0\xb6strike ",
      " they crossed the \xe2\x80\xaf line into mexico ",
      " won\xe2\x82\xact strike won't ",
      " \xf0\x9f\x98\x80strikes\xf0\x9f\x98\x80 cross a b c d e into mexico ",
      // A character outside ASCII inside a string a pattern needs (" pounds") ends it there.
      " 40 po\xc3\xb1unds 7 pou\xe2\x82\xacnds 9\xc3\xb1 pounds\xc3\xb1 ",
  };
  for (const auto& text : texts) {
    hits_as_re2(mixed, text);
    hits_as_re2(labelled, text);
  }
  EXPECT_EQ(spans(mixed, texts[0]), (Strings{"crossed \xc3\xb1 into mexico", "strikes"}));
  EXPECT_EQ(spans(mixed, texts[1]), (Strings{"\xe2\x82\xac"
                                             "40\xe2\x82\xac pounds",
                                             "strike"}));
  EXPECT_EQ(spans(mixed, texts[3]), (Strings{"won\xe2\x82\xact", "strike", "won't"}));
  EXPECT_TRUE(mixed.matches(texts[2]));
  EXPECT_EQ(spans(mixed, texts[5]), (Strings{"9\xc3\xb1 pounds"}));

  // The index answers these itself; a text that is not well-formed UTF-8 it leaves to RE2, which
  // reads no character in a stray byte (so no hit ends or starts next to one).
  auto list = LiteralList::build({{"strike"}, {"raid"}}, RE2::Options());
  ASSERT_TRUE(list);
  const auto index = LiteralIndex::build({list});
  ASSERT_TRUE(index);
  std::vector<Hit> hits;
  EXPECT_TRUE(index->find_all(0, " strike\xd0\xb6raid ", hits, false));
  EXPECT_EQ(hits.size(), 2u);
  for (const char* bad : {" strike\xffraid ", " strike\xd0raid ", " \xed\xa0\x80raid ",
                          " \xc0\xafraid ", " raid\xf4\x90\x80\x80 "}) {
    hits.clear();
    EXPECT_FALSE(index->find_all(0, bad, hits, false)) << bad;
    EXPECT_TRUE(hits.empty());
  }
  EXPECT_EQ(spans(labelled, " strike\xffraid strike "), (Strings{"strike"}));
  hits_as_re2(labelled, " strike\xffraid strike ");
}

// A list whose patterns are ASCII and name no character outside it runs its programs in
// Latin-1, over a copy of such a text with each character outside ASCII one byte: '.', a counted
// class and \S take "ж", "€" or an emoji as one character, as RE2 in UTF-8 does over the text.
// A list with a pattern that names one ("ñ") reads UTF-8. The hits are RE2's either way.
TEST(LiteralIndex, ListsInLatin1ReadACharacterOutsideAsciiAsOne) {
  auto narrow = compiled({{"a.b", "x[^ ]{2}y", "k\\S\\Sz", "m ([^ ]+ ){0,1}n"}});
  auto wide = compiled({{"a.b", "a\xc3\xb1(o|os) .z"}});
  PatternList::share_literal_index({&narrow, &wide});
  ASSERT_TRUE(narrow.literal() && wide.literal());
  const std::vector<std::string> texts = {
      " a\xd0\xb6"
      "b x\xe2\x82\xac\xd0\xb6y ",
      " k\xf0\x9f\x98\x80\xc3\xb1z m \xe2\x82\xac n ",
      " a\xc3\xb1o \xd0\xb6z a\xc3\xb1os \xe2\x82\xac"
      "z ",
      " a\xd0\xb6\xd0\xb6"
      "b x\xe2\x82\xacy ab axb ",
  };
  for (const auto& text : texts) {
    hits_as_re2(narrow, text);
    hits_as_re2(wide, text);
  }
  EXPECT_EQ(spans(narrow, texts[0]), (Strings{"a\xd0\xb6"
                                              "b",
                                              "x\xe2\x82\xac\xd0\xb6y"}));
  EXPECT_EQ(spans(narrow, texts[1]), (Strings{"k\xf0\x9f\x98\x80\xc3\xb1z", "m \xe2\x82\xac n"}));
  EXPECT_EQ(spans(narrow, texts[3]), (Strings{"axb"}));
  EXPECT_EQ(spans(wide, texts[2]), (Strings{"a\xc3\xb1o \xd0\xb6z",
                                            "a\xc3\xb1os \xe2\x82\xac"
                                            "z"}));
}

TEST(LiteralIndex, AKeptWalkServesOnlyTheSameBytes) {
  auto list = compiled({{"raid"}});
  PatternList::share_literal_index({&list});
  std::string text = " a raid here ";
  EXPECT_EQ(list.find_all(text).size(), 1u);
  text.replace(3, 4, "rain");  // same address, same size, other bytes
  EXPECT_TRUE(list.find_all(text).empty());
}

TEST(LiteralIndex, AForgottenTextIsWalkedAgain) {
  auto list = compiled({{"raid"}});
  PatternList::share_literal_index({&list});
  std::string text = " a raid here ";
  LiteralScans keep({text});
  EXPECT_EQ(list.find_all(text).size(), 1u);
  keep.forget(text);
  text.replace(3, 4, "rain");  // as if freed and written again
  EXPECT_TRUE(list.find_all(text).empty());
}

// An index that cannot be built (here: one of its lists is in another index already) leaves its
// lists to RE2 alone, their programs compiled there and then; their hits are RE2's.
TEST(LiteralIndex, ListsWhoseIndexCannotBeBuiltAreMatchedByRe2) {
  auto first = compiled({{"raid"}});
  auto second = compiled({{"strikes?", "cross(ed)? ([^ ,.;:]+ ){1,4}into mexico"}});
  PatternList::share_literal_index({&first});
  ASSERT_TRUE(first.literal());
  PatternList::share_literal_index({&first, &second});
  EXPECT_FALSE(second.literal());
  const std::string text = " troops crossed the river into mexico after strikes, a raid ";
  EXPECT_EQ(spans(second, text), (Strings{"crossed the river into mexico", "strikes"}));
  EXPECT_EQ(spans(first, text), (Strings{"raid"}));
  EXPECT_TRUE(second.matches(text));
  EXPECT_FALSE(second.matches(" a raid "));
}

// A watchlist reloaded: the new index may take the old one's address; the last walk of a text
// must not be taken for the new index's.
TEST(LiteralIndex, AWalkBelongsToTheIndexThatMadeIt) {
  const std::string text = " a raid and a strike ";
  for (int round = 0; round < 4; ++round) {
    {
      auto a = compiled({{"raid"}});
      PatternList::share_literal_index({&a});
      EXPECT_EQ(spans(a, text), (Strings{"raid"}));
    }
    {
      auto b = compiled({{"strike"}});
      PatternList::share_literal_index({&b});
      EXPECT_EQ(spans(b, text), (Strings{"strike"}));
    }
  }
}

TEST(LiteralIndex, AListGoesIntoOneIndexOnly) {
  auto a = compiled({{"raid"}});
  auto b = compiled({{"strike"}});
  PatternList::share_literal_index({&a, &b});
  PatternList::share_literal_index({&a});  // its strings are taken: a keeps its index
  EXPECT_TRUE(a.literal());
  EXPECT_EQ(spans(a, " one raid, one strike "), (Strings{"raid"}));
  EXPECT_EQ(spans(b, " one raid, one strike "), (Strings{"strike"}));
}

// Every list of the shipped watchlist, in the order the loader shares them.
std::vector<std::pair<std::string, const PatternList*>> shipped_lists(const Watchlist& w) {
  std::vector<std::pair<std::string, const PatternList*>> out;
  const Grammar& g = w.grammar;
  for (const auto* l :
       {&g.denial,       &g.not_denial, &g.rhetoric,      &g.action,     &g.speech,
        &g.clause_break, &g.presuppose, &g.increment,     &g.total,      &g.noun_after,
        &g.noun_before,  &g.link,       &g.postposed,     &g.infinitive, &g.retrospective,
        &g.frame,        &g.participle, &g.aside,         &g.plan_noun,  &g.modal,
        &g.determiner,   &g.reaction,   &g.offshore,      &g.news_label, &g.noun_hedge,
        &g.dated,        &g.explainer,  &g.opinion_label, &g.attribution})
    out.emplace_back("grammar list " + std::to_string(out.size()), l);
  out.emplace_back("units", &w.units);
  for (const auto& e : w.entities) out.emplace_back("entities " + e.kind, &e.patterns);
  for (const auto& t : w.topics) {
    for (const auto* l : {&t.act, &t.done, &t.actor, &t.other_actor, &t.where, &t.exclude,
                          &t.denial, &t.place, &t.implicit_actor, &t.inside})
      out.emplace_back(t.info.name + " list " + std::to_string(out.size()), l);
  }
  return out;
}

void expect_same_hits(const std::vector<std::pair<std::string, const PatternList*>>& lists,
                      const std::vector<std::string>& texts, int& checked) {
  // Half the texts declared stable, as the classifier declares its own.
  std::vector<std::string_view> stable;
  for (std::size_t i = 0; i < texts.size(); i += 2) stable.emplace_back(texts[i]);
  const LiteralScans keep(stable);
  for (const auto& [name, list] : lists) {
    for (const auto& text : texts) {
      std::vector<Hit> by_re2;
      list->find_all_with_re2(text, by_re2);
      const auto hits = list->find_all(text);
      ASSERT_EQ(hits.size(), by_re2.size()) << name << " in \"" << text << "\"";
      for (std::size_t i = 0; i < hits.size(); ++i) {
        ASSERT_EQ(hits[i].begin, by_re2[i].begin) << name << " in \"" << text << "\"";
        ASSERT_EQ(hits[i].end, by_re2[i].end) << name << " in \"" << text << "\"";
        ASSERT_EQ(hits[i].label, by_re2[i].label) << name << " in \"" << text << "\"";
      }
      ASSERT_EQ(list->matches(text), !by_re2.empty()) << name << " in \"" << text << "\"";
      ++checked;
    }
  }
}

TEST(LiteralIndex, ShippedListsFindWhatRe2FindsInTheLabelledItems) {
  const auto& w = *test::shipped_watchlist();
  const auto lists = shipped_lists(w);
  int literal = 0;
  for (const auto& [name, list] : lists) literal += list->literal();
  EXPECT_GE(literal, 50) << "most lists should be matched literally";
  std::vector<std::string> texts;
  for (const char* file : {"dev.jsonl", "dev_blind.jsonl"}) {
    std::ifstream in(std::string(REDLINE_SOURCE_DIR) + "/tests/data/topics/" + file);
    ASSERT_TRUE(in) << file;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const auto j = nlohmann::json::parse(line);
      texts.push_back(
          analysis_text(j.at("title").get<std::string>(), j.at("summary").get<std::string>()));
    }
  }
  int checked = 0;
  expect_same_hits(lists, texts, checked);
  EXPECT_GT(checked, 100000);
}

// Text made of the patterns' own words and numbers, punctuation and a few bytes outside ASCII:
// hits that touch, overlap, nest and run into one another.
TEST(LiteralIndex, ShippedListsFindWhatRe2FindsInRandomText) {
  const auto& w = *test::shipped_watchlist();
  const auto lists = shipped_lists(w);
  std::ifstream in(std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml");
  ASSERT_TRUE(in);
  std::set<std::string> vocabulary;
  std::string word;
  char c = 0;
  while (in.get(c)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (!word.empty()) {
      vocabulary.insert(word);
      word.clear();
    }
  }
  const std::vector<std::string> words(vocabulary.begin(), vocabulary.end());
  ASSERT_GT(words.size(), 1000u);
  const std::vector<std::string> gaps = {" ",   " ",        " ",       " ",    ", ",
                                         ". ",  "; ",       ": ",      "-",    "'",
                                         " - ", "\xc3\xb1", " 1,500 ", " 10 ", "\xe2\x82\xac "};
  std::mt19937 rng(8);
  std::vector<std::string> texts;
  for (int t = 0; t < 3000; ++t) {
    std::string text = " ";
    const int n = 5 + static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      text += words[rng() % words.size()];
      const auto g = rng() % gaps.size();
      // Mostly ASCII, so that the literal path is the one checked.
      text += (t % 10 == 0 || g < 11) ? gaps[g] : std::string(" ");
    }
    text += " ";
    texts.push_back(std::move(text));
  }
  int checked = 0;
  expect_same_hits(lists, texts, checked);
  EXPECT_EQ(checked, static_cast<int>(lists.size() * texts.size()));
}

}  // namespace
}  // namespace redline::topics_detail
