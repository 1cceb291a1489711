// `redline replay` builds a history from saved snapshots with no network and no alert sent;
// the query commands then read that history.
#include "integration/fixture.h"

namespace redline::test {
namespace {

FeedItem threat() {
  return {"r-1", "Trump says US could strike cartels inside Mexico",
          "The president warned he would not rule out military action.", "Mon, 02 Jun 2025 08:00:00 GMT"};
}

FeedItem strike() {
  return {"r-2", "US drone strike hits cartel lab in Sinaloa, killing three",
          "A US military drone struck a lab of the Sinaloa Cartel, Mexican officials said.",
          "Tue, 03 Jun 2025 09:00:00 GMT"};
}

FeedItem unrelated() {
  return {"r-3", "Peso gains as inflation slows", "Markets welcomed the figures.", "Mon, 02 Jun 2025 07:00:00 GMT"};
}

// Two feeds, three snapshots in time: rhetoric first, then the strike, then its revision.
std::string make_snapshots(TempDir& dir) {
  dir.write("snaps/wire/2025-06-02T09-00-00Z.xml", rss("Wire", {threat(), unrelated()}));
  dir.write("snaps/wire/2025-06-03T10-00-00Z.xml", rss("Wire", {threat(), unrelated(), strike()}));
  auto edited = strike();
  edited.title = "US drone strike hits cartel lab in Sinaloa, killing four";
  dir.write("snaps/wire/2025-06-03T12-00-00Z.xml", rss("Wire", {threat(), unrelated(), edited}));
  dir.write("snaps/daily/20250603T110000Z.xml",
            rss("Daily", {{"x-1", "US drone strikes Sinaloa cartel lab; three dead",
                           "Mexican officials said a US drone hit a lab of the Sinaloa Cartel.",
                           "Tue, 03 Jun 2025 10:30:00 GMT"}}));
  return dir.file("snaps");
}

const std::string kWatchlist = std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml";

TEST(Replay, PrintsTheAlertsThatWouldHaveFiredAndWhen) {
  TempDir dir;
  const auto snaps = make_snapshots(dir);
  const auto r = run_redline({"replay", "--db", dir.file("r.db"), "--watchlist", kWatchlist, "--format", "json", snaps});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto alerts = nlohmann::json::parse(r.out);
  ASSERT_EQ(alerts.size(), 2u) << r.out;  // the strike, then its corroboration by a second source
  EXPECT_EQ(alerts[0]["kind"], "new");
  EXPECT_EQ(alerts[0]["topic"], "strikes");
  EXPECT_EQ(alerts[0]["would_fire_at"], "2025-06-03T10:00:00Z");
  EXPECT_EQ(alerts[1]["kind"], "update");
  EXPECT_EQ(alerts[1]["event_id"], alerts[0]["event_id"]);
  EXPECT_EQ(alerts[1]["would_fire_at"], "2025-06-03T11:00:00Z");
}

TEST(Replay, BuildsAHistoryTheQueryCommandsRead) {
  TempDir dir;
  const auto snaps = make_snapshots(dir);
  const auto db = dir.file("r.db");
  ASSERT_EQ(run_redline({"replay", "--db", db, "--watchlist", kWatchlist, snaps}).exit_code, 0);

  auto json = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"history", "--db", db, "--format", "json"});
    const auto r = run_redline(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  };
  EXPECT_EQ(json({}).size(), 4u);
  const auto actions = json({"--stance", "action"});
  ASSERT_EQ(actions.size(), 2u);
  for (const auto& it : actions) EXPECT_EQ(it["matches"][0]["topic"], "strikes");
  EXPECT_EQ(json({"--stance", "rhetoric"}).size(), 1u);
  EXPECT_EQ(json({"--feed", "daily"}).size(), 1u);
  EXPECT_EQ(json({"--search", "peso"}).size(), 1u);
  EXPECT_EQ(json({"--topic", "troops"}).size(), 0u);
  EXPECT_EQ(json({"--limit", "1"}).size(), 1u);

  const auto revised = json({"--search", "four"});
  ASSERT_EQ(revised.size(), 1u);
  EXPECT_EQ(revised[0]["revisions"], 2);

  const auto csv = run_redline({"history", "--db", db, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0);
  EXPECT_EQ(csv.out.rfind("id,first_seen,published,feed,title,link,revisions,topic,stance", 0), 0u) << csv.out;
  EXPECT_NE(csv.out.find(",strikes,action,"), std::string::npos) << csv.out;

  const auto table = run_redline({"history", "--db", db});
  EXPECT_NE(table.out.find("strikes:action"), std::string::npos) << table.out;

  const auto svg = run_redline({"timeline", "--db", db, "--format", "svg"});
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_NE(svg.out.find("<svg"), std::string::npos);
  const auto diffs = run_redline({"diffs", "--db", db});
  ASSERT_EQ(diffs.exit_code, 0) << diffs.err;
  EXPECT_NE(diffs.out.find("four"), std::string::npos) << diffs.out;
}

TEST(Replay, SendsNothingToConfiguredSinks) {
  TempDir dir;
  const auto snaps = make_snapshots(dir);
  // A configuration with a sink that would fail loudly if called: replay must not call it.
  dir.write("c.toml", "[watchlist]\nfile = \"" + std::string(REDLINE_SOURCE_DIR) +
                          "/config/watchlists/us-mexico.toml\"\n[[alerts.webhook]]\nurl = \"http://127.0.0.1:9/x\"\n"
                          "secret = \"s\"\nallow_private = true\n");
  const auto r = run_redline({"replay", "--db", dir.file("r.db"), "--config", dir.file("c.toml"), snaps});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto outbox = run_redline({"alerts", "list", "--db", dir.file("r.db"), "--format", "json"});
  ASSERT_EQ(outbox.exit_code, 0) << outbox.err;
  for (const auto& d : nlohmann::json::parse(outbox.out)) {
    EXPECT_EQ(d["sink"], "replay") << "only the replay pseudo sink is queued";
    EXPECT_EQ(d["status"], "pending") << "and nothing is ever sent";
  }
}

TEST(Replay, AMissingWatchlistIsAConfigurationError) {
  TempDir dir;
  const auto snaps = make_snapshots(dir);
  const auto r = run_redline({"replay", "--db", dir.file("r.db"), "--watchlist", dir.file("none.toml"), snaps});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_NE(r.err.find("none.toml"), std::string::npos) << r.err;
}

TEST(Replay, AFolderThatDoesNotExistIsAClearError) {
  TempDir dir;
  const auto r = run_redline({"replay", "--db", dir.file("r.db"), dir.file("nope")});
  EXPECT_EQ(r.exit_code, 66);
  EXPECT_NE(r.err.find("is not a folder"), std::string::npos);
}

}  // namespace
}  // namespace redline::test
