#include "db/migrations.h"

#include <sqlite3.h>

#include <string>

#include "db/migrations_sql.h"

namespace redline {

std::span<const Migration> builtin_migrations() { return kEmbeddedMigrations; }

int schema_version() {
  const auto all = builtin_migrations();
  return all.empty() ? 0 : all.back().version;
}

int user_version(sqlite::Connection& connection) {
  sqlite::Statement statement(connection, "PRAGMA user_version");
  sqlite::Query q(statement);
  return q.step() ? q.integer(0) : 0;
}

int migrate(sqlite::Connection& connection, std::span<const Migration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1)
      throw StoreError(std::string("migration ") + migrations[i].name + " is out of sequence");
  }
  const int known = static_cast<int>(migrations.size());
  const int before = user_version(connection);
  if (before > known) {
    throw StoreError("database " + connection.path() + " has schema version " +
                     std::to_string(before) + ", this redline knows up to " +
                     std::to_string(known) + "; upgrade redline");
  }
  if (before == known) return before;  // the common case takes no write lock
  // Foreign keys off while migrating, as SQLite's procedure for changing a table asks: a
  // migration that rebuilds a table others refer to (0008) drops the old one, and with the keys
  // on that would delete or orphan their rows. Every migration keeps the ids that rows refer to.
  // The setting can only change outside a transaction; the connection's own comes back after.
  auto keys = [&] {
    sqlite::Statement s(connection, "PRAGMA foreign_keys");
    sqlite::Query q(s);
    return q.step() && q.integer(0) != 0;
  };
  const bool keys_on = keys();
  struct KeysBack {
    sqlite::Connection& connection;
    bool on;
    ~KeysBack() {
      if (on) sqlite3_exec(connection.get(), "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    }
  } keys_back{connection, keys_on};
  if (keys_on) connection.exec("PRAGMA foreign_keys=OFF");
  if (keys()) throw StoreError("cannot migrate " + connection.path() + " inside a transaction");
  // The version is read again under the write lock: another process may have migrated first.
  for (;;) {
    sqlite::Transaction tx(connection);
    const int current = user_version(connection);
    if (current >= known) break;
    const Migration& m = migrations[static_cast<std::size_t>(current)];
    try {
      connection.exec(m.sql);
      // The version is our own integer, not input: PRAGMA takes no bound parameters.
      connection.exec(("PRAGMA user_version = " + std::to_string(m.version)).c_str());
    } catch (const StoreError& e) {
      throw StoreError(std::string("migration ") + m.name + " failed: " + e.what());
    }
    tx.commit();
  }
  return before;
}

}  // namespace redline
