#include <nlohmann/json.hpp>

#include <fstream>

#include "tests/topics/support.h"
#include "topics/analysis.h"
#include "topics/watchlist.h"

namespace redline {
namespace {

using test::shipped;

double similarity(const std::string& t1, const std::string& s1, const std::string& t2,
                  const std::string& s2) {
  return event_similarity(shipped().event_words(t1, s1), shipped().event_words(t2, s2));
}

TEST(Event, SameStrikeWordedDifferentlyIsSimilar) {
  const double same = similarity("US drone strike hits Sinaloa Cartel lab near Culiacan",
                                 "Four people were killed, officials said.",
                                 "American drones bomb cartel laboratory in Culiacán, Sinaloa",
                                 "The strike killed 4, Mexico said.");
  const double other = similarity("US drone strike hits Sinaloa Cartel lab near Culiacan",
                                  "Four people were killed, officials said.",
                                  "Pentagon sends 1,500 more troops to Texas border",
                                  "The soldiers will arrive next week.");
  EXPECT_GT(same, 0.3);
  EXPECT_GT(same, 2 * other);
}

TEST(Event, SpanishAndEnglishReportsShareEntities) {
  const auto en = shipped().event_words("US designates CJNG as terrorist organization", "");
  const auto es =
      shipped().event_words("EU designa al Cártel Jalisco Nueva Generación como terrorista", "");
  EXPECT_NE(std::find(en.begin(), en.end(), "e:CJNG"), en.end());
  EXPECT_NE(std::find(es.begin(), es.end(), "e:CJNG"), es.end());
  EXPECT_GT(event_similarity(en, es), 0.3);
}

TEST(Event, NumbersWeighMore) {
  const auto a = shipped().event_words("Pentagon sends 1,500 troops to border", "");
  const auto b = shipped().event_words("1.500 soldados llegan a la frontera", "");
  EXPECT_NE(std::find(a.begin(), a.end(), "n:1500 troops"), a.end());
  EXPECT_NE(std::find(b.begin(), b.end(), "n:1500 troops"), b.end());
}

TEST(Event, DropsStopwordsAndStems) {
  const auto w = shipped().event_words("The strikes and the strike", "");
  EXPECT_EQ(std::count(w.begin(), w.end(), "the"), 0);
  EXPECT_EQ(std::count(w.begin(), w.end(), "strik"), 1);
  // Stopwords of every length and both languages; the rest sorted, once each, with the tagged
  // tokens among them.
  const auto v = shipped().event_words("Those troops would move about 1,500 km, pero entre ellos",
                                       "Sobre la frontera, contra el CJNG, these troops stay.");
  for (const char* stop : {"those", "would", "about", "pero", "entre", "sobre", "contra", "these"})
    EXPECT_EQ(std::count(v.begin(), v.end(), stop), 0) << stop;
  EXPECT_EQ(std::count(v.begin(), v.end(), "troop"), 1);
  EXPECT_EQ(std::count(v.begin(), v.end(), "e:CJNG"), 1);
  EXPECT_TRUE(std::adjacent_find(v.begin(), v.end(), std::greater_equal<>()) == v.end());
}

TEST(Event, SimilarityIsSymmetricAndBounded) {
  const auto a =
      shipped().event_words("US strikes cartel camp in Sonora", "Two F-35s struck the camp.");
  const auto b = shipped().event_words("Strike on Sonora camp confirmed", "");
  EXPECT_DOUBLE_EQ(event_similarity(a, b), event_similarity(b, a));
  EXPECT_DOUBLE_EQ(event_similarity(a, a), 1.0);
  EXPECT_GE(event_similarity(a, b), 0.0);
  EXPECT_LE(event_similarity(a, b), 1.0);
  EXPECT_EQ(event_similarity({}, a), 0.0);
}

}  // namespace
}  // namespace redline

namespace redline {
namespace {

// The pipeline reads each item once (classify_with_words); it must agree with the two separate
// calls on every labelled item, relevant or not.
TEST(Event, OneReadingAgreesWithClassifyAndEventWords) {
  std::ifstream in(std::string(REDLINE_SOURCE_DIR) + "/tests/data/topics/dev.jsonl");
  ASSERT_TRUE(in) << "dev.jsonl missing";
  std::string line;
  int matched = 0, lines = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    ++lines;
    const auto j = nlohmann::json::parse(line);
    const std::string title = j.at("title"), summary = j.at("summary");
    const auto both = test::shipped().classify_with_words(title, summary);
    const auto alone = test::shipped().classify(title, summary);
    ASSERT_EQ(both.matches.size(), alone.size()) << title;
    for (std::size_t i = 0; i < alone.size(); ++i) {
      EXPECT_EQ(both.matches[i].topic, alone[i].topic) << title;
      EXPECT_EQ(both.matches[i].stance, alone[i].stance) << title;
      EXPECT_EQ(both.matches[i].evidence, alone[i].evidence) << title;
    }
    // The quick test that skips most items must never skip one the full reading matches.
    const auto& w = *test::shipped_watchlist();
    const auto a = topics_detail::analyze(w, title, summary);
    bool full = false;
    for (const auto& topic : w.topics) {
      full = full || topics_detail::decide_topic(w, topic, a, topics_detail::find_numbers(w, a));
    }
    EXPECT_EQ(full, !alone.empty()) << title;
    if (alone.empty()) {
      EXPECT_TRUE(both.event_words.empty()) << title;
    } else {
      ++matched;
      EXPECT_EQ(both.event_words, test::shipped().event_words(title, summary)) << title;
    }
  }
  EXPECT_GT(lines, 400);
  EXPECT_GT(matched, 200);  // the comparison covered many matched items
}

}  // namespace
}  // namespace redline
