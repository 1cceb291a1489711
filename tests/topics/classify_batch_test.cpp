// Classifying many items at once (each pattern list over all of them in a row) gives, item for
// item, what classifying them one by one gives.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "tests/topics/support.h"
#include "topics/evaluation.h"

namespace redline {
namespace {

std::string describe(const Classifier::Classification& c) {
  std::ostringstream out;
  for (const auto& m : c.matches) {
    out << m.topic << ' ' << to_string(m.stance) << ' ' << m.confidence << " [" << m.evidence
        << "]";
    for (const auto& n : m.numbers) out << " n:" << n.value << '/' << n.what;
    for (const auto& e : m.entities) out << " e:" << e;
    for (const auto& f : m.facts) out << " f:" << f.fact << '=' << f.value << '/' << f.add_to_set;
    out << '\n';
  }
  for (const auto& w : c.event_words) out << w << ' ';
  return out.str();
}

// The labelled development sets: varied text, items about every topic and about none.
std::vector<LabelledItem> development_items() {
  std::vector<LabelledItem> all;
  const std::filesystem::path dir = std::string(REDLINE_TEST_DATA) + "/topics";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const auto name = entry.path().filename().string();
    if (name.rfind("dev", 0) != 0 || entry.path().extension() != ".jsonl") continue;
    auto items = load_labelled(entry.path().string());
    if (!items) throw std::runtime_error(items.error().message);
    all.insert(all.end(), items->begin(), items->end());
  }
  return all;
}

TEST(ClassifyBatch, GivesEachItemWhatClassifyingItAloneGives) {
  const auto items = development_items();
  ASSERT_GT(items.size(), 5000u);
  const Classifier& c = test::shipped();
  std::vector<std::string> alone;
  std::size_t matched = 0;
  for (const auto& item : items) {
    const auto one = c.classify_with_words(item.title, item.summary);
    matched += !one.matches.empty();
    alone.push_back(describe(one));
  }
  ASSERT_GT(matched, items.size() / 3);  // the comparison covers the decisions, not only gates
  for (const std::size_t size : {std::size_t{2}, std::size_t{16}, std::size_t{97}}) {
    for (std::size_t from = 0; from < items.size(); from += size) {
      std::vector<Classifier::Text> batch;
      for (std::size_t i = from; i < std::min(items.size(), from + size); ++i) {
        batch.push_back({items[i].title, items[i].summary});
      }
      const auto results = c.classify_with_words(batch);
      ASSERT_EQ(results.size(), batch.size());
      for (std::size_t k = 0; k < results.size(); ++k) {
        ASSERT_EQ(describe(results[k]), alone[from + k])
            << "batches of " << size << ", item " << items[from + k].id;
      }
    }
  }
}

TEST(ClassifyBatch, EmptyBatchGivesNothing) {
  EXPECT_TRUE(test::shipped().classify_with_words(std::vector<Classifier::Text>{}).empty());
}

}  // namespace
}  // namespace redline
