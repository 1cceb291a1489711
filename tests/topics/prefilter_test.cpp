// The prefilter (PatternSet): one RE2::Set pass that says which pattern lists can have a hit in
// an item, so the others are not scanned. It must never change what the classifier decides.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/topics/support.h"
#include "topics/evaluation.h"
#include "topics/patterns.h"
#include "topics/watchlist.h"

namespace redline {
namespace {

using topics_detail::PatternList;
using topics_detail::PatternSet;

PatternList list_of(std::vector<std::string> patterns) {
  std::vector<topics_detail::PatternSource> group;
  for (auto& p : patterns) group.push_back({std::move(p), 1});
  auto list = PatternList::compile({group}, "test.toml");
  if (!list) throw std::runtime_error(list.error().message);
  return *list;
}

TEST(Prefilter, RulesOutExactlyTheListsWithoutAHit) {
  auto threats = list_of({"warns?", "threatens?", "amenaza"});
  auto dates = list_of({"in 20\\d\\d", "last year"});
  auto places = list_of({"sinaloa", "tamaulipas", "nuevo laredo"});
  const auto set = PatternSet::build({&threats, &dates, &places});
  ASSERT_EQ(set.size(), 3u);
  for (const std::string text :
       {" trump warns of strikes in sinaloa . ", " the raid in 2019 near nuevo laredo . ",
        " nothing to see here . ", " amenaza con ataques ; last year in tamaulipas . ",
        " warnings about sinaloans . "}) {
    const auto filter = set.match(text);
    ASSERT_TRUE(filter.decided()) << text;
    for (const auto* list : {&threats, &dates, &places}) {
      EXPECT_EQ(filter.allows(*list), !list->find_all(text).empty()) << text;
      EXPECT_EQ(list->matches(text, filter), list->matches(text)) << text;
      EXPECT_EQ(list->find_all(text, filter).size(), list->find_all(text).size()) << text;
    }
  }
}

TEST(Prefilter, ScansAListTooBigForItsBudgetAlways) {
  // Ten thousand made-up words with few shared prefixes: a program far over the set's budget.
  std::vector<std::string> words;
  std::uint32_t x = 12345;
  for (int i = 0; i < 10000; ++i) {
    std::string w;
    for (int k = 0; k < 10; ++k) {
      x = x * 1103515245u + 12345u;
      w.push_back(static_cast<char>('a' + (x >> 16) % 26));
    }
    words.push_back(w);
  }
  auto big = list_of(words);
  auto small = list_of({"strike"});
  const auto set = PatternSet::build({&big, &small});
  EXPECT_EQ(set.size(), 1u);
  EXPECT_EQ(big.slot(), -1);
  const std::string text = " " + words[17] + " and " + words[9999] + " . ";
  const auto filter = set.match(text);
  EXPECT_TRUE(filter.allows(big));
  EXPECT_FALSE(filter.allows(small));
  EXPECT_EQ(big.find_all(text, filter).size(), 2u);
}

TEST(Prefilter, WithoutASetEveryListIsScanned) {
  auto threats = list_of({"warns?"});
  const PatternSet none;
  const auto filter = none.match(" no threat here . ");
  EXPECT_FALSE(filter.decided());
  EXPECT_TRUE(filter.allows(threats));
}

std::string render(const Classifier::Classification& c) {
  std::ostringstream out;
  for (const auto& m : c.matches) {
    out << m.topic << '/' << to_string(m.stance) << '/' << m.confidence << '/' << m.evidence;
    for (const auto& n : m.numbers) out << " n:" << n.value << ' ' << n.what;
    for (const auto& e : m.entities) out << " e:" << e;
    for (const auto& f : m.facts) out << " f:" << f.fact << '=' << f.value << f.add_to_set;
    out << '\n';
  }
  for (const auto& w : c.event_words) out << w << ' ';
  return out.str();
}

// The shipped watchlist, once with its prefilter and once without one: every labelled item of
// the blind-written sets gets the same matches, evidence, numbers, facts and event words.
TEST(Prefilter, ChangesNoDecisionOfTheShippedWatchlist) {
  const auto with = test::shipped_watchlist();
  ASSERT_GT(with->prefilter.size(), 0u);
  auto plain = std::make_shared<Watchlist>(*with);
  plain->prefilter = PatternSet();
  const Classifier filtered(with), unfiltered(plain);
  int items = 0, matched = 0;
  for (const char* name :
       {"dev_blind.jsonl", "dev_blind2.jsonl", "dev_blind3.jsonl", "dev_blind4.jsonl"}) {
    auto set = load_labelled(std::string(REDLINE_TEST_DATA) + "/topics/" + name);
    ASSERT_TRUE(set) << set.error().message;
    for (const auto& item : *set) {
      const auto a = filtered.classify_with_words(item.title, item.summary);
      const auto b = unfiltered.classify_with_words(item.title, item.summary);
      ASSERT_EQ(render(a), render(b)) << name << " " << item.id;
      ++items;
      matched += a.matches.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(items, 1500);
  EXPECT_GT(matched, 900);  // the comparison covered real decisions, not only empty results
}

}  // namespace
}  // namespace redline
