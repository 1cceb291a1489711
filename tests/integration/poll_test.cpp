// `redline poll --once` against a real HTTP server on loopback: storage, conditional GET,
// revisions, broken feeds.
#include <filesystem>

#include "integration/fixture.h"

namespace redline::test {
namespace {

std::vector<FeedItem> three_items() {
  return {{"a-1", "Senate debates border budget", "Lawmakers argued over the appropriation."},
          {"a-2", "Storm closes ports in Gulf of Mexico", "Shipping halted for two days."},
          {"a-3", "Central bank holds rates", "The decision was expected."}};
}

TEST(PollOnce, FirstPollStoresEveryItem) {
  Workspace ws;
  ws.serve("wire", rss("Wire", three_items()));
  ws.write_config({"wire"});
  const auto r = ws.poll();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto items = ws.history();
  ASSERT_EQ(items.size(), 3u);
  for (const auto& it : items) {
    EXPECT_EQ(it["feed"], "wire");
    EXPECT_EQ(it["revisions"], 1);
    EXPECT_TRUE(it["first_seen"].is_string());
    EXPECT_TRUE(it["link"].get<std::string>().starts_with("https://news.example.org/a-"));
  }
}

TEST(PollOnce, LeavesTheSearchIndexToTheNextSearch) {
  Workspace ws;
  ws.serve("wire", rss("Wire", {{"w-1", "Cartel lab raided in Sinaloa", "Officials said."},
                                {"w-2", "Troops arrive at the border", "More troops."}}));
  ws.write_config({"wire"});
  ASSERT_EQ(ws.poll().exit_code, 0);
  const auto status = [&] {
    const auto r = run_redline({"status", "--db", ws.db_path(), "--format", "json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out).at("search_index").at("behind").get<long long>();
  };
  EXPECT_EQ(status(), 2);
  const auto found = ws.history({"--search", "sinaloa"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0]["title"], "Cartel lab raided in Sinaloa");
  EXPECT_EQ(status(), 0);
}

TEST(PollOnce, SecondPollIsAConditionalGetAnsweredNotModified) {
  Workspace ws;
  ws.serve("wire", rss("Wire", three_items()));
  ws.write_config({"wire"});
  ASSERT_EQ(ws.poll().exit_code, 0);
  const auto r = ws.poll();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("not modified"), std::string::npos) << r.err;
  const auto reqs = ws.requests_for("wire");
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_TRUE(reqs[0].if_none_match.empty());
  EXPECT_FALSE(reqs[1].if_none_match.empty()) << "the stored ETag must be sent back";
  EXPECT_EQ(ws.history().size(), 3u);
}

TEST(PollOnce, TheSameStorySeenAgainIsNotStoredTwice) {
  Workspace ws;
  ws.serve("wire", rss("Wire", three_items()));
  ws.write_config({"wire"});
  ASSERT_EQ(ws.poll().exit_code, 0);
  auto items = three_items();
  items.push_back({"a-4", "New item", "Something else."});
  ws.serve("wire", rss("Wire", items));  // a changed document (new ETag) repeating three items
  ASSERT_EQ(ws.poll().exit_code, 0);
  EXPECT_EQ(ws.history().size(), 4u);
}

TEST(PollOnce, AnEditedHeadlineBecomesARevision) {
  Workspace ws;
  auto items = three_items();
  ws.serve("wire", rss("Wire", items));
  ws.write_config({"wire"});
  ASSERT_EQ(ws.poll().exit_code, 0);
  items[0].title = "Senate passes border budget";
  ws.serve("wire", rss("Wire", items));
  ASSERT_EQ(ws.poll().exit_code, 0);
  const auto all = ws.history();
  ASSERT_EQ(all.size(), 3u);
  int revised = 0;
  for (const auto& it : all) {
    if (it["title"] == "Senate passes border budget") {
      EXPECT_EQ(it["revisions"], 2);
      ++revised;
    }
  }
  EXPECT_EQ(revised, 1);
}

TEST(PollOnce, ABrokenFeedLosesNothingAndReportsWhy) {
  Workspace ws;
  ws.serve("wire", rss("Wire", three_items()));
  ws.write_config({"wire"});
  ASSERT_EQ(ws.poll().exit_code, 0);
  ws.serve("wire", "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>Back soon</body></html>");
  const auto r = ws.poll();
  EXPECT_EQ(r.exit_code, 75) << r.err;
  EXPECT_NE(r.err.find("wire"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a feed"), std::string::npos) << r.err;
  EXPECT_EQ(ws.history().size(), 3u);
}

TEST(PollOnce, OneFailingFeedDoesNotStopTheOthers) {
  Workspace ws;
  ws.serve("good", rss("Good", three_items()));
  ws.write_config({"good", "missing"});
  const auto r = ws.poll();
  EXPECT_EQ(r.exit_code, 75);
  EXPECT_NE(r.err.find("missing"), std::string::npos);
  EXPECT_EQ(ws.history().size(), 3u);
}

TEST(PollOnce, AnInvalidConfigurationExits78WithFileAndLine) {
  Workspace ws;
  const auto path = ws.dir().write("bad.toml", "[[feeds]]\nurl = \"https://a.org/f\"\nintervall = \"1m\"\n");
  const auto r = run_redline({"poll", "--once", "--config", path});
  EXPECT_EQ(r.exit_code, 78);
  EXPECT_NE(r.err.find(path + ":3: unknown key"), std::string::npos) << r.err;
}

// The watchlist compiles on its own thread while the first fetches run; one that does not load
// still ends the run as a configuration error, naming its file and line, and the next run with
// a good one stores and classifies everything.
TEST(PollOnce, AWatchlistThatDoesNotLoadExits78WithFileAndLine) {
  Workspace ws;
  ws.serve("wire", rss("Wire", three_items()));
  const auto watchlist = ws.dir().write("broken.toml", "name = \"broken\"\n[[topics]\nid = \"x\"\n");
  auto write_config = [&](const std::string& watchlist_file) {
    ws.dir().write("redline.toml", "[storage]\ndatabase = \"" + ws.db_path() + "\"\n[watchlist]\nfile = \"" +
                                       watchlist_file + "\"\n[[feeds]]\nname = \"wire\"\nurl = \"" +
                                       ws.feed_url("wire") + "\"\nallow_private = true\n");
  };
  write_config(watchlist);
  const auto r = ws.poll();
  EXPECT_EQ(r.exit_code, 78) << r.err;
  EXPECT_NE(r.err.find(watchlist + ":2"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("match "), std::string::npos) << r.err;

  write_config(std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml");
  const auto again = ws.poll();
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ws.history().size(), 3u);
  EXPECT_NE(again.err.find("classified 3 revisions"), std::string::npos) << again.err;
}

TEST(PollOnce, PrivateAddressesAreRefusedUnlessAllowed) {
  Workspace ws;
  ws.serve("wire", rss("Wire", three_items()));
  ws.dir().write("redline.toml", "[storage]\ndatabase = \"" + ws.db_path() + "\"\n[watchlist]\nfile = \"" +
                                     std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml\"\n" +
                                     "[[feeds]]\nname = \"wire\"\nurl = \"" + ws.feed_url("wire") + "\"\n");
  const auto r = ws.poll();
  EXPECT_EQ(r.exit_code, 75);
  EXPECT_NE(r.err.find("private address"), std::string::npos) << r.err;
  EXPECT_TRUE(ws.requests_for("wire").empty());
}

}  // namespace
}  // namespace redline::test

namespace redline::test {
namespace {

TEST(PollOnce, CreatesTheDatabaseFolderOnAFreshInstall) {
  Workspace ws;
  ws.serve("wire", rss("Wire", {{"n-1", "Item", "Text."}}));
  ws.write_config({"wire"});
  const auto db = ws.dir().file("state/nested/redline.db");
  const auto r = run_redline({"poll", "--once", "--config", ws.config_path(), "--db", db});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto h = run_redline({"history", "--db", db, "--format", "json"});
  ASSERT_EQ(h.exit_code, 0) << h.err;
  EXPECT_EQ(nlohmann::json::parse(h.out).size(), 1u);
}

// Classification runs on a worker thread in batches while polls are stored; a once cycle ends
// only when every stored revision has been classified, however many batches that takes.
// Feeds started and not yet stored are capped (16 here: twice the transfer limit, at
// least 16), so memory stays bounded when the database is slower than the network; the feeds
// beyond the cap start as stored ones make room, and every one is polled once.
TEST(PollOnce, FeedsBeyondTheFetchBacklogStartAsEarlierOnesAreStored) {
  Workspace ws;
  std::vector<std::string> names;
  for (int f = 0; f < 40; ++f) {
    names.push_back("local" + std::to_string(f));
    std::vector<FeedItem> items;
    for (int i = 0; i < 3; ++i) {
      const std::string n = std::to_string(f) + "-" + std::to_string(i);
      items.push_back({"i-" + n, "Council meets on road repairs " + n, "Minutes.", hours_ago(1)});
    }
    ws.serve(names.back(), rss("Local " + std::to_string(f), items));
  }
  ws.write_config(names, "1s", "[limits]\nmax_concurrent = 1\nmax_per_host = 1\n");
  const auto r = ws.poll();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& name : names) EXPECT_EQ(ws.requests_for(name).size(), 1u) << name;
  EXPECT_EQ(ws.history().size(), 120u);
}

TEST(PollOnce, EveryItemOfABurstIsClassifiedBeforeTheCycleEnds) {
  Workspace ws;
  std::vector<std::string> names;
  int relevant = 0;
  for (int f = 0; f < 4; ++f) {
    std::vector<FeedItem> items;
    for (int i = 0; i < 400; ++i) {
      const std::string n = std::to_string(f) + "-" + std::to_string(i);
      if (i % 4 == 0) {
        items.push_back({"s-" + n, "US drone strike hits cartel lab in Sinaloa, report " + n,
                         "A US military drone struck a lab run by the Sinaloa Cartel.", hours_ago(2)});
        ++relevant;
      } else {
        items.push_back({"o-" + n, "Harbour authority publishes tide table " + n,
                         "Shipping schedules for the week.", hours_ago(2)});
      }
    }
    names.push_back("wire" + std::to_string(f));
    ws.serve(names.back(), rss("Wire " + std::to_string(f), items));
  }
  ws.write_config(names);
  const auto r = ws.poll();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto all = ws.history();
  ASSERT_EQ(all.size(), 1600u);
  const auto matched = ws.history({"--topic", "strikes"});
  EXPECT_EQ(static_cast<int>(matched.size()), relevant)
      << "items stored but left unclassified when the cycle ended";
  // The store writes without SQLite checking references (db/sqlite_store.cpp): none dangles.
  EXPECT_EQ(sql(ws.db_path(), "PRAGMA foreign_key_check"), "");
}

}  // namespace
}  // namespace redline::test
