// The history query: filters, order, full-text search and hostile search text.
#include <gtest/gtest.h>

#include "tests/db/db_test_support.h"

namespace redline {
namespace {

using namespace std::chrono_literals;
using testing::at;
using testing::item;
using testing::match;
using testing::poll_at;

class History : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    other = store->ensure_feed("agency", "https://agency.example/feed").id;
    add(feed, "s1", "US strikes cartel lab in Sinaloa", "Drone strike near Culiacán", t0,
        {match("strikes", Stance::action)});
    add(feed, "s2", "White House weighs strikes on cartels", "Officials discuss options",
        t0 + 1h, {match("strikes", Stance::rhetoric)});
    add(other, "t1", "Pentagon sends 1,500 more troops to the border", "Active duty troops",
        t0 + 2h, {match("troops", Stance::action)});
    add(other, "x1", "Weather: storms over the Gulf", "Rain expected", t0 + 3h, {});
  }

  void add(std::int64_t feed_id, const std::string& guid, const std::string& title,
           const std::string& summary, Timestamp when, std::vector<Match> matches) {
    store->record_poll(feed_id, poll_at(when),
                       {item(guid, title, "https://n.example/" + guid, summary, when)});
    for (const auto& p : store->pending_classification(10))
      store->record_classification({p, matches, {guid}}, AlertPolicy{}, when);
  }

  std::vector<std::string> titles(const HistoryQuery& q) {
    std::vector<std::string> out;
    for (const auto& h : store->history(q)) out.push_back(h.title);
    return out;
  }

  std::int64_t other = 0;
};

TEST_F(History, ListsNewestFirstWithFeedAndMatches) {
  const auto h = store->history({});
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[0].title, "Weather: storms over the Gulf");
  EXPECT_EQ(h[3].title, "US strikes cartel lab in Sinaloa");
  EXPECT_EQ(h[3].feed, "wire");
  EXPECT_EQ(h[3].link, "https://n.example/s1");
  EXPECT_EQ(h[3].summary, "Drone strike near Culiacán");
  EXPECT_EQ(h[3].published, t0);
  ASSERT_EQ(h[3].matches.size(), 1u);
  EXPECT_EQ(h[3].matches[0].topic, "strikes");
  EXPECT_EQ(h[3].matches[0].stance, "action");
  EXPECT_NE(h[3].matches[0].event_id, 0);
  EXPECT_TRUE(h[0].matches.empty());
}

TEST_F(History, FiltersByTopicStanceAndFeed) {
  HistoryQuery q;
  q.topic = "strikes";
  EXPECT_EQ(titles(q).size(), 2u);
  q.stance = "action";
  EXPECT_EQ(titles(q), std::vector<std::string>{"US strikes cartel lab in Sinaloa"});
  HistoryQuery by_stance;
  by_stance.stance = "action";
  EXPECT_EQ(titles(by_stance).size(), 2u);
  HistoryQuery by_feed;
  by_feed.feed = "agency";
  EXPECT_EQ(titles(by_feed), (std::vector<std::string>{"Weather: storms over the Gulf",
                                                       "Pentagon sends 1,500 more troops to the border"}));
}

TEST_F(History, FiltersByTimeAndLimits) {
  HistoryQuery q;
  q.since = t0 + 1h;
  q.until = t0 + 2h;
  EXPECT_EQ(titles(q), (std::vector<std::string>{"Pentagon sends 1,500 more troops to the border",
                                                 "White House weighs strikes on cartels"}));
  HistoryQuery limited;
  limited.limit = 1;
  EXPECT_EQ(titles(limited), std::vector<std::string>{"Weather: storms over the Gulf"});
}

TEST_F(History, SearchesTitlesAndSummaries) {
  HistoryQuery q;
  q.search = "strikes";
  EXPECT_EQ(titles(q).size(), 2u);
  q.search = "culiacan";  // in a summary, accent-insensitive
  EXPECT_EQ(titles(q), std::vector<std::string>{"US strikes cartel lab in Sinaloa"});
  q.search = "troops AND border";
  EXPECT_EQ(titles(q).size(), 1u);
  q.search = "strik*";
  EXPECT_EQ(titles(q).size(), 2u);
  q.search = "strikes";
  q.feed = "agency";
  EXPECT_TRUE(titles(q).empty());
}

TEST_F(History, SearchTextThatIsNotFtsSyntaxStillWorks) {
  HistoryQuery q;
  for (const char* text : {"\"unbalanced", "cartel)", "AND", "1,500 (troops", "-border", "*",
                           "NEAR(", "title:", "'; DROP TABLE items; --"}) {
    q.search = text;
    EXPECT_NO_THROW(store->history(q)) << text;
  }
  q.search = "1,500 (troops";
  EXPECT_EQ(titles(q), std::vector<std::string>{"Pentagon sends 1,500 more troops to the border"});
  q.search = "   ";
  EXPECT_EQ(titles(q).size(), 4u);
}

TEST_F(History, SearchFollowsTheLatestRevision) {
  store->record_poll(feed, poll_at(t0 + 4h),
                     {item("s2", "White House orders strikes on cartels", "https://n.example/s2",
                           "Officials discuss options", t0 + 1h)});
  HistoryQuery q;
  q.search = "weighs";
  EXPECT_TRUE(titles(q).empty());
  q.search = "orders";
  EXPECT_EQ(titles(q), std::vector<std::string>{"White House orders strikes on cartels"});
}

TEST_F(History, EventsCanBeFilteredByTopicAndTime) {
  EXPECT_EQ(store->events("strikes", std::nullopt).size(), 2u);
  EXPECT_EQ(store->events("troops", std::nullopt).size(), 1u);
  EXPECT_EQ(store->events(std::nullopt, t0 + 90min).size(), 1u);
}

TEST_F(History, FeedsReportTheirItemCounts) {
  const auto feeds = store->feeds();
  ASSERT_EQ(feeds.size(), 2u);
  EXPECT_EQ(feeds[0].name, "agency");
  EXPECT_EQ(feeds[0].item_count, 2);
  EXPECT_EQ(feeds[1].item_count, 2);
  EXPECT_TRUE(store->integrity_ok());
}

TEST_F(History, RevisionDiffsCanBeFilteredByTopic) {
  store->record_poll(other, poll_at(t0 + 4h),
                     {item("t1", "Pentagon sends 3,000 more troops to the border",
                           "https://n.example/t1", "Active duty troops", t0 + 2h)});
  EXPECT_EQ(store->revision_diffs("troops", 10).size(), 1u);
  EXPECT_TRUE(store->revision_diffs("strikes", 10).empty());
  EXPECT_EQ(store->revision_diffs("troops", 10).at(0).diff,
            "Pentagon sends [-1,500-] {+3,000+} more troops to the border");
}

}  // namespace
}  // namespace redline
