#include <fstream>

#include "tests/topics/support.h"

namespace redline {
namespace {

// A complete minimal watchlist for another question, to show the engine knows nothing of Mexico.
const char* const kTaiwan = R"(
[watchlist]
name = "taiwan"
question = "Will China blockade Taiwan?"

[vocab]
china = ['china', 'chinese', 'pla', 'beijing']

[grammar.en]
rhetoric = ['could', 'warns?', 'threatens?', 'drills?']
action = ['began', 'begins', 'turned back']
denial = ['denies', 'no blockade']

[units]
ships = ['ships', 'vessels', 'warships']

[[topic]]
name = "blockade"
severity = "critical"
act = ['blockade', 'quarantine']
done = ['{china}( \S+)? (blockades|imposes)']
actor = ['{china}']
where = ['taiwan', 'taiwan strait']
numbers = ['ships']
)";

Result<std::shared_ptr<const Watchlist>> parse(const std::string& text) {
  return parse_watchlist(text, "test.toml");
}

std::string error_of(const std::string& text) {
  const auto r = parse(text);
  return r ? std::string("(loaded)") : r.error().message;
}

TEST(Watchlist, LoadsTheShippedDefault) {
  const auto& c = test::shipped();
  EXPECT_EQ(c.watchlist_name(), "us-mexico");
  ASSERT_EQ(c.topics().size(), 3u);
  EXPECT_EQ(c.topics()[0].name, "strikes");
  EXPECT_EQ(c.topics()[0].severity, Severity::critical);
  EXPECT_EQ(c.topics()[1].name, "designations");
  EXPECT_EQ(c.topics()[2].name, "troops");
}

TEST(Watchlist, ExposesBaselineFacts) {
  bool found = false;
  for (const auto& b : test::shipped().baselines()) {
    if (b.fact == "designated_groups") {
      found = true;
      EXPECT_EQ(b.topic, "designations");
      EXPECT_NE(std::find(b.values.begin(), b.values.end(), "CJNG"), b.values.end());
      EXPECT_EQ(b.as_of, "2025-02-20");
    }
  }
  EXPECT_TRUE(found);
}

TEST(Watchlist, AnotherQuestionIsJustAnotherFile) {
  const auto w = parse(kTaiwan);
  ASSERT_TRUE(w) << w.error().message;
  const Classifier c(*w);
  const auto action = c.classify("China imposes blockade on Taiwan; 40 warships in the strait", "");
  ASSERT_EQ(action.size(), 1u);
  EXPECT_EQ(action[0].topic, "blockade");
  EXPECT_EQ(action[0].stance, Stance::action);
  ASSERT_EQ(action[0].numbers.size(), 1u);
  EXPECT_EQ(action[0].numbers[0].what, "ships");
  EXPECT_EQ(c.classify("China warns it could blockade Taiwan", "")[0].stance, Stance::rhetoric);
  EXPECT_TRUE(c.classify("US strikes cartel camp in Sinaloa", "").empty());
}

TEST(Watchlist, RetrospectiveAndFrameWorkForAnotherQuestion) {
  const std::string text = std::string(kTaiwan) +
                           "[grammar.xx]\n"
                           "retrospective = ['in (19|20)\\d\\d']\n"
                           "frame = ['war game']\n";
  const auto w = parse(text);
  ASSERT_TRUE(w) << w.error().message;
  const Classifier c(*w);
  const auto imagined = c.classify("War game: China imposes blockade on Taiwan", "");
  ASSERT_EQ(imagined.size(), 1u);
  EXPECT_EQ(imagined[0].stance, Stance::rhetoric);
  EXPECT_TRUE(c.classify("In 1996, China imposes blockade on Taiwan", "").empty());
  const auto now = c.classify("China imposes blockade on Taiwan", "");
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0].stance, Stance::action);
}

TEST(Watchlist, RejectsUnknownKeyWithLine) {
  const std::string text = std::string(kTaiwan) + "exlcude = ['x']\n";
  const std::string e = error_of(text);
  EXPECT_NE(e.find("test.toml:"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key \"exlcude\""), std::string::npos) << e;
  const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  EXPECT_NE(e.find(":" + std::to_string(lines) + ":"), std::string::npos) << e;
}

TEST(Watchlist, RejectsUnknownGrammarKey) {
  const std::string e = error_of(
      "[watchlist]\nname='x'\n[grammar.en]\nrhetorik = ['may']\n[[topic]]\nname='t'\nact=['a']\n");
  EXPECT_EQ(e.rfind("test.toml:4: unknown key \"rhetorik\"", 0), 0u) << e;
}

TEST(Watchlist, RejectsBadRegexWithLine) {
  const std::string e =
      error_of("[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['ok',\n  'bad(']\n");
  EXPECT_EQ(e.rfind("test.toml:6: bad pattern", 0), 0u) << e;
}

TEST(Watchlist, RejectsPatternMatchingEmptyText) {
  const std::string e = error_of("[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['a*']\n");
  EXPECT_NE(e.find("test.toml:5:"), std::string::npos) << e;
  EXPECT_NE(e.find("empty"), std::string::npos) << e;
}

TEST(Watchlist, RejectsUnknownVocabulary) {
  const std::string e = error_of("[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['{nope}']\n");
  EXPECT_EQ(e, "test.toml:5: unknown vocabulary {nope}");
}

TEST(Watchlist, RejectsVocabularyCycle) {
  const std::string e = error_of(
      "[watchlist]\nname='x'\n[vocab]\na=['{b}']\nb=['{a}']\n[[topic]]\nname='t'\nact=['{a}']\n");
  EXPECT_NE(e.find("nested too deeply"), std::string::npos) << e;
}

TEST(Watchlist, ReportsTomlSyntaxErrorWithLine) {
  const std::string e = error_of("[watchlist]\nname='x'\n\n[[topic]\n");
  EXPECT_EQ(e.rfind("test.toml:4:", 0), 0u) << e;
}

TEST(Watchlist, RejectsBadSeverityAndUnknownUnit) {
  EXPECT_NE(error_of("[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['a']\nseverity='huge'\n")
                .find("test.toml:6: severity"),
            std::string::npos);
  EXPECT_NE(error_of("[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['a']\nnumbers=['ships']\n")
                .find("test.toml:6: unit"),
            std::string::npos);
}

TEST(Watchlist, RejectsDuplicateTopicAndMissingAct) {
  EXPECT_NE(
      error_of(
          "[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['a']\n[[topic]]\nname='t'\nact=['b']\n")
          .find("duplicate topic"),
      std::string::npos);
  EXPECT_NE(error_of("[watchlist]\nname='x'\n[[topic]]\nname='t'\n").find("no \"act\""),
            std::string::npos);
}

TEST(Watchlist, PatternsAreFoldedLikeText) {
  const auto w = parse(
      "[watchlist]\nname='x'\n[[topic]]\nname='t'\nact=['CÁRTEL\\S*']\nimplicit_actor=['SINALOA']"
      "\nwhere=['Sinaloa']\n");
  ASSERT_TRUE(w) << w.error().message;
  const auto ms = Classifier(*w).classify("El cartel de SINALOA", "");
  EXPECT_EQ(ms.size(), 1u);
}

TEST(Watchlist, MissingFileIsAnErrorWithName) {
  const auto r = load_watchlist("/nonexistent/w.toml");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message.rfind("/nonexistent/w.toml:1:", 0), 0u);
}

}  // namespace
}  // namespace redline
