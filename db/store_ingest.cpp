// record_poll: one feed's items and its poll record in one transaction. Each item costs one
// lookup by identity (which also finds, in the same statement, an item of the feed with the same
// normalized link when the guid changed; a feed's first poll skips it) and one to three writes;
// the poll's new revisions wait for classification as one range of ids (pending_ranges).
#include <unordered_set>

#include "db/identity.h"
#include "db/sqlite_store.h"
#include "db/word_diff.h"

namespace redline {

struct SqliteStore::PollContext {
  std::int64_t feed_id = 0;
  const PollSuccess* poll = nullptr;
  std::string polled_at;  // poll->polled_at as stored, formatted once
  bool first_poll = false;
  // Revision ids are handed out here (we hold the write lock), so an item row is written once,
  // already pointing at its first revision. Every id above first_revision_id is this poll's.
  std::int64_t first_revision_id = 0;
  std::int64_t next_revision_id = 0;
  // On a first poll: the keys this poll has stored so far (see ingest_item).
  std::unordered_set<std::string> keys_stored;
};

// An incoming item with its identity worked out (identify_items).
struct SqliteStore::Incoming {
  const Item* item;
  const std::string& link;  // normalized
  const std::string& guid;  // trimmed
  const std::string& key;
  const std::string& hash;  // of title and summary
  bool link_fallback;
};

// The stored item an incoming one turned out to be, with its latest revision.
struct SqliteStore::StoredItem {
  std::int64_t id = 0;
  std::string identity;
  int revision = 0;
  std::string title, summary, hash;
  std::optional<Timestamp> published;
  Timestamp first_seen;
};

SqliteStore::IngestSql::IngestSql(sqlite::Connection& db)
    : feed_state(db, "SELECT last_success FROM feeds WHERE id = ?1"),
      // Never below what the search index has covered: an id it passed is never handed out
      // again, even after the newest revisions were deleted.
      last_revision_id(db,
                       "SELECT MAX(COALESCE((SELECT MAX(id) FROM item_revisions), 0), "
                       "COALESCE((SELECT indexed_through FROM search_index WHERE id = 1), 0))"),
      // By identity first; by normalized link (?3, NULL when not allowed) as the fallback.
      find_item(db,
                "SELECT i.id, i.identity, r.revision, r.title, r.summary, r.content_hash, "
                "i.published, i.first_seen FROM items i "
                "JOIN item_revisions r ON r.id = i.latest_revision_id WHERE i.id = COALESCE("
                "(SELECT id FROM items WHERE feed_id = ?1 AND identity = ?2), "
                "(SELECT id FROM items WHERE feed_id = ?1 AND normalized_link = ?3 LIMIT 1))"),
      // A key already stored is left alone (no change): only a first poll inserts without
      // looking first, and it looks when that happens.
      insert_item(db,
                  "INSERT INTO items (feed_id, identity, guid, link, normalized_link, "
                  "first_seen, last_seen, published, latest_revision_id) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8) "
                  "ON CONFLICT (feed_id, identity) DO NOTHING"),
      insert_revision(db,
                      "INSERT INTO item_revisions (id, item_id, revision, seen_at, title, "
                      "summary, link, content_hash, diff, backlog) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
      // A poll's new revisions wait for classification: one range of ids (migration 0006).
      // Ids are new (above every stored one), so a range that reaches them can only be left
      // from revisions deleted by hand: it is cut short, or dropped, before the new one goes in.
      trim_pending(db,
                   "UPDATE pending_ranges SET last_id = ?1 - 1 WHERE first_id = "
                   "(SELECT MAX(first_id) FROM pending_ranges WHERE first_id < ?1) "
                   "AND last_id >= ?1"),
      drop_pending(db, "DELETE FROM pending_ranges WHERE first_id BETWEEN ?1 AND ?2"),
      add_pending(db, "INSERT INTO pending_ranges (first_id, last_id) VALUES (?1, ?2)"),
      set_latest(db,
                 "UPDATE items SET latest_revision_id = ?2, last_seen = ?3, link = ?4, "
                 "normalized_link = ?5, published = COALESCE(published, ?6), identity = ?7, "
                 "guid = ?8 WHERE id = ?1"),
      touch(db,
            "UPDATE items SET last_seen = ?2, published = COALESCE(published, ?3) WHERE id = ?1"),
      rekey(db, "UPDATE items SET identity = ?2, guid = ?3 WHERE id = ?1"),
      feed_success(db,
                   "UPDATE feeds SET etag = ?2, last_modified = ?3, last_attempt = ?4, "
                   "last_success = ?4, next_poll = ?5, error_count = 0, last_error = '' "
                   "WHERE id = ?1") {}

namespace {

// What changed between two revisions: the title's word diff, then the summary's.
std::string revision_diff(const std::string& old_title, const std::string& old_summary,
                          const Item& item) {
  std::string diff;
  if (old_title != item.title) diff = word_diff(old_title, item.title);
  if (old_summary != item.summary) {
    const std::string summary = word_diff(old_summary, item.summary);
    if (!summary.empty()) diff += (diff.empty() ? "summary: " : "\nsummary: ") + summary;
  }
  return diff;
}

}  // namespace

IngestResult SqliteStore::record_poll(std::int64_t feed_id, const PollSuccess& poll,
                                      const std::vector<Item>& items,
                                      const std::vector<ItemIdentity>& identities) {
  if (identities.size() != items.size())
    throw StoreError("record_poll: " + std::to_string(items.size()) + " items but " +
                     std::to_string(identities.size()) + " identities");
  PollContext context;
  context.feed_id = feed_id;
  context.poll = &poll;
  context.polled_at = format_rfc3339(poll.polled_at);
  // A poll's rows survive a killed process; a power cut may undo them (and its validators with
  // them), and the next poll fetches the feed again. An fsync for each was a tenth of a cold
  // poll's time on the thread that owns the database (issue #8).
  sqlite::Transaction tx(db_, sqlite::Sync::normal);
  {
    sqlite::Query q(ingest_sql_.feed_state);
    q.bind(1, feed_id);
    if (!q.step()) throw StoreError("no feed with id " + std::to_string(feed_id));
    context.first_poll = q.is_null(0);
  }
  {
    sqlite::Query q(ingest_sql_.last_revision_id);
    context.next_revision_id = (q.step() ? q.int64(0) : 0) + 1;
    context.first_revision_id = context.next_revision_id;
  }
  IngestResult result;
  for (std::size_t i = 0; i < items.size(); ++i)
    ingest_item(context, items[i], identities[i], result);
  if (context.next_revision_id > context.first_revision_id) {
    const std::int64_t first = context.first_revision_id, last = context.next_revision_id - 1;
    sqlite::Query(ingest_sql_.trim_pending).bind(1, first).run();
    sqlite::Query(ingest_sql_.drop_pending).bind(1, first).bind(2, last).run();
    sqlite::Query(ingest_sql_.add_pending).bind(1, first).bind(2, last).run();
  }
  sqlite::Query(ingest_sql_.feed_success)
      .bind(1, feed_id)
      .bind(2, poll.etag)
      .bind(3, poll.last_modified)
      .bind(4, context.polled_at)
      .bind(5, poll.next_poll)
      .run();
  tx.commit();
  return result;
}

void SqliteStore::ingest_item(PollContext& context, const Item& item, const ItemIdentity& id,
                              IngestResult& result) {
  const Incoming in{&item, id.link, id.guid, id.key, id.hash, id.link_fallback};

  // A feed's first stored poll can only find what this same poll stored: an item whose key it
  // has not stored yet is new without asking the database (a cold start of a thousand feeds
  // asked fifty thousand times for nothing, issue #8). The link fallback finds nothing either:
  // it is off for a link that two items of this poll share. Should the database hold the key
  // all the same (edited by hand), the insert does nothing and the item is looked up.
  if (context.first_poll && context.keys_stored.insert(in.key).second) {
    const std::int64_t revision_id = context.next_revision_id;
    if (const auto item_id = insert_item(context, in, revision_id)) {
      ++context.next_revision_id;
      add_revision(context, in, item_id, revision_id, 1, "", item.published,
                   context.poll->polled_at, result);
      ++result.new_items;
      return;
    }
  }
  const auto stored = find_stored(context, in);
  if (!stored) {
    const std::int64_t revision_id = context.next_revision_id++;
    const std::int64_t item_id = insert_item(context, in, revision_id);
    if (item_id == 0) throw StoreError("item " + in.key + " is stored but was not found");
    add_revision(context, in, item_id, revision_id, 1, "", item.published, context.poll->polled_at,
                 result);
    ++result.new_items;
    return;
  }
  if (stored->hash == in.hash) {
    sqlite::Query(ingest_sql_.touch)
        .bind(1, stored->id)
        .bind(2, context.polled_at)
        .bind(3, item.published)
        .run();
    if (stored->identity != in.key)
      sqlite::Query(ingest_sql_.rekey).bind(1, stored->id).bind(2, in.key).bind(3, in.guid).run();
    ++result.unchanged_items;
    return;
  }
  const std::int64_t revision_id = context.next_revision_id++;
  // The first date the feed gave is kept: a re-dated item does not become news again.
  const auto published = stored->published ? stored->published : item.published;
  add_revision(context, in, stored->id, revision_id, stored->revision + 1,
               revision_diff(stored->title, stored->summary, item), published, stored->first_seen,
               result);
  sqlite::Query(ingest_sql_.set_latest)
      .bind(1, stored->id)
      .bind(2, revision_id)
      .bind(3, context.polled_at)
      .bind(4, item.link)
      .bind(5, in.link)
      .bind(6, item.published)
      .bind(7, in.key)
      .bind(8, in.guid)
      .run();
  ++result.revised_items;
}

std::optional<SqliteStore::StoredItem> SqliteStore::find_stored(const PollContext& context,
                                                                const Incoming& incoming) {
  sqlite::Query q(ingest_sql_.find_item);
  q.bind(1, context.feed_id).bind_static(2, incoming.key);
  if (incoming.link_fallback) q.bind_static(3, incoming.link);
  if (!q.step()) return std::nullopt;
  return StoredItem{q.int64(0), q.text(1), q.integer(2), q.text(3),
                    q.text(4),  q.text(5), q.time(6),    q.time_or_epoch(7)};
}

std::int64_t SqliteStore::insert_item(const PollContext& context, const Incoming& in,
                                      std::int64_t revision_id) {
  // bind_static: the strings belong to `in` and `context`, which outlive the statement.
  sqlite::Query(ingest_sql_.insert_item)
      .bind(1, context.feed_id)
      .bind_static(2, in.key)
      .bind_static(3, in.guid)
      .bind_static(4, in.item->link)
      .bind_static(5, in.link)
      .bind_static(6, context.polled_at)
      .bind(7, in.item->published)
      .bind(8, revision_id)
      .run();
  return db_.changes() > 0 ? db_.last_insert_rowid() : 0;
}

void SqliteStore::add_revision(PollContext& context, const Incoming& in, std::int64_t item_id,
                               std::int64_t revision_id, int revision, const std::string& diff,
                               std::optional<Timestamp> published, Timestamp first_seen,
                               IngestResult& result) {
  // Backlog: published before the poll's backlog line; undated items only on a first poll.
  const bool backlog = published ? *published < context.poll->backlog_before : context.first_poll;
  sqlite::Query(ingest_sql_.insert_revision)
      .bind(1, revision_id)
      .bind(2, item_id)
      .bind(3, revision)
      .bind_static(4, context.polled_at)
      .bind_static(5, in.item->title)
      .bind_static(6, in.item->summary)
      .bind_static(7, in.item->link)
      .bind_static(8, in.hash)
      .bind_static(9, diff)
      .bind(10, backlog ? 1 : 0)
      .run();
  PendingRevision& p = result.pending.emplace_back();
  p.revision_id = revision_id;
  p.item_id = item_id;
  p.feed_id = context.feed_id;
  p.title = in.item->title;
  p.summary = in.item->summary;
  p.link = in.item->link;
  p.published = published;
  p.first_seen = first_seen;
  p.revision = revision;
  p.backlog = backlog;
}

}  // namespace redline
