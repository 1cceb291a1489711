#include "tests/topics/support.h"

namespace redline {
namespace {

using test::shipped;

double similarity(const std::string& t1, const std::string& s1, const std::string& t2,
                  const std::string& s2) {
  return event_similarity(shipped().event_words(t1, s1), shipped().event_words(t2, s2));
}

TEST(Event, SameStrikeWordedDifferentlyIsSimilar) {
  const double same = similarity(
      "US drone strike hits Sinaloa Cartel lab near Culiacan", "Four people were killed, officials said.",
      "American drones bomb cartel laboratory in Culiacán, Sinaloa", "The strike killed 4, Mexico said.");
  const double other = similarity(
      "US drone strike hits Sinaloa Cartel lab near Culiacan", "Four people were killed, officials said.",
      "Pentagon sends 1,500 more troops to Texas border", "The soldiers will arrive next week.");
  EXPECT_GT(same, 0.3);
  EXPECT_GT(same, 2 * other);
}

TEST(Event, SpanishAndEnglishReportsShareEntities) {
  const auto en = shipped().event_words("US designates CJNG as terrorist organization", "");
  const auto es = shipped().event_words("EU designa al Cártel Jalisco Nueva Generación como terrorista", "");
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
}

TEST(Event, SimilarityIsSymmetricAndBounded) {
  const auto a = shipped().event_words("US strikes cartel camp in Sonora", "Two F-35s struck the camp.");
  const auto b = shipped().event_words("Strike on Sonora camp confirmed", "");
  EXPECT_DOUBLE_EQ(event_similarity(a, b), event_similarity(b, a));
  EXPECT_DOUBLE_EQ(event_similarity(a, a), 1.0);
  EXPECT_GE(event_similarity(a, b), 0.0);
  EXPECT_LE(event_similarity(a, b), 1.0);
  EXPECT_EQ(event_similarity({}, a), 0.0);
}

}  // namespace
}  // namespace redline
