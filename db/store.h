// The store: redline's history database. It keeps the feeds and their health, every item with a
// stable identity and its revisions (with word diffs), the matches, the events that group
// reports of one happening, the tracked facts and their changes, and the alert outbox.
// Promises: one poll of one feed is one transaction; an item is committed before it is
// classified; an alert enters the outbox in the same transaction as the match that caused it.
// The rest of redline talks to the database only through this interface (SQLite now; a
// PostgreSQL backend may follow). Environment failures (cannot open, disk full, read-only,
// database newer than this binary) throw StoreError.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/identity.h"
#include "feeds/feed.h"
#include "topics/topics.h"
#include "util/time.h"

namespace redline {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FeedRecord {
  std::int64_t id = 0;
  std::string name;
  std::string url;  // current URL (after an adopted permanent redirect)
  std::string etag;
  std::string last_modified;
  int error_count = 0;
  std::string last_error;
  std::optional<Timestamp> last_attempt;
  std::optional<Timestamp> last_success;
  std::optional<Timestamp> next_poll;
  bool disabled = false;
  std::string disabled_reason;
  std::int64_t item_count = 0;
};

// What a successful (2xx) poll brings, stored with its items in one transaction.
struct PollSuccess {
  Timestamp polled_at;
  Timestamp next_poll;
  std::string etag;
  std::string last_modified;
  // Items published before this are backlog: stored and classified, never alerted. On a feed's
  // first poll, items without a date are backlog too.
  Timestamp backlog_before;
};

// A stored revision that has not been classified yet (survives a crash between the two steps).
struct PendingRevision {
  std::int64_t revision_id = 0;
  std::int64_t item_id = 0;
  std::int64_t feed_id = 0;
  std::string feed_name;
  std::string title;
  std::string summary;
  std::string link;
  std::optional<Timestamp> published;
  Timestamp first_seen;
  int revision = 1;  // of its item, as stored: the store relies on it (1: no earlier text)
  bool backlog = false;
};

struct IngestResult {
  int new_items = 0;
  int revised_items = 0;  // title or summary changed: a new revision with a word diff
  int unchanged_items = 0;
  // The revisions this poll stored, in id order, as pending_classification would read them
  // once committed (feed_name left empty: the store knows the feed by id). The service hands
  // them to its classifier without reading them back.
  std::vector<PendingRevision> pending;
};

// How matches become events and alerts; taken from the watchlist and the configuration.
struct AlertPolicy {
  std::string watchlist;  // name, copied into alert payloads
  std::vector<TopicInfo> topics;  // severity and alert_on_fact_change per topic
  std::vector<std::string> sinks;  // configured sink names; one delivery per alert per sink
  double same_event_similarity = 0.34;  // event_similarity at or above this joins an event
  std::chrono::hours event_window{72};  // an event stays open this long after its last report
  int update_at_sources = 2;  // one "update" alert when independent sources reach this count
  // Similarity of two event_words lists in [0,1]; the pipeline passes event_similarity.
  std::function<double(const std::vector<std::string>&, const std::vector<std::string>&)>
      similarity;
};

struct ClassifiedRevision {
  PendingRevision revision;
  std::vector<Match> matches;
  std::vector<std::string> event_words;  // Classifier::event_words of the item
};

struct ClassificationOutcome {
  int matches = 0;
  int new_events = 0;
  int alerts_queued = 0;  // deliveries written to the outbox
  int fact_changes = 0;
};

// One row of the outbox: one alert for one sink.
// payload is the alert as JSON (an object with event_id, kind ("new", "update", "fact"), topic,
// stance, severity, title, link, feed, published, first_seen, evidence, confidence,
// sources {count, list:[{feed, title, link, published}]}, numbers [{value, what}], entities,
// facts [{fact, old, new}], watchlist); the sender adds the delivery id.
struct Delivery {
  std::int64_t id = 0;
  std::int64_t alert_id = 0;
  std::int64_t event_id = 0;
  std::string delivery_id;  // stable across retries: "rl-<alert_id>-<sink>"
  std::string sink;
  std::string kind;     // "new", "update", "fact", "test"
  std::string status;   // "pending", "delivered", "failed"
  std::string payload;  // JSON text
  int attempts = 0;
  Timestamp created_at;
  std::optional<Timestamp> next_attempt;
  std::optional<Timestamp> delivered_at;
  std::string last_error;
};

struct HistoryQuery {
  std::optional<std::string> topic;
  std::optional<std::string> stance;
  std::optional<std::string> feed;
  std::optional<std::string> search;  // full-text search words (FTS5 syntax accepted)
  std::optional<Timestamp> since;     // on first_seen
  std::optional<Timestamp> until;
  std::size_t limit = 100;
};

struct StoredMatch {
  std::string topic;
  std::string stance;
  double confidence = 0;
  std::string evidence;
  std::vector<Number> numbers;
  std::vector<std::string> entities;
  std::int64_t event_id = 0;
};

struct HistoryItem {
  std::int64_t id = 0;
  std::string title;
  std::string link;
  std::string summary;
  std::string feed;
  std::optional<Timestamp> published;
  Timestamp first_seen;
  Timestamp last_seen;
  int revisions = 1;
  std::vector<StoredMatch> matches;  // of the latest revision
};

struct FactChange {
  std::string topic;
  std::string fact;
  std::string old_value;
  std::string new_value;
  Timestamp at;
  std::int64_t item_id = 0;
  std::string item_title;
  std::string link;
};

struct RevisionDiff {
  std::int64_t item_id = 0;
  std::string feed;
  std::string title;  // latest title
  int revision = 0;
  Timestamp at;
  std::string diff;  // word diff, "[-old-]{+new+}" style
};

struct EventRecord {
  std::int64_t id = 0;
  std::string topic;
  std::string stance;  // strongest reported: action > denial > rhetoric
  std::string title;   // of the first report
  Timestamp first_seen;
  Timestamp last_seen;
  int sources = 0;  // independent sources (distinct feeds)
  int reports = 0;
  bool alerted = false;
};

struct FactValue {
  std::string topic;
  std::string fact;
  std::string value;  // for sets, members joined by "; "
  Timestamp since;
};

class Store {
 public:
  virtual ~Store() = default;

  // Feeds: the configuration's feeds, keyed by name; a URL change in the config updates it.
  virtual FeedRecord ensure_feed(const std::string& name, const std::string& url) = 0;
  virtual std::vector<FeedRecord> feeds() = 0;
  virtual void adopt_redirect(std::int64_t feed_id, const std::string& new_url) = 0;

  // One poll, one transaction: the items (new ones, new revisions) and the feed's poll record.
  // `identities` are identify_items(items), worked out by a caller that has a spare thread.
  virtual IngestResult record_poll(std::int64_t feed_id, const PollSuccess& poll,
                                   const std::vector<Item>& items,
                                   const std::vector<ItemIdentity>& identities) = 0;
  IngestResult record_poll(std::int64_t feed_id, const PollSuccess& poll,
                           const std::vector<Item>& items) {
    return record_poll(feed_id, poll, items, identify_items(items));
  }
  virtual void record_not_modified(std::int64_t feed_id, Timestamp at, Timestamp next_poll) = 0;
  // A failed poll: error count +1, error kept, stored items untouched. disable for 410 Gone.
  virtual void record_failure(std::int64_t feed_id, Timestamp at, const std::string& error,
                              Timestamp next_poll, bool disable) = 0;

  // Classification: revisions stored but not yet classified, oldest first; only those with an id
  // above after_revision_id (the daemon reads the next batch while the previous one, below
  // that id, is still being recorded).
  virtual std::vector<PendingRevision> pending_classification(
      std::size_t limit, std::int64_t after_revision_id = 0) = 0;
  // One transaction: matches, event assignment, fact changes, outbox rows; marks the revision
  // classified. Alerts never for backlog revisions. `classified.revision` is taken as
  // pending_classification returned it (its id, item, feed, title, link, backlog); a revision
  // already classified is left as it is.
  virtual ClassificationOutcome record_classification(const ClassifiedRevision& classified,
                                                      const AlertPolicy& policy,
                                                      Timestamp now) = 0;
  // The same for a batch, in one transaction (what a poll produced: one commit instead of one
  // per revision). Returns the summed outcome.
  virtual ClassificationOutcome record_classifications(const std::vector<ClassifiedRevision>& batch,
                                                       const AlertPolicy& policy, Timestamp now) = 0;
  // Tracked facts start from the watchlist's baselines (kept if already set).
  virtual void seed_baselines(const std::vector<FactBaseline>& baselines, Timestamp now) = 0;

  // Outbox.
  virtual std::int64_t enqueue_test_alert(const std::string& sink, const std::string& payload,
                                          Timestamp now) = 0;
  virtual std::vector<Delivery> due_deliveries(Timestamp now, std::size_t limit) = 0;
  virtual std::optional<Timestamp> next_delivery_due() = 0;
  virtual void mark_delivered(std::int64_t id, Timestamp at, const std::string& reply) = 0;
  virtual void mark_retry(std::int64_t id, Timestamp at, const std::string& error,
                          Timestamp next_attempt) = 0;
  virtual void mark_failed(std::int64_t id, Timestamp at, const std::string& error) = 0;
  virtual std::vector<Delivery> deliveries(std::optional<std::string> status,
                                           std::size_t limit) = 0;

  // Queries.
  virtual std::vector<HistoryItem> history(const HistoryQuery& query) = 0;
  virtual std::vector<FactChange> fact_changes(std::optional<std::string> topic) = 0;
  virtual std::vector<RevisionDiff> revision_diffs(std::optional<std::string> topic,
                                                   std::size_t limit) = 0;
  virtual std::vector<EventRecord> events(std::optional<std::string> topic,
                                          std::optional<Timestamp> since) = 0;
  virtual std::vector<FactValue> current_facts() = 0;

  // PRAGMA integrity_check and foreign_key_check (or the backend's equivalent) are clean.
  virtual bool integrity_ok() = 0;

  // Batches: between begin_batch() and end_batch(true) the writes of every call above share one
  // transaction (one commit, one fsync), each call's own step still all-or-nothing inside it.
  // end_batch(true) commits (throws StoreError when it cannot: nothing of the batch is kept);
  // end_batch(false) and a failed commit roll the whole batch back. Backends without
  // transactions may ignore both.
  // The batch's commit survives a power cut unless it was begun with Durability::crash: then
  // only a killed process, which is enough for polls (record_poll), fetched again if a power cut
  // undoes them. Alerts queued inside such a batch still survive one (its commit syncs).
  enum class Durability { power_cut, crash };
  virtual void begin_batch(Durability durability = Durability::power_cut) { (void)durability; }
  virtual void end_batch(bool commit) { (void)commit; }

  // The full-text search index follows stored text off the alert path: storing a poll does not
  // index it. This indexes the oldest revisions stored since the last call, at most `limit` of
  // them, in one transaction of its own, and returns 0 when the index has caught up (otherwise
  // how far behind it still is, in revision ids). history() with a search catches up first.
  // Backends whose search needs no index return 0 from both.
  virtual std::int64_t update_search_index(std::size_t limit) {
    (void)limit;
    return 0;
  }
  // How far behind the index is, in revision ids, without writing anything.
  virtual std::int64_t search_index_behind() { return 0; }
};

// Opens (creating if needed) a SQLite history database and migrates it to the current schema.
// Throws StoreError when it cannot, or when the database was written by a newer redline.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

// The schema version this binary writes (PRAGMA user_version).
int schema_version();

}  // namespace redline
