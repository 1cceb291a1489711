// record_poll: one feed's items and its poll record in one transaction. Each item costs one
// lookup by identity (which also finds, in the same statement, an item of the feed with the same
// normalized link when the guid changed) and one or three writes.
#include <unordered_map>

#include "db/identity.h"
#include "db/sqlite_store.h"
#include "db/word_diff.h"

namespace redline {

struct SqliteStore::PollContext {
  std::int64_t feed_id = 0;
  const PollSuccess* poll = nullptr;
  bool first_poll = false;
  // How often each normalized link occurs in this poll: a link several items share (a feed
  // that points every entry at its home page) identifies none of them.
  std::unordered_map<std::string, int> link_counts;
};

SqliteStore::IngestSql::IngestSql(sqlite::Connection& db)
    : feed_state(db, "SELECT last_success FROM feeds WHERE id = ?1"),
      // By identity first; by normalized link (?3, NULL when not allowed) as the fallback.
      find_item(db,
                "SELECT i.id, i.identity, r.revision, r.title, r.summary, r.content_hash, "
                "i.published FROM items i JOIN item_revisions r ON r.id = i.latest_revision_id "
                "WHERE i.id = COALESCE("
                "(SELECT id FROM items WHERE feed_id = ?1 AND identity = ?2), "
                "(SELECT id FROM items WHERE feed_id = ?1 AND normalized_link = ?3 LIMIT 1))"),
      insert_item(db,
                  "INSERT INTO items (feed_id, identity, guid, link, normalized_link, "
                  "first_seen, last_seen, published) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)"),
      insert_revision(db,
                      "INSERT INTO item_revisions (item_id, revision, seen_at, title, summary, "
                      "link, content_hash, diff, backlog) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
      set_latest(db,
                 "UPDATE items SET latest_revision_id = ?2, last_seen = ?3, link = ?4, "
                 "normalized_link = ?5, published = COALESCE(published, ?6) WHERE id = ?1"),
      touch(db,
            "UPDATE items SET last_seen = ?2, published = COALESCE(published, ?3), "
            "identity = ?4, guid = ?5 WHERE id = ?1"),
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

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

IngestResult SqliteStore::record_poll(std::int64_t feed_id, const PollSuccess& poll,
                                      const std::vector<Item>& items) {
  PollContext context;
  context.feed_id = feed_id;
  context.poll = &poll;
  for (const auto& item : items) {
    const std::string link = normalize_link(item.link);
    if (!link.empty()) ++context.link_counts[link];
  }
  sqlite::Transaction tx(db_);
  {
    sqlite::Query q(ingest_sql_.feed_state);
    q.bind(1, feed_id);
    if (!q.step()) throw StoreError("no feed with id " + std::to_string(feed_id));
    context.first_poll = q.is_null(0);
  }
  IngestResult result;
  for (const auto& item : items) ingest_item(context, item, result);
  sqlite::Query(ingest_sql_.feed_success)
      .bind(1, feed_id)
      .bind(2, poll.etag)
      .bind(3, poll.last_modified)
      .bind(4, poll.polled_at)
      .bind(5, poll.next_poll)
      .run();
  tx.commit();
  return result;
}

void SqliteStore::ingest_item(PollContext& context, const Item& item, IngestResult& result) {
  const std::string link = normalize_link(item.link);
  const bool shared_link = !link.empty() && context.link_counts[link] > 1;
  const std::string guid = trimmed(item.id);
  const std::string key =
      item_key(guid, shared_link ? "" : item.link, item.title, item.summary, item.published);
  // A feed that re-issues guids but keeps the link: the link finds the item when it names one
  // page and no other item of this poll shares it.
  const bool link_fallback = !guid.empty() && !shared_link && link_identifies_page(link);
  const std::string hash = content_hash(item.title, item.summary);
  const PollSuccess& poll = *context.poll;

  std::int64_t item_id = 0;
  int revision = 1;
  std::string diff;
  std::optional<Timestamp> published = item.published;
  {
    sqlite::Query q(ingest_sql_.find_item);
    q.bind(1, context.feed_id).bind(2, key);
    if (link_fallback) q.bind(3, link);
    if (q.step()) {
      item_id = q.int64(0);
      if (auto stored = q.time(6)) published = stored;  // the first date given is kept
      if (q.text(5) == hash) {
        sqlite::Query(ingest_sql_.touch)
            .bind(1, item_id)
            .bind(2, poll.polled_at)
            .bind(3, item.published)
            .bind(4, key)
            .bind(5, guid)
            .run();
        ++result.unchanged_items;
        return;
      }
      revision = q.integer(2) + 1;
      diff = revision_diff(q.text(3), q.text(4), item);
    }
  }
  if (item_id == 0) {
    sqlite::Query(ingest_sql_.insert_item)
        .bind(1, context.feed_id)
        .bind(2, key)
        .bind(3, guid)
        .bind(4, item.link)
        .bind(5, link)
        .bind(6, poll.polled_at)
        .bind(7, item.published)
        .run();
    item_id = db_.last_insert_rowid();
    ++result.new_items;
  } else {
    sqlite::Query(ingest_sql_.touch)
        .bind(1, item_id).bind(2, poll.polled_at).bind(3, item.published).bind(4, key)
        .bind(5, guid).run();
    ++result.revised_items;
  }
  const bool backlog = published ? *published < poll.backlog_before : context.first_poll;
  sqlite::Query(ingest_sql_.insert_revision)
      .bind(1, item_id)
      .bind(2, revision)
      .bind(3, poll.polled_at)
      .bind(4, item.title)
      .bind(5, item.summary)
      .bind(6, item.link)
      .bind(7, hash)
      .bind(8, diff)
      .bind(9, backlog ? 1 : 0)
      .run();
  const std::int64_t revision_id = db_.last_insert_rowid();
  sqlite::Query(ingest_sql_.set_latest)
      .bind(1, item_id)
      .bind(2, revision_id)
      .bind(3, poll.polled_at)
      .bind(4, item.link)
      .bind(5, link)
      .bind(6, item.published)
      .run();
}

}  // namespace redline
