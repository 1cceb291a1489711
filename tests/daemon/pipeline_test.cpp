// The pipeline's classification step on a batch large enough to be split across two threads:
// every revision must get exactly what the classifier says of it alone, in the right row.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "config/config.h"
#include "daemon/pipeline.h"
#include "db/store.h"
#include "support/process.h"

namespace redline {
namespace {

// Headlines of every kind (action, rhetoric, denial, other topics, unrelated); each item adds a
// number so that all are distinct items.
const char* const kHeadlines[] = {
    "US drone strike hits cartel lab in Sinaloa",
    "Trump vows to strike cartels inside Mexico",
    "Pentagon denies US troops crossed into Mexico",
    "Pentagon deploys 1,500 more troops to the southern border",
    "State Department designates two more cartels as terrorist organizations",
    "Local bakery wins regional bread prize",
    "Teachers strike in Oaxaca over pay",
    "Senators propose bill to authorize force against cartels",
};

std::string feed_with(int items) {
  std::string xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>wire</title>";
  for (int i = 0; i < items; ++i) {
    const std::string title = std::string(kHeadlines[i % std::size(kHeadlines)]) + " (report " +
                              std::to_string(i) + ")";
    xml += "<item><guid>item-" + std::to_string(i) + "</guid><title>" + title +
           "</title><description>Officials spoke on " + std::to_string(i) +
           ".</description></item>";
  }
  return xml + "</channel></rss>";
}

TEST(Pipeline, ALargeBatchIsClassifiedAsEachItemAlone) {
  test::TempDir dir;
  Config config;
  config.storage.database = dir.file("history.db");
  config.watchlist.file = std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml";
  FeedConfig feed;
  feed.name = "wire";
  feed.url = "https://wire.example/rss";
  config.feeds.push_back(feed);
  auto store = open_sqlite_store(config.storage.database);
  Pipeline pipeline(*store, config);
  const auto record = store->ensure_feed(feed.name, feed.url);

  constexpr int kItems = 200;  // more than one split batch, with a remainder
  const auto now = now_utc();
  ASSERT_TRUE(pipeline.store_document(feed, record, feed_with(kItems), feed.url, now).ok);
  int revisions = 0;
  for (;;) {
    const auto stats = pipeline.classify_pending(now, 150);
    if (stats.revisions == 0) break;
    revisions += stats.revisions;
  }
  EXPECT_EQ(revisions, kItems);

  HistoryQuery all;
  all.limit = 1000;
  const auto items = store->history(all);
  ASSERT_EQ(items.size(), static_cast<std::size_t>(kItems));
  int matched = 0;
  for (const auto& item : items) {
    const auto expected = pipeline.classifier().classify(item.title, item.summary);
    std::map<std::string, std::string> want, got;
    for (const auto& m : expected) want[m.topic] = to_string(m.stance);
    for (const auto& m : item.matches) got[m.topic] = m.stance;
    EXPECT_EQ(got, want) << item.title;
    matched += !got.empty();
  }
  EXPECT_GT(matched, kItems / 2);  // the comparison covered many matched items
  EXPECT_LT(matched, kItems);      // ... and unmatched ones
}

// What the service's worker hands its loop: the items as the store keeps them and their
// identities, one each, in order; a document that is no feed carries its error and nothing else.
TEST(PrepareFeed, ReadiesTheItemsForTheStoreAndIdentifiesEach) {
  const std::string xml =
      "<?xml version=\"1.0\"?><rss version=\"2.0\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>w</title>"
      "<item><guid>a-1</guid><title>US drone strike in Sinaloa</title>"
      "<content:encoded>Officials confirmed the strike.</content:encoded></item>"
      "<item><title>Troops arrive</title><link>https://w.example/b</link></item>"
      "</channel></rss>";
  const auto prepared = prepare_feed(parse_feed(xml));
  ASSERT_TRUE(prepared.feed);
  ASSERT_EQ(prepared.feed->items.size(), 2u);
  ASSERT_EQ(prepared.identities.size(), 2u);
  // The summary the store keeps comes from the content when the feed gives none; the content
  // itself is not stored, and is not kept.
  EXPECT_EQ(prepared.feed->items[0].summary, "Officials confirmed the strike.");
  EXPECT_TRUE(prepared.feed->items[0].content.empty());
  EXPECT_EQ(prepared.identities[0].key, "guid:a-1");
  EXPECT_EQ(prepared.identities[0].hash,
            content_hash("US drone strike in Sinaloa", "Officials confirmed the strike."));
  EXPECT_EQ(prepared.identities[1].key, "link:https://w.example/b");

  const auto not_a_feed = prepare_feed(parse_feed("<html><body>hello</body></html>"));
  EXPECT_FALSE(not_a_feed.feed);
  EXPECT_TRUE(not_a_feed.identities.empty());
}

}  // namespace
}  // namespace redline
