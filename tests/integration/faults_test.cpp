// Faults around the database: a read-only database, a full disk, and `redline run` killed with
// SIGKILL at random moments during ingestion. In each case: a clear one-line error or a clean
// restart, `PRAGMA integrity_check` ok, and nothing lost or stored twice once the fault is gone.
// The read-only and disk-full cases mount a small tmpfs (root in this sandbox); where mount is
// not permitted they are skipped with the reason.
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <random>
#include <thread>

#include "integration/fixture.h"

namespace redline::test {
namespace {

std::size_t item_count(const std::string& db) { return std::stoul(sql(db, "SELECT count(*) FROM items")); }

// A tmpfs of `size` mounted on `dir` for the object's lifetime (lazily unmounted at the end).
class TmpfsMount {
 public:
  TmpfsMount(std::string dir, const std::string& size) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_);
    const std::string options = "size=" + size;
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) == 0) {
      mounted_ = true;
    } else {
      error_ = std::strerror(errno);
    }
  }
  ~TmpfsMount() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }
  // Remounts with new flags/options (MS_RDONLY, a larger size); false with errno on failure.
  bool remount(unsigned long flags, const std::string& options) {
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | flags, options.c_str()) == 0;
  }

 private:
  std::string dir_;
  bool mounted_ = false;
  std::string error_;
};

// A workspace whose database lives on its own small tmpfs.
std::string config_with_db(Workspace& ws, const std::string& db, const std::vector<std::string>& feeds) {
  std::string toml = "[storage]\ndatabase = \"" + db + "\"\n\n[watchlist]\nfile = \"" +
                     std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml\"\n\n";
  for (const auto& f : feeds) {
    toml += "[[feeds]]\nname = \"" + f + "\"\nurl = \"" + ws.feed_url(f) + "\"\ninterval = \"1s\"\nallow_private = true\n\n";
  }
  return ws.dir().write("redline.toml", toml);
}

std::vector<FeedItem> numbered_items(const std::string& prefix, int from, int count, std::size_t summary_bytes = 40) {
  std::vector<FeedItem> items;
  for (int i = from; i < from + count; ++i) {
    const auto n = std::to_string(i);
    items.push_back({prefix + "-" + n, "Report " + n + " from " + prefix,
                     "Paragraph " + n + " " + std::string(summary_bytes, 'x'), hours_ago(1)});
  }
  return items;
}

CommandResult poll(const std::string& config) { return run_redline({"poll", "--once", "--config", config}); }

TEST(Faults, ReadOnlyDatabaseFailsClearlyWithoutCorruption) {
  Workspace ws;
  TmpfsMount store(ws.dir().file("store"), "16m");
  if (!store.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here: " << store.error();
  const auto db = ws.dir().file("store/redline.db");
  ws.serve("wire", rss("Wire", numbered_items("a", 0, 5)));
  const auto config = config_with_db(ws, db, {"wire"});
  ASSERT_EQ(poll(config).exit_code, 0);
  ASSERT_EQ(item_count(db), 5u);

  ws.serve("wire", rss("Wire", numbered_items("a", 0, 10)));
  ASSERT_TRUE(store.remount(MS_RDONLY, "")) << std::strerror(errno);
  const auto r = poll(config);
  EXPECT_NE(r.exit_code, 0) << r.err;
  EXPECT_LT(r.exit_code, 128) << "killed by a signal: " << r.err;
  EXPECT_FALSE(r.err.empty());
  EXPECT_NE(r.err.find(db), std::string::npos) << "the error should name the database: " << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << "one line: " << r.err;

  ASSERT_TRUE(store.remount(0, "")) << std::strerror(errno);
  EXPECT_EQ(sql(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(item_count(db), 5u);
  ASSERT_EQ(poll(config).exit_code, 0);
  EXPECT_EQ(item_count(db), 10u);
}

TEST(Faults, FullDiskFailsClearlyAndRecoversWhenSpaceReturns) {
  Workspace ws;
  TmpfsMount store(ws.dir().file("store"), "512k");
  if (!store.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here: " << store.error();
  const auto db = ws.dir().file("store/redline.db");
  ws.serve("wire", rss("Wire", numbered_items("a", 0, 5)));
  const auto config = config_with_db(ws, db, {"wire"});
  ASSERT_EQ(poll(config).exit_code, 0);
  ASSERT_EQ(item_count(db), 5u);

  // About 3 MB of new items: more than the 512 KiB the disk has.
  ws.serve("wire", rss("Wire", numbered_items("a", 0, 1500, 2000)));
  const auto r = poll(config);
  EXPECT_FALSE(r.timed_out);
  EXPECT_LT(r.exit_code, 128) << "killed by a signal: " << r.err;
  EXPECT_NE(r.err.find("full"), std::string::npos) << "the error should say the disk is full: " << r.err;
  EXPECT_EQ(sql(db, "PRAGMA integrity_check"), "ok");
  const auto after_fault = item_count(db);
  EXPECT_GE(after_fault, 5u);

  ASSERT_TRUE(store.remount(0, "size=256m")) << std::strerror(errno);
  const auto again = poll(config);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(item_count(db), 1500u);
  EXPECT_EQ(sql(db, "PRAGMA integrity_check"), "ok");
}

TEST(Faults, KilledDuringIngestionLosesNothingAndStoresNothingTwice) {
  Workspace ws;
  constexpr int kFeeds = 8;
  constexpr int kRounds = 20;
  std::vector<std::string> names;
  std::vector<int> served(kFeeds, 40);
  for (int f = 0; f < kFeeds; ++f) {
    names.push_back("feed" + std::to_string(f));
    ws.serve(names.back(), rss(names.back(), numbered_items(names.back(), 0, served[f], 400)));
  }
  const auto config = ws.write_config(names, "1s");
  std::mt19937 random(20261125);
  std::uniform_int_distribution<int> pause_ms(50, 2500);
  for (int round = 0; round < kRounds; ++round) {
    for (int f = 0; f < kFeeds; ++f) {  // new items keep arriving between kills
      served[f] += 3;
      ws.serve(names[f], rss(names[f], numbered_items(names[f], 0, served[f], 400)));
    }
    ChildProcess run({REDLINE_BIN, "run", "--config", config});
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(random)));
    run.signal(SIGKILL);
    const auto status = run.wait(std::chrono::seconds(10));
    ASSERT_TRUE(status.has_value()) << "round " << round;
  }
  const auto last = poll(config);
  ASSERT_EQ(last.exit_code, 0) << last.err;
  std::size_t total = 0;
  for (int n : served) total += static_cast<std::size_t>(n);
  EXPECT_EQ(sql(ws.db_path(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sql(ws.db_path(), "PRAGMA foreign_key_check"), "");
  EXPECT_EQ(item_count(ws.db_path()), total);
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM (SELECT feed_id, identity FROM items GROUP BY 1, 2 HAVING count(*) > 1)"), "0");
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM item_revisions WHERE revision > 1"), "0")
      << "an unchanged item became a revision";
  EXPECT_EQ(ws.history().size(), std::min<std::size_t>(total, 1000));
}

}  // namespace
}  // namespace redline::test
