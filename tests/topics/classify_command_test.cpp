// `redline classify` as a user runs it: JSON Lines in, one line out per line in.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<nlohmann::json> run_classify(const std::string& input) {
  // One file per test and process: ctest runs the tests of this file in parallel processes.
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string in = ::testing::TempDir() + "/classify_in-" + test->name() + "-" +
                         std::to_string(getpid()) + ".jsonl";
  { std::ofstream(in) << input; }
  const std::string cmd =
      std::string(REDLINE_BIN) +
      " classify --watchlist " REDLINE_SOURCE_DIR "/config/watchlists/us-mexico.toml < " + in;
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0);
  std::remove(in.c_str());
  std::vector<nlohmann::json> lines;
  std::istringstream s(out);
  for (std::string line; std::getline(s, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST(ClassifyCommand, OneLineOutPerLineIn) {
  const auto out = run_classify(
      R"({"id":"a","title":"US drone strike kills three in Sinaloa","summary":""})"
      "\n"
      R"({"id":"b","title":"Mexico City hosts book fair","summary":"Publishers gather."})"
      "\n");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["id"], "a");
  ASSERT_EQ(out[0]["matches"].size(), 1u);
  const auto& m = out[0]["matches"][0];
  EXPECT_EQ(m["topic"], "strikes");
  EXPECT_EQ(m["stance"], "action");
  EXPECT_TRUE(m["confidence"].is_number());
  EXPECT_TRUE(m["evidence"].is_string());
  ASSERT_EQ(m["numbers"].size(), 1u);
  EXPECT_EQ(m["numbers"][0]["value"], 3);
  EXPECT_EQ(m["numbers"][0]["what"], "killed");
  EXPECT_EQ(out[1]["id"], "b");
  EXPECT_TRUE(out[1]["matches"].empty());
}

TEST(ClassifyCommand, MalformedLineGivesErrorAndContinues) {
  const auto out = run_classify(
      "{broken\n"
      R"({"id":7,"title":42})"
      "\n"
      R"({"id":"c","title":"US to deploy troops to border"})"
      "\n");
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0]["id"].is_null());
  EXPECT_TRUE(out[0]["error"].is_string());
  EXPECT_TRUE(out[1]["id"].is_null());
  EXPECT_TRUE(out[1]["error"].is_string());
  EXPECT_EQ(out[2]["id"], "c");
  EXPECT_EQ(out[2]["matches"][0]["stance"], "rhetoric");
}

}  // namespace
