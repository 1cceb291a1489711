// `redline parse` as scripts see it: the JSON on stdout and the exit codes of DESIGN.md.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct CommandRun {
  int status = -1;
  std::string out;
};

CommandRun run(const std::string& args) {
  const std::string cmd = std::string(REDLINE_BIN) + " parse " + args + " 2>/dev/null";
  CommandRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string data(const std::string& name) { return std::string(REDLINE_TEST_DATA) + "/feeds/" + name; }

TEST(ParseCommand, PrintsTheDocumentedJsonInTheDocumentedOrder) {
  const CommandRun r = run(data("atom10_xml_base_nested.xml"));
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"format", "title", "link", "subtitle", "language",
                                            "published", "updated", "items", "warnings"}));
  const auto& item = j["items"][0];
  std::vector<std::string> item_keys;
  for (const auto& [k, v] : item.items()) item_keys.push_back(k);
  EXPECT_EQ(item_keys, (std::vector<std::string>{"id", "title", "link", "published", "updated", "summary", "content",
                                                 "author", "categories", "enclosures"}));
  EXPECT_EQ(item["published"], "2025-03-01T05:00:00Z");
  EXPECT_EQ(j["format"], "atom1.0");
}

TEST(ParseCommand, DatesAreNullWhenMissing) {
  const CommandRun r = run(data("rss091_userland.xml"));
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j.at("published").is_null());
  EXPECT_TRUE(j["updated"].is_null());
  EXPECT_TRUE(j["items"][0]["published"].is_null());
}

TEST(ParseCommand, BaseUrlOptionResolvesRelativeLinks) {
  const CommandRun r = run(data("rss20_relative_links_resolved_against_channel_link.xml") + " --base-url https://m.example.com/f/x.xml");
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["items"][0]["link"], "https://m.example.com/f/2025/01/brigade.html");
}

TEST(ParseCommand, ReadsStandardInputForDash) {
  const CommandRun r = run("- < " + data("rss091_userland.xml"));
  ASSERT_EQ(r.status, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["title"], "Old School");
}

TEST(ParseCommand, NotAFeedExits65) {
  EXPECT_EQ(run(data("html_page_not_a_feed.html")).status, 65);
  EXPECT_EQ(run("/dev/null").status, 65);
}

TEST(ParseCommand, UnreadableFileExits66) {
  EXPECT_EQ(run(data("no_such_file.xml")).status, 66);
  EXPECT_EQ(run(std::string(REDLINE_TEST_DATA)).status, 66);  // a directory
}

}  // namespace
