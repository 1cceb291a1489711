#include "db/sqlite_store.h"

#include <filesystem>
#include <utility>

#include "db/migrations.h"

namespace redline {

namespace {

constexpr const char* kFeedColumns =
    "SELECT f.id, f.name, f.url, f.etag, f.last_modified, f.error_count, f.last_error, "
    "f.last_attempt, f.last_success, f.next_poll, f.disabled, f.disabled_reason, "
    "(SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id) FROM feeds f ";

std::string feed_sql(const char* tail) {
  return std::string(kFeedColumns) + tail;
}

FeedRecord read_feed(const sqlite::Query& q) {
  FeedRecord f;
  f.id = q.int64(0);
  f.name = q.text(1);
  f.url = q.text(2);
  f.etag = q.text(3);
  f.last_modified = q.text(4);
  f.error_count = q.integer(5);
  f.last_error = q.text(6);
  f.last_attempt = q.time(7);
  f.last_success = q.time(8);
  f.next_poll = q.time(9);
  f.disabled = q.int64(10) != 0;
  f.disabled_reason = q.text(11);
  f.item_count = q.int64(12);
  return f;
}

sqlite::Connection open_and_migrate(const std::string& path) {
  auto db = sqlite::Connection::open(path);
  migrate(db, builtin_migrations());
  // The store does not have SQLite check each row's references as it writes it. Every id it
  // writes is one it read or wrote in the same transaction (a revision of the item it just
  // looked up or inserted, a match of a revision it just marked classified), and it never
  // deletes a row that others refer to, so the checks found nothing and the cascades never
  // ran. They cost a lookup in the parent table for each reference: 15,875 matches and their
  // event sources refer to six rows each in a cold poll of a thousand feeds, 5 % of its CPU
  // time (issue #8). integrity_ok() runs PRAGMA foreign_key_check; the tests run it after
  // every kind of write. Other connections (the sqlite3 shell with the pragma on, a tool)
  // keep the declared cascades.
  db.exec("PRAGMA foreign_keys=OFF");
  return db;
}

}  // namespace

SqliteStore::FeedSql::FeedSql(sqlite::Connection& db)
    // A changed configured URL replaces the polled one (dropping an adopted redirect and the
    // validators that belonged to the old URL) and gives a disabled feed another chance.
    : upsert(db,
             "INSERT INTO feeds (name, config_url, url) VALUES (?1, ?2, ?2) "
             "ON CONFLICT (name) DO UPDATE SET config_url = excluded.config_url, "
             "url = excluded.url, etag = '', last_modified = '', disabled = 0, "
             "disabled_reason = '' WHERE feeds.config_url <> excluded.config_url"),
      by_name(db, feed_sql("WHERE f.name = ?1").c_str()),
      all(db, feed_sql("ORDER BY f.name").c_str()),
      adopt(db, "UPDATE feeds SET url = ?2, etag = '', last_modified = '' WHERE id = ?1"),
      not_modified(db,
                   "UPDATE feeds SET last_attempt = ?2, last_success = ?2, next_poll = ?3, "
                   "error_count = 0, last_error = '' WHERE id = ?1"),
      failure(db,
              "UPDATE feeds SET last_attempt = ?2, last_error = ?3, next_poll = ?4, "
              "error_count = error_count + 1, disabled = MAX(disabled, ?5), "
              "disabled_reason = CASE WHEN ?5 THEN ?3 ELSE disabled_reason END WHERE id = ?1") {}

SqliteStore::SqliteStore(const std::string& path)
    : db_(open_and_migrate(path)),
      feed_sql_(db_),
      ingest_sql_(db_),
      classify_sql_(db_),
      outbox_sql_(db_),
      query_sql_(db_),
      search_sql_(db_) {}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  // A new install's state folder ("state/" beside the configuration) may not exist yet.
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty() && !std::filesystem::exists(parent, ec)) {
    std::filesystem::create_directories(parent, ec);
    if (ec)
      throw StoreError("cannot create the folder " + parent.string() + " for " + path + ": " +
                       ec.message());
  }
  return std::make_unique<SqliteStore>(path);
}

FeedRecord SqliteStore::ensure_feed(const std::string& name, const std::string& url) {
  sqlite::Transaction tx(db_);
  sqlite::Query(feed_sql_.upsert).bind(1, name).bind(2, url).run();
  FeedRecord record;
  {
    sqlite::Query q(feed_sql_.by_name);
    q.bind(1, name);
    if (!q.step()) throw StoreError("feed " + name + " vanished while being added");
    record = read_feed(q);
  }
  tx.commit();
  return record;
}

std::vector<FeedRecord> SqliteStore::feeds() {
  std::vector<FeedRecord> out;
  sqlite::Query q(feed_sql_.all);
  while (q.step()) out.push_back(read_feed(q));
  return out;
}

void SqliteStore::adopt_redirect(std::int64_t feed_id, const std::string& new_url) {
  sqlite::Query(feed_sql_.adopt).bind(1, feed_id).bind(2, new_url).run();
}

void SqliteStore::record_not_modified(std::int64_t feed_id, Timestamp at, Timestamp next_poll) {
  sqlite::Query(feed_sql_.not_modified).bind(1, feed_id).bind(2, at).bind(3, next_poll).run();
}

void SqliteStore::record_failure(std::int64_t feed_id, Timestamp at, const std::string& error,
                                 Timestamp next_poll, bool disable) {
  sqlite::Query(feed_sql_.failure)
      .bind(1, feed_id)
      .bind(2, at)
      .bind(3, error)
      .bind(4, next_poll)
      .bind(5, disable ? 1 : 0)
      .run();
}

void SqliteStore::begin_batch(Durability durability) {
  if (batch_) throw StoreError("a batch is already open");
  batch_ = std::make_unique<sqlite::Transaction>(
      db_, durability == Durability::crash ? sqlite::Sync::normal : sqlite::Sync::full);
}

void SqliteStore::end_batch(bool commit) {
  if (!batch_) return;
  // Closed whatever happens: a failed commit rolls back in the destructor.
  const auto batch = std::move(batch_);
  if (commit) batch->commit();
}

bool SqliteStore::integrity_ok() {
  sqlite::Statement check(db_, "PRAGMA integrity_check");
  sqlite::Query q(check);
  if (!q.step() || q.text(0) != "ok" || q.step()) return false;
  // No row refers to one that is not there (a row per dangling reference).
  sqlite::Statement references(db_, "PRAGMA foreign_key_check");
  return !sqlite::Query(references).step();
}

}  // namespace redline
