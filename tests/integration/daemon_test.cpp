// `redline run`: the daemon under signals, against a real HTTP server on loopback.
#include <csignal>
#include <thread>

#include "integration/fixture.h"

namespace redline::test {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<ChildProcess> start_daemon(Workspace& ws) {
  return std::make_unique<ChildProcess>(std::vector<std::string>{REDLINE_BIN, "run", "--config", ws.config_path()});
}

std::vector<FeedItem> items() {
  return {{"d-1", "Court rules on water treaty", "A ruling on the 1944 treaty."}};
}

TEST(Daemon, PollsRepeatedlyAndExitsZeroOnSigterm) {
  Workspace ws;
  ws.serve("wire", rss("Wire", items()));
  ws.write_config({"wire"}, "1s");
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("not modified", 20s)) << daemon->stderr_text();
  daemon->signal(SIGTERM);
  const auto code = daemon->wait(15s);
  ASSERT_TRUE(code.has_value()) << "did not stop within 15 s";
  EXPECT_EQ(*code, 0) << daemon->stderr_text();
  EXPECT_GE(ws.requests_for("wire").size(), 2u);
  EXPECT_EQ(ws.history().size(), 1u);
}

TEST(Daemon, CacheControlMaxAgeOnlyLengthensTheInterval) {
  TempDir dir;
  dir.write("www/feeds/wire.xml", rss("Wire", items()));
  HttpServer server(dir.file("www"));  // serves files with Cache-Control: max-age=60
  dir.write("redline.toml", "[storage]\ndatabase = \"" + dir.file("r.db") + "\"\n[watchlist]\nfile = \"" +
                                std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml\"\n" +
                                "[[feeds]]\nname = \"wire\"\nurl = \"" + server.url("/feeds/wire.xml") +
                                "\"\ninterval = \"1s\"\nallow_private = true\n");
  ChildProcess daemon({REDLINE_BIN, "run", "--config", dir.file("redline.toml")});
  ASSERT_TRUE(daemon.wait_for_stderr("feed wire:", 20s)) << daemon.stderr_text();
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(server.count("/feeds/wire.xml"), 1u) << "a 1 s interval waits out the feed's max-age of 60 s";
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(15s).value_or(-1), 0);
}

TEST(Daemon, SigtermDuringASlowTransferStillExitsZeroPromptly) {
  Workspace ws;
  ws.write_config({}, "1s", "[[feeds]]\nname = \"slow\"\nurl = \"" + ws.server().url("/trickle?interval=1.0") +
                               "\"\ninterval = \"1s\"\nallow_private = true\n");
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("running", 10s)) << daemon->stderr_text();
  std::this_thread::sleep_for(1500ms);
  const auto t0 = std::chrono::steady_clock::now();
  daemon->signal(SIGTERM);
  const auto code = daemon->wait(15s);
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(*code, 0) << daemon->stderr_text();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 10s);
}

TEST(Daemon, SighupWithABrokenConfigurationKeepsTheOldOne) {
  Workspace ws;
  ws.serve("wire", rss("Wire", items()));
  ws.write_config({"wire"}, "1s");
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("feed wire:", 20s)) << daemon->stderr_text();
  ws.dir().write("redline.toml", "[[feeds]]\nurl = \"gopher://nowhere\"\n");
  daemon->signal(SIGHUP);
  ASSERT_TRUE(daemon->wait_for_stderr("reload failed, keeping the current configuration", 10s))
      << daemon->stderr_text();
  const auto before = ws.requests_for("wire").size();
  std::this_thread::sleep_for(2500ms);
  EXPECT_TRUE(daemon->running());
  EXPECT_GT(ws.requests_for("wire").size(), before) << "still polling with the old configuration";
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(15s).value_or(-1), 0);
}

TEST(Daemon, SighupWithAValidConfigurationAddsTheNewFeed) {
  Workspace ws;
  ws.serve("wire", rss("Wire", items()));
  ws.serve("second", rss("Second", {{"s-1", "Second feed item", "Text."}}));
  ws.write_config({"wire"}, "1s");
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("feed wire:", 20s)) << daemon->stderr_text();
  ws.write_config({"wire", "second"}, "1s");
  daemon->signal(SIGHUP);
  ASSERT_TRUE(daemon->wait_for_stderr("feed second:", 20s)) << daemon->stderr_text();
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(15s).value_or(-1), 0);
  EXPECT_EQ(ws.history().size(), 2u);
}

// What `redline status` says of the search index: revisions stored and not indexed yet.
long long unindexed(Workspace& ws) {
  const auto r = run_redline({"status", "--db", ws.db_path(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out).at("search_index").at("behind").get<long long>();
}

TEST(Daemon, IndexesNewTextForSearchOnceItHasNothingElseToDo) {
  Workspace ws;
  std::vector<FeedItem> many;
  for (int i = 0; i < 300; ++i) {  // more than one chunk of indexing (256)
    many.push_back({"n-" + std::to_string(i), "Local council story number " + std::to_string(i),
                    "Minutes of meeting " + std::to_string(i)});
  }
  ws.serve("wire", rss("Wire", many));
  ws.write_config({"wire"}, "1h");
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("classified ", 20s)) << daemon->stderr_text();
  // Nothing searched it: the daemon itself brings the index up to date.
  long long behind = -1;
  for (int i = 0; i < 100 && behind != 0; ++i) {
    behind = unindexed(ws);
    if (behind != 0) std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(behind, 0);
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(15s).value_or(-1), 0) << daemon->stderr_text();
  EXPECT_EQ(ws.history({"--search", "\"number 299\""}).size(), 1u);
}

// The daemon hands stored revisions to its classifier straight from the batch that stored
// them. When recording a classified batch fails, those revisions stay pending in the database
// and the daemon reads them from there again: once the fault is gone, they are classified in
// the same run, without a restart.
TEST(Daemon, ARevisionWhoseRecordingFailedIsClassifiedOnceTheFaultIsGone) {
  Workspace ws;
  ws.serve("wire", rss("Wire", items()));
  ws.write_config({"wire"}, "1s");
  ASSERT_EQ(ws.poll().exit_code, 0);
  sql(ws.db_path(), "CREATE TRIGGER injected BEFORE INSERT ON matches "
                    "BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
  auto with_strike = items();
  with_strike.push_back({"d-2", "US drone strike hits cartel lab in Sinaloa, killing three",
                         "Officials confirmed the strike on Tuesday."});
  ws.serve("wire", rss("Wire", with_strike));
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("injected fault", 20s)) << daemon->stderr_text();
  sql(ws.db_path(), "DROP TRIGGER injected");
  // Another story: the next stored poll starts classification again.
  with_strike.push_back({"d-3", "Heat wave grips Jalisco", "Power demand hits a record."});
  ws.serve("wire", rss("Wire", with_strike));
  std::string strikes;
  for (int i = 0; i < 200 && strikes != "1"; ++i) {
    std::this_thread::sleep_for(100ms);
    strikes = sql(ws.db_path(), "SELECT count(*) FROM matches m JOIN item_revisions r ON r.id = "
                                "m.revision_id WHERE r.title LIKE 'US drone strike%'");
  }
  EXPECT_EQ(strikes, "1") << daemon->stderr_text();
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(15s).value_or(-1), 0) << daemon->stderr_text();
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM pending_revisions"), "0");
}

// A burst of more revisions than the daemon keeps in memory for its classifier (2,048) in one
// feed document: the rest wait in the database and are read from there, and every revision is
// classified exactly once.
TEST(Daemon, ABurstOfThousandsOfRevisionsIsClassifiedOnceEach) {
  Workspace ws;
  ws.serve("wire", rss("Wire", items()));
  ws.write_config({"wire"}, "1s", "[limits]\nmax_items = 5000\n");
  auto daemon = start_daemon(ws);
  ASSERT_TRUE(daemon->wait_for_stderr("not modified", 20s)) << daemon->stderr_text();
  std::vector<FeedItem> burst = items();
  for (int i = 0; i < 3000; ++i) {
    const auto n = std::to_string(i);
    burst.push_back({"b-" + n, "US drone strike hits cartel lab " + n + " in Sinaloa",
                     "Officials confirmed strike " + n + " on the lab."});
  }
  ws.serve("wire", rss("Wire", burst));
  std::string left = "?";
  for (int i = 0; i < 300 && left != "0"; ++i) {
    std::this_thread::sleep_for(100ms);
    left = sql(ws.db_path(), "SELECT (SELECT count(*) FROM item_revisions) - 3001 + "
                             "(SELECT count(*) FROM pending_revisions)");
  }
  EXPECT_EQ(left, "0");
  daemon->signal(SIGTERM);
  EXPECT_EQ(daemon->wait(15s).value_or(-1), 0) << daemon->stderr_text();
  long classified = 0;
  const auto log = daemon->stderr_text();
  for (auto at = log.find("classified "); at != std::string::npos;
       at = log.find("classified ", at + 1)) {
    classified += std::stol(log.substr(at + 11));
  }
  EXPECT_EQ(classified, 3001);
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(DISTINCT revision_id) FROM matches"), "3000");
}

TEST(Daemon, UnderJournaldLinesCarryPrioritiesAndNoTimestamps) {
  Workspace ws;
  ws.serve("wire", rss("Wire", items()));
  ws.write_config({"wire"}, "1s");
  ProcessOptions env;
  env.env.push_back({"JOURNAL_STREAM", "8:12345"});
  ChildProcess daemon({REDLINE_BIN, "run", "--config", ws.config_path()}, env);
  ASSERT_TRUE(daemon.wait_for_stderr("feed wire:", 20s)) << daemon.stderr_text();
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(15s).value_or(-1), 0);
  EXPECT_NE(daemon.stderr_text().find("<6>feed wire:"), std::string::npos) << daemon.stderr_text();
}

}  // namespace
}  // namespace redline::test
