// The full-text index, kept off the alert path: revisions are indexed in id order, in chunks,
// after they were stored (see Store::update_search_index).
#include <algorithm>
#include <limits>
#include <utility>

#include "db/sqlite_store.h"

namespace redline {

SqliteStore::SearchSql::SearchSql(sqlite::Connection& db)
    : state(db, "SELECT COALESCE((SELECT indexed_through FROM search_index WHERE id = 1), 0)"),
      newest(db, "SELECT COALESCE(MAX(id), 0) FROM item_revisions"),
      // Every item with a revision in the range leaves the index, whatever its revision number:
      // the index holds at most one row per item, so indexing a range twice is harmless.
      forget(db,
             "DELETE FROM items_fts WHERE rowid IN "
             "(SELECT item_id FROM item_revisions WHERE id BETWEEN ?1 AND ?2)"),
      // ... and comes back with its latest text, if that is in the range; a later revision
      // brings it back when its own range is indexed.
      index(db,
            "INSERT INTO items_fts (rowid, title, summary) SELECT r.item_id, r.title, r.summary "
            "FROM item_revisions r WHERE r.id BETWEEN ?1 AND ?2 "
            "AND r.id = (SELECT latest_revision_id FROM items WHERE id = r.item_id)"),
      advance(db,
              "INSERT INTO search_index (id, indexed_through) VALUES (1, ?1) "
              "ON CONFLICT (id) DO UPDATE SET indexed_through = excluded.indexed_through") {}

std::pair<std::int64_t, std::int64_t> SqliteStore::search_index_range() {
  std::int64_t from = 1, newest = 0;
  {
    sqlite::Query q(search_sql_.state);
    if (q.step()) from = q.int64(0) + 1;
  }
  {
    sqlite::Query q(search_sql_.newest);
    if (q.step()) newest = q.int64(0);
  }
  return {from, newest};
}

std::int64_t SqliteStore::search_index_behind() {
  const auto [from, newest] = search_index_range();
  return std::max<std::int64_t>(newest - from + 1, 0);
}

std::int64_t SqliteStore::update_search_index(std::size_t limit) {
  sqlite::Transaction tx(db_);
  const auto [from, newest] = search_index_range();
  if (newest < from || limit == 0) return std::max<std::int64_t>(newest - from + 1, 0);
  const auto span = static_cast<std::int64_t>(std::min<std::size_t>(
      limit, static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())));
  const std::int64_t through = newest - from < span ? newest : from + span - 1;
  sqlite::Query(search_sql_.forget).bind(1, from).bind(2, through).run();
  sqlite::Query(search_sql_.index).bind(1, from).bind(2, through).run();
  sqlite::Query(search_sql_.advance).bind(1, through).run();
  tx.commit();
  return newest - through;
}

}  // namespace redline
