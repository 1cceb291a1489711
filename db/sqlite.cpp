#include "db/sqlite.h"

#include <utility>

#include "db/log_vfs.h"

namespace redline::sqlite {

void ConnectionCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void StatementFinalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Connection Connection::open(const std::string& path) {
  // No allocation statistics: with them every SQLite malloc and free takes a global mutex, a
  // few per cent of the database thread's time in a burst of polls (issue #8). Must precede
  // the library's initialization, so it runs once, before the first open.
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 log_batching_vfs());
  Connection c;
  c.db_.reset(raw);  // owned even when open failed: sqlite3_open_v2 may still allocate
  c.path_ = path;
  if (rc != SQLITE_OK) {
    if (!raw) throw StoreError("cannot open database " + path + ": out of memory");
    c.fail("cannot open database");
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 5000);
  // journal_mode answers with a row; a file that is no database fails here, not later.
  c.exec("PRAGMA journal_mode=WAL");
  {
    Statement mode(c, "PRAGMA journal_mode");
    Query q(mode);
    c.wal_ = q.step() && q.text(0) == "wal";  // not for a database in memory
  }
  // FULL: in WAL mode this is one fsync of the WAL per commit, and a commit that put an alert in
  // the outbox or marked it delivered then survives a power cut, not only a crash. Transactions
  // of data that can be made again ask for NORMAL for themselves (Transaction, Sync::normal).
  c.exec("PRAGMA synchronous=FULL");
  c.sync_ = Sync::full;
  c.exec("PRAGMA foreign_keys=ON");
  // 1 MiB of page cache. 8 MiB used to keep the FTS segments of a large poll in memory; since
  // the search index is built apart from the poll, a bigger cache only costs memory: a cold
  // poll of 50,000 items took 3.7 s and 50 MB with 8 MiB, 3.2 s and 43 MB with 2 MiB (SQLite's
  // default). With 1 MiB instead of 2 it peaks 1.1-1.8 MB lower in as much time (the pages it
  // reads again come from the operating system's cache), and a search that indexes those items
  // takes as long (issue #8).
  c.exec("PRAGMA cache_size=-1024");
  // Statement journals stay in memory: each feed of a batch is a savepoint, and SQLite keeps
  // the first image of every page a savepoint changes; in temporary files that was more bytes
  // written than the database itself (issue #8). They hold one feed's or one classification
  // chunk's pages, a few hundred KiB.
  c.exec("PRAGMA temp_store=MEMORY");
  // A checkpoint every 4,000 WAL pages (16 MiB) instead of 1,000: a page that consecutive
  // commits change (an index, the FTS segments) is copied into the database once per
  // checkpoint, so a burst of polls writes the database about half as often. On a thread of
  // its own (db/checkpointer.h), not in the commit that crosses the mark. A connection that
  // only reads never starts it.
  if (c.wal_) c.checkpointer_ = std::make_unique<Checkpointer>(raw, path, 4000);
  return c;
}

void Connection::exec(const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return;
  std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  failed(rc, std::move(text));
}

void Connection::failed(int rc, std::string text) const {
  if ((rc & 0xff) == SQLITE_NOTADB) text = "file is not a SQLite database";
  throw StoreError("database " + path_ + ": " + text);
}

void Connection::control(Control which) {
  static constexpr const char* kSql[] = {"BEGIN IMMEDIATE",          "COMMIT",
                                         "SAVEPOINT redline_nested", "RELEASE redline_nested",
                                         "PRAGMA synchronous=FULL",  "PRAGMA synchronous=NORMAL"};
  const auto index = static_cast<std::size_t>(which);
  auto& stmt = control_[index];
  if (!stmt) {
    sqlite3_stmt* raw = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_.get(), kSql[index], -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    stmt.reset(raw);
    if (rc != SQLITE_OK) failed(rc, sqlite3_errmsg(db_.get()));
  }
  const int rc = sqlite3_step(stmt.get());
  std::string text = rc == SQLITE_DONE ? std::string() : sqlite3_errmsg(db_.get());
  sqlite3_reset(stmt.get());
  if (rc != SQLITE_DONE) failed(rc, std::move(text));
}

Sync Connection::set_sync(Sync sync) {
  if (!wal_) sync = Sync::full;  // NORMAL is only known safe in WAL mode
  if (sync_ == sync) return sync;
  sync_.reset();  // unknown until it is set
  control(sync == Sync::full ? Control::sync_full : Control::sync_normal);
  sync_ = sync;
  return sync;
}

void Connection::restore_full_sync() noexcept {
  try {
    set_sync(Sync::full);
  } catch (...) {
    sync_.reset();
  }
}

void Connection::sync_log() {
  sqlite3_file* log = nullptr;
  const int rc = sqlite3_file_control(db_.get(), "main", SQLITE_FCNTL_JOURNAL_POINTER, &log);
  if (rc != SQLITE_OK) failed(rc, "cannot reach the write-ahead log to sync it");
  if (!log || !log->pMethods) failed(SQLITE_IOERR_FSYNC, "no write-ahead log to sync");
  const int synced = log->pMethods->xSync(log, SQLITE_SYNC_NORMAL);
  if (synced != SQLITE_OK) failed(synced, "cannot sync the write-ahead log");
}

std::int64_t Connection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }

int Connection::changes() const { return sqlite3_changes(db_.get()); }

void Connection::fail(const std::string& doing) const {
  const int code = sqlite3_extended_errcode(db_.get());
  std::string message = sqlite3_errmsg(db_.get());
  if ((code & 0xff) == SQLITE_NOTADB) message = "file is not a SQLite database";
  throw StoreError(doing + " (database " + path_ + "): " + message);
}

Statement::Statement(Connection& connection, const char* sql) : connection_(&connection) {
  sqlite3_stmt* raw = nullptr;
  const int rc =
      sqlite3_prepare_v3(connection.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  stmt_.reset(raw);
  if (rc != SQLITE_OK) connection.fail(std::string("cannot prepare \"") + sql + "\"");
}

Query::Query(Statement& statement) : stmt_(statement.get()), statement_(statement) {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query::~Query() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Query::check_bind(int rc, int index) {
  if (rc != SQLITE_OK)
    statement_.connection().fail("cannot bind parameter " + std::to_string(index));
}

Query& Query::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Query& Query::bind(int index, double value) {
  check_bind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Query& Query::bind(int index, std::string_view text) {
  check_bind(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                 SQLITE_UTF8),
             index);
  return *this;
}

Query& Query::bind_static(int index, std::string_view text) {
  check_bind(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC,
                                 SQLITE_UTF8),
             index);
  return *this;
}

Query& Query::bind(int index, Timestamp at) { return bind(index, format_rfc3339(at)); }

Query& Query::bind(int index, const std::optional<Timestamp>& at) {
  return at ? bind(index, *at) : bind_null(index);
}

Query& Query::bind(int index, const std::optional<std::string>& text) {
  return text ? bind(index, *text) : bind_null(index);
}

Query& Query::bind_null(int index) {
  check_bind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

bool Query::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const char* sql = sqlite3_sql(stmt_);
  statement_.connection().fail(std::string("query failed: ") + (sql ? sql : "?"));
}

void Query::run() {
  while (step()) {
  }
}

bool Query::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Query::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Query::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Query::text(int column) const { return std::string(text_view(column)); }

std::string_view Query::text_view(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<Timestamp> Query::time(int column) const {
  if (is_null(column)) return std::nullopt;
  return parse_iso8601(text(column));
}

Timestamp Query::time_or_epoch(int column) const {
  return time(column).value_or(Timestamp{});
}

Transaction::Transaction(Connection& connection, Sync sync)
    : connection_(connection), nested_(sqlite3_get_autocommit(connection.get()) == 0) {
  if (!nested_) {
    relaxed_ = connection_.set_sync(sync) == Sync::normal;
    connection_.durable_owed_ = false;
  }
  try {
    connection_.control(nested_ ? Connection::Control::savepoint : Connection::Control::begin);
  } catch (...) {
    if (relaxed_) connection_.restore_full_sync();
    throw;
  }
}

Transaction::~Transaction() {
  if (done_) return;
  // Never throws: a failed rollback leaves SQLite to roll back when the connection closes.
  if (nested_) {
    sqlite3_exec(connection_.get(), "ROLLBACK TO redline_nested; RELEASE redline_nested", nullptr,
                 nullptr, nullptr);
  } else {
    sqlite3_exec(connection_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    connection_.durable_owed_ = false;
  }
  if (relaxed_) connection_.restore_full_sync();
}

void Transaction::commit() {
  connection_.control(nested_ ? Connection::Control::release : Connection::Control::commit);
  done_ = true;
  if (nested_) return;
  const bool owed = std::exchange(connection_.durable_owed_, false);
  if (!relaxed_) return;  // a FULL commit synced the log
  connection_.restore_full_sync();
  if (owed) connection_.sync_log();
}

}  // namespace redline::sqlite
