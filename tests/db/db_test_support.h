// Shared helpers for the store tests: a temporary directory per test, timestamps from text,
// and short builders for feed items, polls and classified revisions.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "db/store.h"

namespace redline::testing {

// A connection opened with sqlite3_open_v2 directly (beneath the store), closed when dropped.
struct CloseRawDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using RawDb = std::unique_ptr<sqlite3, CloseRawDb>;

// Opens (creating it if needed) `path` through `vfs` (nullptr: the default one).
inline RawDb open_raw(const std::string& path, const char* vfs = nullptr) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs);
  RawDb db(raw);
  if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  return db;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "redline-db-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline Timestamp at(const char* iso) {
  auto t = parse_iso8601(iso);
  if (!t) throw std::runtime_error(std::string("bad test time ") + iso);
  return *t;
}

inline Item item(std::string id, std::string title, std::string link = "", std::string summary = "",
                 std::optional<Timestamp> published = std::nullopt) {
  Item i;
  i.id = std::move(id);
  i.title = std::move(title);
  i.link = std::move(link);
  i.summary = std::move(summary);
  i.published = published;
  return i;
}

// A poll at `when` whose backlog starts 48 hours before it.
inline PollSuccess poll_at(Timestamp when) {
  PollSuccess p;
  p.polled_at = when;
  p.next_poll = when + std::chrono::minutes(10);
  p.backlog_before = when - std::chrono::hours(48);
  return p;
}

inline Match match(std::string topic, Stance stance, std::string evidence = "evidence") {
  Match m;
  m.topic = std::move(topic);
  m.stance = stance;
  m.confidence = 0.9;
  m.evidence = std::move(evidence);
  return m;
}

// Store in a fresh temporary file, for tests that need one feed and a clock.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = open_sqlite_store(dir.file("history.db"));
    feed = store->ensure_feed("wire", "https://wire.example/rss").id;
  }
  // Whatever a test wrote, the database is sound and every reference has its row (the store
  // writes without SQLite checking them).
  void TearDown() override {
    if (store) {
      EXPECT_TRUE(store->integrity_ok());
    }
  }

  TempDir dir;
  std::unique_ptr<Store> store;
  std::int64_t feed = 0;
  Timestamp t0 = at("2025-03-01T12:00:00Z");
};

}  // namespace redline::testing
