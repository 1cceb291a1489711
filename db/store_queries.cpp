// Read-only queries for the history, diffs, timeline and status commands.
#include "db/sqlite_store.h"
#include "db/store_internal.h"

namespace redline {

namespace {

// Revisions indexed per transaction when a search catches up.
constexpr std::size_t kSearchCatchUpChunk = 5000;

// ?1 feed, ?2 since, ?3 until, ?4 topic, ?5 stance, ?6 limit, ?7 full-text query.
constexpr const char* kHistory =
    "SELECT i.id, r.title, i.link, r.summary, f.name, i.published, i.first_seen, i.last_seen, "
    "r.revision, i.latest_revision_id FROM items i "
    "JOIN item_revisions r ON r.id = i.latest_revision_id JOIN feeds f ON f.id = i.feed_id "
    "WHERE (?1 IS NULL OR f.name = ?1) AND (?2 IS NULL OR i.first_seen >= ?2) "
    "AND (?3 IS NULL OR i.first_seen <= ?3) "
    "AND ((?4 IS NULL AND ?5 IS NULL) OR EXISTS (SELECT 1 FROM matches m "
    "WHERE m.revision_id = i.latest_revision_id AND (?4 IS NULL OR m.topic = ?4) "
    "AND (?5 IS NULL OR m.stance = ?5))) ";
constexpr const char* kHistoryOrder =
    "ORDER BY i.first_seen DESC, i.published DESC, i.id DESC LIMIT ?6";

std::string history_sql(bool search) {
  std::string sql = kHistory;
  if (search) sql += "AND i.id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?7) ";
  return sql + kHistoryOrder;
}

// User words as FTS5 phrases, one per whitespace-separated word, all required: what a search
// box means when its text is not valid FTS5 syntax ("US-Mexico", "Cártel \"Unidos").
std::string quoted_terms(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
    word.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') flush();
    else word += c;
  }
  flush();
  return out;
}

}  // namespace

SqliteStore::QuerySql::QuerySql(sqlite::Connection& db)
    : history(db, history_sql(false).c_str()),
      history_search(db, history_sql(true).c_str()),
      matches_of_revision(db,
                          "SELECT topic, stance, confidence, evidence, numbers, entities, "
                          "event_id FROM matches WHERE revision_id = ?1 ORDER BY id"),
      fact_changes(db,
                   "SELECT c.topic, c.fact, c.old_value, c.new_value, c.at, "
                   "COALESCE(c.item_id, 0), COALESCE(r.title, ''), COALESCE(i.link, '') "
                   "FROM fact_changes c LEFT JOIN items i ON i.id = c.item_id "
                   "LEFT JOIN item_revisions r ON r.id = c.revision_id "
                   "WHERE ?1 IS NULL OR c.topic = ?1 ORDER BY c.at, c.id"),
      diffs(db,
            "SELECT r.item_id, f.name, latest.title, r.revision, r.seen_at, r.diff "
            "FROM item_revisions r JOIN items i ON i.id = r.item_id "
            "JOIN feeds f ON f.id = i.feed_id "
            "JOIN item_revisions latest ON latest.id = i.latest_revision_id "
            "WHERE r.revision > 1 AND (?1 IS NULL OR EXISTS (SELECT 1 FROM matches m "
            "JOIN item_revisions mr ON mr.id = m.revision_id "
            "WHERE mr.item_id = i.id AND m.topic = ?1)) "
            "ORDER BY r.seen_at DESC, r.id DESC LIMIT ?2"),
      events(db,
             "SELECT id, topic, stance, title, first_seen, last_seen, sources, reports, alerted "
             "FROM events WHERE (?1 IS NULL OR topic = ?1) AND (?2 IS NULL OR last_seen >= ?2) "
             "ORDER BY first_seen DESC, id DESC"),
      facts(db, "SELECT topic, fact, value, since FROM facts ORDER BY topic, fact") {}

std::vector<HistoryItem> SqliteStore::history(const HistoryQuery& query) {
  std::optional<std::string> search = query.search;
  if (search && quoted_terms(*search).empty()) search.reset();
  if (search) {
    // Whatever the daemon has not indexed yet, in chunks so that a running daemon's writes get
    // the lock in between. A database this process cannot write (read-only, or locked past the
    // busy timeout) is searched as far as it is indexed.
    try {
      while (update_search_index(kSearchCatchUpChunk) > 0) {
      }
    } catch (const StoreError&) {
    }
  }
  auto run = [&](const std::optional<std::string>& fts) {
    std::vector<std::pair<HistoryItem, std::int64_t>> rows;
    sqlite::Query q(fts ? query_sql_.history_search : query_sql_.history);
    q.bind(1, query.feed).bind(2, query.since).bind(3, query.until);
    q.bind(4, query.topic).bind(5, query.stance).bind(6, static_cast<std::int64_t>(query.limit));
    if (fts) q.bind(7, *fts);
    while (q.step()) {
      HistoryItem h;
      h.id = q.int64(0);
      h.title = q.text(1);
      h.link = q.text(2);
      h.summary = q.text(3);
      h.feed = q.text(4);
      h.published = q.time(5);
      h.first_seen = q.time_or_epoch(6);
      h.last_seen = q.time_or_epoch(7);
      h.revisions = q.integer(8);
      rows.emplace_back(std::move(h), q.int64(9));
    }
    return rows;
  };
  std::vector<std::pair<HistoryItem, std::int64_t>> rows;
  try {
    rows = run(search);
  } catch (const StoreError&) {
    if (!search) throw;
    rows = run(quoted_terms(*search));  // not FTS5 syntax: search for the words as typed
  }
  std::vector<HistoryItem> out;
  out.reserve(rows.size());
  for (auto& [item, revision_id] : rows) {
    sqlite::Query q(query_sql_.matches_of_revision);
    q.bind(1, revision_id);
    while (q.step()) {
      StoredMatch m;
      m.topic = q.text(0);
      m.stance = q.text(1);
      m.confidence = q.real(2);
      m.evidence = q.text(3);
      m.numbers = numbers_from_json(q.text(4));
      m.entities = json_string_list(q.text(5));
      m.event_id = q.is_null(6) ? 0 : q.int64(6);
      item.matches.push_back(std::move(m));
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<FactChange> SqliteStore::fact_changes(std::optional<std::string> topic) {
  std::vector<FactChange> out;
  sqlite::Query q(query_sql_.fact_changes);
  q.bind(1, topic);
  while (q.step()) {
    out.push_back(FactChange{q.text(0), q.text(1), q.text(2), q.text(3), q.time_or_epoch(4),
                             q.int64(5), q.text(6), q.text(7)});
  }
  return out;
}

std::vector<RevisionDiff> SqliteStore::revision_diffs(std::optional<std::string> topic,
                                                      std::size_t limit) {
  std::vector<RevisionDiff> out;
  sqlite::Query q(query_sql_.diffs);
  q.bind(1, topic).bind(2, static_cast<std::int64_t>(limit));
  while (q.step()) {
    out.push_back(RevisionDiff{q.int64(0), q.text(1), q.text(2), q.integer(3),
                               q.time_or_epoch(4), q.text(5)});
  }
  return out;
}

std::vector<EventRecord> SqliteStore::events(std::optional<std::string> topic,
                                             std::optional<Timestamp> since) {
  std::vector<EventRecord> out;
  sqlite::Query q(query_sql_.events);
  q.bind(1, topic).bind(2, since);
  while (q.step()) {
    out.push_back(EventRecord{q.int64(0), q.text(1), q.text(2), q.text(3), q.time_or_epoch(4),
                              q.time_or_epoch(5), q.integer(6), q.integer(7), q.int64(8) != 0});
  }
  return out;
}

std::vector<FactValue> SqliteStore::current_facts() {
  std::vector<FactValue> out;
  sqlite::Query q(query_sql_.facts);
  while (q.step()) out.push_back(FactValue{q.text(0), q.text(1), q.text(2), q.time_or_epoch(3)});
  return out;
}

}  // namespace redline
