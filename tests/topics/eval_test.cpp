// The quality bar, measured on the labelled sets of tests/data/topics (see its README): the
// held-out set was written before any rule and never tuned on; the rules must also beat a naive
// keyword matcher on both sets.
#include <unistd.h>

#include <fstream>

#include "tests/topics/support.h"
#include "topics/evaluation.h"

namespace redline {
namespace {

std::vector<LabelledItem> load(const char* name) {
  auto items = load_labelled(std::string(REDLINE_TEST_DATA) + "/topics/" + name);
  if (!items) throw std::runtime_error(items.error().message);
  return *items;
}

// Targets on the held-out set: action-alert precision >= 0.95, recall >= 0.90. Recall meets its
// target. Precision does not yet (0.929 when last measured: 4 false alerts in 56), so this test
// holds the measured level as a floor rather than claiming the target; raise it to 0.95 once met.
constexpr double kHeldOutRecallTarget = 0.90;
constexpr double kHeldOutPrecisionFloor = 0.92;

TEST(Eval, HeldOutActionRecallMeetsTarget) {
  const auto items = load("heldout.jsonl");
  ASSERT_GE(items.size(), 150u);
  const EvalReport r = evaluate(items, test::shipped());
  EXPECT_GE(r.action.recall(), kHeldOutRecallTarget) << format_report(r);
}

TEST(Eval, HeldOutActionPrecisionHoldsItsFloor) {
  const EvalReport r = evaluate(load("heldout.jsonl"), test::shipped());
  EXPECT_GE(r.action.precision(), kHeldOutPrecisionFloor) << format_report(r);
}

TEST(Eval, DevActionAlertsMeetTheTargets) {
  const EvalReport r = evaluate(load("dev.jsonl"), test::shipped());
  EXPECT_GE(r.action.precision(), 0.95) << format_report(r);
  EXPECT_GE(r.action.recall(), 0.90) << format_report(r);
}

TEST(Eval, RulesBeatTheNaiveBaseline) {
  for (const char* set : {"dev.jsonl", "heldout.jsonl"}) {
    const auto items = load(set);
    const EvalReport r = evaluate(items, test::shipped());
    const EvalReport naive = evaluate_naive(items, *test::shipped_watchlist());
    EXPECT_GT(r.action.f1(), naive.action.f1() + 0.2) << set;
    EXPECT_GT(r.stance_accuracy(), naive.stance_accuracy()) << set;
  }
}

TEST(Eval, EverySetCoversEveryTopicAndStance) {
  for (const char* set : {"dev.jsonl", "heldout.jsonl"}) {
    std::map<std::string, int> seen;
    int unlabelled = 0;
    for (const auto& item : load(set)) {
      if (item.labels.empty()) ++unlabelled;
      for (const auto& [topic, stance] : item.labels) ++seen[topic + "/" + to_string(stance)];
    }
    for (const char* t : {"strikes", "designations", "troops"}) {
      for (const char* s : {"action", "rhetoric", "denial"}) {
        EXPECT_GE(seen[std::string(t) + "/" + s], 1) << set << " " << t << "/" << s;
      }
    }
    EXPECT_GE(unlabelled, 30) << set << ": distractors";
  }
}

TEST(Eval, MalformedLabelledLineNamesFileAndLine) {
  const std::string path =
      ::testing::TempDir() + "/bad_labels-" + std::to_string(getpid()) + ".jsonl";
  {
    std::ofstream out(path);
    out << R"({"id":"a","title":"x","labels":[]})"
        << "\n"
        << "{not json\n";
  }
  const auto r = load_labelled(path);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message.rfind(path + ":2:", 0), 0u) << r.error().message;
}

}  // namespace
}  // namespace redline
