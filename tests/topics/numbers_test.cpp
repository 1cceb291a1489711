#include "tests/topics/support.h"
#include "topics/analysis.h"

namespace redline {
namespace {

using test::match_for;
using test::shipped;

double read(const std::string& s) {
  std::size_t len = 0;
  const std::string text = " " + s + " ";
  const auto v = topics_detail::read_number(text, 1, len);
  return v ? *v : -1;
}

std::vector<Number> troop_numbers(const std::string& title, const std::string& summary = "") {
  const auto m = match_for(shipped().classify(title, summary), "troops");
  return m ? m->numbers : std::vector<Number>{};
}

TEST(Numbers, ReadsSpanishThousands) {
  EXPECT_EQ(read("1.500"), 1500);
  EXPECT_EQ(read("2.200"), 2200);
  EXPECT_EQ(read("10.000"), 10000);
}

TEST(Numbers, ReadsEnglishThousands) {
  EXPECT_EQ(read("1,500"), 1500);
  EXPECT_EQ(read("10,000"), 10000);
  EXPECT_EQ(read("1,250,000"), 1250000);
}

TEST(Numbers, ReadsMultiplierWords) {
  EXPECT_EQ(read("10 mil"), 10000);
  EXPECT_EQ(read("ten thousand"), 10000);
  EXPECT_EQ(read("diez mil"), 10000);
  EXPECT_EQ(read("1.5 million"), 1500000);
}

// A cardinal is a whole word, or whole words: not the start of a longer one ("tens", "cientos"),
// and a two-word one ("a dozen") only with both.
TEST(Numbers, ReadsCardinalWordsWhole) {
  EXPECT_EQ(read("three"), 3);
  EXPECT_EQ(read("tres"), 3);
  EXPECT_EQ(read("a dozen"), 12);
  EXPECT_EQ(read("a hundred"), 100);
  EXPECT_EQ(read("dozen"), 12);
  EXPECT_EQ(read("ciento"), 100);
  EXPECT_EQ(read("cien"), 100);
  EXPECT_EQ(read("tens"), -1);
  EXPECT_EQ(read("cientos"), -1);
  EXPECT_EQ(read("threes"), -1);
  EXPECT_EQ(read("a"), -1);
  EXPECT_EQ(read("a dozens"), -1);
  EXPECT_EQ(read("te"), -1);
  EXPECT_EQ(read("sixteen"), 16);
  EXPECT_EQ(read("six-year"), 6);  // a hyphen ends the word
}

TEST(Numbers, DecimalStaysDecimal) {
  EXPECT_DOUBLE_EQ(read("2.5"), 2.5);
  EXPECT_DOUBLE_EQ(read("1,5"), 1.5);
}

TEST(Numbers, CountsCarryWhatTheyCount) {
  const auto ns = troop_numbers("Pentágono despliega 1.500 soldados en la frontera con México",
                                "Se suman a los 2.200 elementos que ya estaban en la zona.");
  ASSERT_EQ(ns.size(), 2u);
  EXPECT_EQ(ns[0].value, 1500);
  EXPECT_EQ(ns[0].what, "troops");
  EXPECT_EQ(ns[1].value, 2200);
}

TEST(Numbers, DatesMoneyAndPercentagesAreNotCounts) {
  const auto ns = troop_numbers("US troops at border cost $300 million in 2025",
                                "Support for the deployment fell to 31 percent on January 20.");
  EXPECT_TRUE(ns.empty());
}

TEST(Numbers, TroopFactProposedForActionWithCount) {
  const auto m =
      match_for(shipped().classify("US troops deployed to border now number 10,000", ""), "troops");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->stance, Stance::action);
  ASSERT_EQ(m->facts.size(), 1u);
  EXPECT_EQ(m->facts[0].fact, "troops_at_border");
  EXPECT_EQ(m->facts[0].value, "10000");
  EXPECT_FALSE(m->facts[0].add_to_set);
}

TEST(Numbers, TotalIsPreferredOverIncrement) {
  const auto m = match_for(
      shipped().classify(
          "Pentagon sends 3,000 more troops to southern border, bringing total to 9,000", ""),
      "troops");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->facts.size(), 1u);
  EXPECT_EQ(m->facts[0].value, "9000");
}

TEST(Numbers, NoFactForRhetoric) {
  const auto m =
      match_for(shipped().classify("Pentagon weighs sending up to 10,000 troops to the border", ""),
                "troops");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->stance, Stance::rhetoric);
  EXPECT_TRUE(m->facts.empty());
  ASSERT_FALSE(m->numbers.empty());
  EXPECT_EQ(m->numbers[0].value, 10000);
}

TEST(Numbers, DesignatedGroupJoinsTheSet) {
  const auto m = match_for(
      shipped().classify("US designates Tren de Aragua as a foreign terrorist organization", ""),
      "designations");
  ASSERT_TRUE(m);
  ASSERT_EQ(m->stance, Stance::action);
  ASSERT_EQ(m->facts.size(), 1u);
  EXPECT_EQ(m->facts[0].fact, "designated_groups");
  EXPECT_EQ(m->facts[0].value, "Tren de Aragua");
  EXPECT_TRUE(m->facts[0].add_to_set);
}

}  // namespace
}  // namespace redline
