// The SQLite implementation of Store (internal to db/; everyone else uses open_sqlite_store).
// Every statement is prepared once when the store opens, grouped by the file that uses it:
// sqlite_store.cpp (feeds), store_ingest.cpp (polls, items, revisions), store_classify.cpp
// (matches, events, facts, alerts), store_outbox.cpp (deliveries), store_queries.cpp (history).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "db/sqlite.h"
#include "db/store.h"
#include "db/word_numbers.h"

namespace redline {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);

  FeedRecord ensure_feed(const std::string& name, const std::string& url) override;
  std::vector<FeedRecord> feeds() override;
  void adopt_redirect(std::int64_t feed_id, const std::string& new_url) override;

  using Store::record_poll;
  IngestResult record_poll(std::int64_t feed_id, const PollSuccess& poll,
                           const std::vector<Item>& items,
                           const std::vector<ItemIdentity>& identities) override;
  void record_not_modified(std::int64_t feed_id, Timestamp at, Timestamp next_poll) override;
  void record_failure(std::int64_t feed_id, Timestamp at, const std::string& error,
                      Timestamp next_poll, bool disable) override;

  std::vector<PendingRevision> pending_classification(std::size_t limit,
                                                      std::int64_t after_revision_id = 0) override;
  ClassificationOutcome record_classification(const ClassifiedRevision& classified,
                                              const AlertPolicy& policy, Timestamp now) override;
  ClassificationOutcome record_classifications(const std::vector<ClassifiedRevision>& batch,
                                               const AlertPolicy& policy, Timestamp now) override;
  void seed_baselines(const std::vector<FactBaseline>& baselines, Timestamp now) override;

  std::int64_t enqueue_test_alert(const std::string& sink, const std::string& payload,
                                  Timestamp now) override;
  std::vector<Delivery> due_deliveries(Timestamp now, std::size_t limit) override;
  std::optional<Timestamp> next_delivery_due() override;
  void mark_delivered(std::int64_t id, Timestamp at, const std::string& reply) override;
  void mark_retry(std::int64_t id, Timestamp at, const std::string& error,
                  Timestamp next_attempt) override;
  void mark_failed(std::int64_t id, Timestamp at, const std::string& error) override;
  std::vector<Delivery> deliveries(std::optional<std::string> status, std::size_t limit) override;

  std::vector<HistoryItem> history(const HistoryQuery& query) override;
  std::vector<FactChange> fact_changes(std::optional<std::string> topic) override;
  std::vector<RevisionDiff> revision_diffs(std::optional<std::string> topic,
                                           std::size_t limit) override;
  std::vector<EventRecord> events(std::optional<std::string> topic,
                                  std::optional<Timestamp> since) override;
  std::vector<FactValue> current_facts() override;
  bool integrity_ok() override;
  void begin_batch(Durability durability = Durability::power_cut) override;
  void end_batch(bool commit) override;
  std::int64_t update_search_index(std::size_t limit) override;
  std::int64_t search_index_behind() override;

  sqlite::Connection& connection() { return db_; }

 private:
  struct FeedSql {
    explicit FeedSql(sqlite::Connection& db);
    sqlite::Statement upsert, by_name, all, adopt, not_modified, failure;
  };
  struct IngestSql {
    explicit IngestSql(sqlite::Connection& db);
    sqlite::Statement feed_state, last_revision_id, find_item, insert_item, insert_revision,
        trim_pending, drop_pending, add_pending, set_latest, touch, rekey, feed_success;
  };
  struct SearchSql {
    explicit SearchSql(sqlite::Connection& db);
    sqlite::Statement state, newest, forget, index, advance;
  };
  struct ClassifySql {
    explicit ClassifySql(sqlite::Connection& db);
    sqlite::Statement revision_exists, revisions_between, count_between, event_of_item, open_events,
        event_by_id, insert_event, insert_event_words, add_source, feeds_of_event, refresh_event,
        refresh_event_counts, insert_match, pending_ranges, drop_range, add_range, get_fact,
        put_fact, insert_fact_change, seed_fact, sources_of_event, insert_alert, insert_delivery,
        pending, data_version;
  };
  struct OutboxSql {
    explicit OutboxSql(sqlite::Connection& db);
    sqlite::Statement due, next_due, delivered, retry, failed, by_status, all;
  };
  struct QuerySql {
    explicit QuerySql(sqlite::Connection& db);
    sqlite::Statement history, history_search, matches_of_revision, fact_changes, diffs, events,
        facts;
  };

  // Item identity and revision, inside record_poll's transaction (store_ingest.cpp).
  struct PollContext;
  struct Incoming;
  struct StoredItem;
  void ingest_item(PollContext& context, const Item& item, const ItemIdentity& id,
                   IngestResult& result);
  std::optional<StoredItem> find_stored(const PollContext& context, const Incoming& incoming);
  std::int64_t insert_item(const PollContext& context, const Incoming& incoming,
                           std::int64_t revision_id);
  void add_revision(PollContext& context, const Incoming& incoming, std::int64_t item_id,
                    std::int64_t revision_id, int revision, const std::string& diff,
                    std::optional<Timestamp> published, Timestamp first_seen, IngestResult& result);

  // record_classification's work inside the caller's transaction.
  ClassificationOutcome classify_one(const ClassifiedRevision& classified, bool pending,
                                     const AlertPolicy& policy, Timestamp now);
  // Takes the revisions of `ids` (sorted, no repeats) off the pending ranges and returns those
  // of them that were pending.
  std::vector<std::int64_t> take_pending(const std::vector<std::int64_t>& ids);
  // One match of a classified revision, inside record_classification's transaction.
  struct RevisionState {
    std::int64_t revision_id = 0, item_id = 0, feed_id = 0;
    int revision = 1;  // of its item: 1 for the first text
    bool backlog = false;
    std::string title, link, feed_name;
    std::optional<Timestamp> published;
    const std::vector<std::string>* words = nullptr;  // event words of the item
    // A cache for most_similar_open_event: the numbers (word_ids_) of the words that had one
    // when there were `numbered` numbers, sorted; the words that had none; the weight of all.
    mutable std::vector<std::uint32_t> numbers;
    mutable std::vector<std::string_view> unnumbered;
    mutable double weight = 0;
    mutable std::size_t numbered = 0;
    mutable bool looked_up = false;
  };
  // An event's words, and the same as numbered tokens (word_ids_) with their total weight, so
  // that a report is compared with every open event of its topic by adding up weights per
  // number, not by comparing strings (issue #8: that comparison was a fifth of a cold poll of
  // varied news, and it grows with the events open).
  // The words themselves are read from the JSON again only for a measure other than
  // event_similarity (tests): held as strings for every event cached, they were half the cache.
  struct EventWords {
    std::string json;                // the event row's words, as stored
    std::vector<std::uint32_t> ids;  // sorted, no repeats
    double weight = 0;               // event_word_weight summed over them
    std::vector<std::string> words() const;
  };
  using EventWordsPtr = std::shared_ptr<const EventWords>;
  struct EventState {
    std::int64_t id = 0;
    std::string topic, stance, title;
    Timestamp first_seen, last_seen;
    // The row's last_seen as written (its text): a rewrite that would write the same second
    // leaves it alone, and with it the events_open index it is a key of.
    std::string row_last_seen;
    int sources = 0, reports = 0;
    bool alerted = false, update_sent = false;
    EventWordsPtr words;
    // The feeds it has a report from, sorted; read on its first report (issue #8: a query per
    // report was 2 % of the database thread).
    std::vector<std::int64_t> feeds;
    bool feeds_known = false;
  };
  // The events of a topic open for joining in one record_classifications call: last report
  // within the window, or touched in the call. A report is compared with each of them; the
  // first time, the events open then are indexed by word number (`begin`, `slots`), so that
  // comparing a report adds its words' weights to the events that have them instead of reading
  // every word of every event (issue #8: a fifth of the database thread on varied news). Events
  // opened after that are compared word by word.
  // Kept from one call to the next (EventCache): events that leave the window are dropped at
  // the start of a call, and the index is built again once comparing the events added after it
  // word by word has cost as much as building it.
  struct OpenEvents {
    std::vector<std::int64_t> ids;  // in the order added
    std::vector<EventWordsPtr> words;
    std::vector<double> weights;  // words[k]->weight, side by side for the comparisons' scan
    std::vector<Timestamp> last_seen;
    std::unordered_map<std::int64_t, std::size_t> members;  // id -> position in `ids`
    std::size_t indexed = 0;           // ids[0, indexed) are in the index
    std::vector<std::uint32_t> begin;  // per word number: where its events start in `slots`
    std::vector<std::uint32_t> slots;  // positions in `ids`
    std::vector<std::uint32_t> by_weight;  // positions of the indexed events, lightest first
    // Words the comparisons since the index was built read one by one (events added since),
    // to weigh against what building it again costs.
    std::size_t unindexed_work = 0;
    // Adds the event, or sets its last report to `seen` (as its row is written).
    void add(std::int64_t id, EventWordsPtr w, Timestamp seen) {
      const auto [at, added] = members.try_emplace(id, ids.size());
      if (!added) {
        last_seen[at->second] = seen;
        return;
      }
      ids.push_back(id);
      weights.push_back(w->weight);
      words.push_back(std::move(w));
      last_seen.push_back(seen);
    }
    // Drops the events whose last report is before `from`.
    void drop_before(Timestamp from);
  };
  // The events record_classifications calls touch and the events open per topic, read once and
  // written back once per call before its commit: a burst adds thousands of reports to a
  // handful of events, and reading and updating the event row for each one was most of the
  // cost of recording them. Kept from one call to the next (reading them again for every call
  // was a tenth of a cold poll's database thread on varied news, issue #8) while this
  // connection is the only one that has written since (PRAGMA data_version), the last call
  // committed, and time did not go back; otherwise started afresh.
  struct EventCache {
    std::map<std::int64_t, EventState> events;                // as of the last report recorded
    std::map<std::string, OpenEvents, std::less<>> open;      // per topic, once asked for
    std::set<std::int64_t> touched;                           // this call's: written back
    std::int64_t data_version = -1;
    std::chrono::hours window{0};  // the policy's event_window the open events were read with
    std::optional<Timestamp> now;  // of the last call that committed; nullopt: not to be kept
  };
  ClassificationOutcome record_with_cache(const std::vector<const ClassifiedRevision*>& batch,
                                          const AlertPolicy& policy, Timestamp now);
  void apply_match(const RevisionState& revision, const Match& match, const AlertPolicy& policy,
                   Timestamp now, ClassificationOutcome& outcome);
  EventState& join_or_open_event(const RevisionState& revision, const Match& match,
                                 const AlertPolicy& policy, Timestamp now,
                                 ClassificationOutcome& outcome);
  EventState& cached_event(std::int64_t event_id);
  // Drops the cached events, and the open ones, whose last report is before `from`.
  static void forget_closed_events(EventCache& cache, Timestamp from);
  OpenEvents& open_events(const std::string& topic, const AlertPolicy& policy, Timestamp now);
  // Indexes the events open now by word number (OpenEvents::begin, slots).
  void index_open_events(OpenEvents& open) const;
  std::int64_t most_similar_open_event(const RevisionState& revision, const Match& match,
                                       const AlertPolicy& policy, Timestamp now);
  // An event's words parsed from the JSON its row holds, through event_words_.
  EventWordsPtr event_words(std::int64_t event_id, std::string_view json);
  // Numbers the words (word_ids_); `ids` sorted, without repeats.
  void number_words(const std::vector<std::string>& words, std::vector<std::uint32_t>& ids,
                    double& weight);
  // A report's words as numbers (RevisionState::numbers, unnumbered, weight): the numbers of
  // those already numbered (no new ones), brought up to date when words were numbered since.
  void find_word_numbers(const RevisionState& revision) const;
  nlohmann::json apply_fact_updates(const RevisionState& revision, const Match& match,
                                    Timestamp now, ClassificationOutcome& outcome);
  nlohmann::json alert_payload(const RevisionState& revision, const Match& match,
                               const EventState& event, const char* kind, const AlertPolicy& policy,
                               nlohmann::json facts);
  // Writes one alert and one delivery per sink; returns the deliveries' row ids.
  std::vector<std::int64_t> queue_alert(std::optional<std::int64_t> event_id,
                                        std::optional<std::int64_t> revision_id, const char* kind,
                                        const std::string& payload,
                                        const std::vector<std::string>& sinks, Timestamp now);

  std::vector<Delivery> read_deliveries(sqlite::Query& q);

  sqlite::Connection db_;
  FeedSql feed_sql_;
  IngestSql ingest_sql_;
  ClassifySql classify_sql_;
  OutboxSql outbox_sql_;
  QuerySql query_sql_;
  SearchSql search_sql_;

  // Events' words as numbers, by id, with the JSON they were read from: an event's words never
  // change, and parsing them for every match that is compared with the event dominated
  // classification. The JSON is compared on use, so an id reused after a rolled-back
  // transaction cannot return another event's words.
  std::unordered_map<std::int64_t, EventWordsPtr> event_words_;
  // Every event word met, numbered in order of appearance, with its weight; `marks` holds a
  // report's weight per number while it is compared (zero otherwise). Started afresh, with
  // event_words_, once it holds 200,000 words (at the start of record_with_cache).
  struct WordIds {
    WordNumbers ids;
    std::vector<double> weights;
    std::vector<double> marks;
  };
  WordIds word_ids_;
  EventCache kept_events_;                      // see EventCache
  EventCache* events_ = nullptr;                // set during record_with_cache
  std::unique_ptr<sqlite::Transaction> batch_;  // open between begin_batch and end_batch
  // The first revision id the search index has not covered, and the newest stored.
  std::pair<std::int64_t, std::int64_t> search_index_range();
};

}  // namespace redline
