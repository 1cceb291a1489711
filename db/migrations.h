// Schema migrations: numbered SQL scripts (db/migrations/0001_initial.sql, ...) compiled into
// the binary and applied in order, each in one transaction that also sets PRAGMA user_version to
// its number. A database whose user_version is newer than the newest migration known here was
// written by a newer redline and is refused rather than misread.
#pragma once

#include <span>

#include "db/sqlite.h"

namespace redline {

struct Migration {
  int version;       // 1, 2, 3, ... without gaps
  const char* name;  // file name, for messages
  const char* sql;
};

// The migrations this binary carries, oldest first.
std::span<const Migration> builtin_migrations();

// Brings the database to the newest of `migrations`; returns the version it was at before.
// Throws StoreError when the database is newer, when the list has a gap, or when a script
// fails (that script's changes are rolled back; earlier ones stay).
int migrate(sqlite::Connection& connection, std::span<const Migration> migrations);

// PRAGMA user_version of the connection's database.
int user_version(sqlite::Connection& connection);

}  // namespace redline
