// A thin RAII layer over the SQLite C API, just what the store needs: a Connection that owns
// the sqlite3 handle and sets redline's pragmas, a Statement prepared once and reused, a Query
// that binds and steps one use of a Statement and always leaves it reset, and a Transaction
// guard (BEGIN IMMEDIATE) that rolls back unless committed. Values are always bound, never
// spliced into SQL text. Every SQLite failure becomes a StoreError naming the database file.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "db/checkpointer.h"
#include "db/store.h"
#include "util/time.h"

namespace redline::sqlite {

struct ConnectionCloser {
  void operator()(sqlite3* db) const;
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const;
};

// What a commit must survive. `full` (synchronous=FULL, the connection's setting): a power cut;
// in WAL mode, one fsync of the log per commit, which also makes every commit before it durable.
// `normal` (synchronous=NORMAL): a killed process; a power cut may undo it, with whatever was
// committed after the last `full` commit or checkpoint. For data that can be made again.
enum class Sync { full, normal };

class Connection {
 public:
  // Opens (creating if needed) the file through the log VFS (db/log_vfs.h) and applies the
  // pragmas: WAL, synchronous=FULL, foreign_keys=ON, busy_timeout 5 s; the log is checkpointed
  // on a thread of its own (db/checkpointer.h). Throws StoreError, e.g. for a file that is no
  // database.
  static Connection open(const std::string& path);

  sqlite3* get() const { return db_.get(); }
  const std::string& path() const { return path_; }
  // The log's checkpointer; null when the journal is no write-ahead log (a database in memory).
  const Checkpointer* checkpointer() const { return checkpointer_.get(); }

  // Runs constant SQL text (one or more statements, no values). Throws StoreError.
  void exec(const char* sql);
  // Transaction control, from statements prepared once per connection (sqlite3_exec would
  // parse the text again for every savepoint: one per feed of a batch). Throws StoreError.
  enum class Control { begin, commit, savepoint, release, sync_full, sync_normal };
  void control(Control which);
  // Sets synchronous (outside a transaction only), unless it is set so already, and returns
  // what it set: always FULL unless the journal is a write-ahead log. Throws.
  Sync set_sync(Sync sync);
  // set_sync(Sync::full), never throwing: after a commit or rollback. A failure leaves the
  // setting unknown, so that the next set_sync sets it.
  void restore_full_sync() noexcept;
  // The open transaction wrote what must survive a power cut (the outbox): its commit does,
  // whatever Sync it was begun with (see Transaction::commit).
  void require_durable_commit() { durable_owed_ = true; }
  std::int64_t last_insert_rowid() const;
  // Rows changed by the last INSERT/UPDATE/DELETE (0 when INSERT OR IGNORE ignored one).
  int changes() const;
  // A StoreError for the connection's current error, prefixed with what was being done.
  [[noreturn]] void fail(const std::string& doing) const;

 private:
  // Throws StoreError "database PATH: text" (a file that is no database said so).
  [[noreturn]] void failed(int rc, std::string text) const;
  // Declared before db_, so destroyed after it: sqlite3_close_v2 waits for them.
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> control_[6];
  std::unique_ptr<sqlite3, ConnectionCloser> db_;
  std::string path_;
  std::optional<Sync> sync_;   // as last set; nullopt: unknown
  bool wal_ = false;           // journal_mode is WAL
  bool durable_owed_ = false;  // require_durable_commit() since the transaction began
  // Declared after db_, so stopped (its connection closed) before db_ closes: the last
  // connection to close checkpoints the whole log and removes it.
  std::unique_ptr<Checkpointer> checkpointer_;
  // fsyncs the write-ahead log: every commit so far survives a power cut. Throws.
  void sync_log();
  friend class Transaction;
};

class Statement {
 public:
  // Prepares sql once (persistent); throws StoreError on a syntax error.
  Statement(Connection& connection, const char* sql);

  sqlite3_stmt* get() const { return stmt_.get(); }
  Connection& connection() const { return *connection_; }

 private:
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
  Connection* connection_;
};

// One use of a Statement: bind (1-based indexes), step, read columns. The statement is reset
// and its bindings cleared when the Query starts and again when it ends, so a statement is
// never left holding a read snapshot.
class Query {
 public:
  explicit Query(Statement& statement);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(int index, std::int64_t value);
  Query& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Query& bind(int index, double value);
  Query& bind(int index, std::string_view text);
  // Without a copy: `text` must stay unchanged until the Query ends (the store's hot inserts,
  // whose strings belong to the caller for the whole statement).
  Query& bind_static(int index, std::string_view text);
  Query& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Query& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Query& bind(int index, Timestamp at);  // as "YYYY-MM-DDTHH:MM:SSZ"
  Query& bind(int index, const std::optional<Timestamp>& at);  // NULL when empty
  Query& bind(int index, const std::optional<std::string>& text);  // NULL when empty
  Query& bind_null(int index);

  // Next row: true while there is one, false when done. Throws StoreError.
  bool step();
  // Runs a statement that returns no rows (or ignores them).
  void run();

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  int integer(int column) const { return static_cast<int>(int64(column)); }
  double real(int column) const;
  std::string text(int column) const;
  // The column's text in SQLite's memory: valid until the next step, reset or type conversion.
  std::string_view text_view(int column) const;
  std::optional<Timestamp> time(int column) const;  // NULL or unreadable: nullopt
  Timestamp time_or_epoch(int column) const;

 private:
  void check_bind(int rc, int index);
  sqlite3_stmt* stmt_;
  Statement& statement_;
};

// BEGIN IMMEDIATE now; ROLLBACK in the destructor unless commit() ran. A writer takes the write
// lock up front, so a busy database fails here (after busy_timeout) and not halfway through.
// Inside an open transaction (a batch, see Store::begin_batch) it is a SAVEPOINT instead:
// commit() releases it into the outer transaction, the destructor rolls back only its own work.
// `sync` is what the commit must survive; only the outermost transaction's counts. commit() of
// a Sync::normal transaction that wrote what must survive a power cut (require_durable_commit)
// syncs the log after committing; should that fail, it throws, the transaction committed.
class Transaction {
 public:
  explicit Transaction(Connection& connection, Sync sync = Sync::full);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  // A savepoint inside another transaction, whose commit is the one that counts.
  bool nested() const { return nested_; }

 private:
  Connection& connection_;
  bool nested_ = false;
  bool done_ = false;
  bool relaxed_ = false;  // set synchronous=NORMAL for itself: FULL again once done
};

}  // namespace redline::sqlite
