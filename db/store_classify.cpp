// record_classification: a classified revision's matches, the events they join or open, the
// facts they change and the alerts that follow, all in one transaction, once per revision.
#include <algorithm>
#include <numeric>
#include <set>

#include "db/names.h"
#include "db/sqlite_store.h"
#include "db/store_internal.h"

namespace redline {

SqliteStore::ClassifySql::ClassifySql(sqlite::Connection& db)
    : revision_exists(db, "SELECT 1 FROM item_revisions WHERE id = ?1"),
      revisions_between(db, "SELECT id FROM item_revisions WHERE id BETWEEN ?1 AND ?2"),
      count_between(db, "SELECT count(*) FROM item_revisions WHERE id BETWEEN ?1 AND ?2"),
      // CROSS JOIN keeps event_sources outermost: an item is in few events, a topic has many.
      // MAX rather than ORDER BY ... LIMIT 1, which set up a sorter for every match recorded.
      // One row either way: NULL (read as 0) when the item is in no event of the topic.
      event_of_item(db,
                    "SELECT MAX(e.id) FROM event_sources s CROSS JOIN events e "
                    "ON e.id = s.event_id WHERE s.item_id = ?1 AND e.topic = ?2"),
      // An event's words are in event_words (migration 0007), written once when it opens.
      open_events(db,
                  "SELECT e.id, COALESCE(w.words, '[]'), e.last_seen FROM events e "
                  "LEFT JOIN event_words w ON w.event_id = e.id "
                  "WHERE e.topic = ?1 AND e.last_seen >= ?2"),
      event_by_id(db,
                  "SELECT e.id, e.stance, e.title, e.first_seen, e.alerted, e.update_sent, "
                  "e.sources, e.reports, e.topic, COALESCE(w.words, '[]'), e.last_seen "
                  "FROM events e LEFT JOIN event_words w ON w.event_id = e.id WHERE e.id = ?1"),
      insert_event(db,
                   "INSERT INTO events (topic, stance, title, first_seen, last_seen) "
                   "VALUES (?1, ?2, ?3, ?4, ?4)"),
      insert_event_words(db, "INSERT INTO event_words (event_id, words) VALUES (?1, ?2)"),
      add_source(db,
                 "INSERT OR IGNORE INTO event_sources (event_id, feed_id, item_id, revision_id, "
                 "added_at) VALUES (?1, ?2, ?3, ?4, ?5)"),
      // From the index on (event_id, feed_id) alone.
      feeds_of_event(db, "SELECT DISTINCT feed_id FROM event_sources WHERE event_id = ?1"),
      // Counts move by what the reports added (kept incrementally: a big story has thousands
      // of reports, and recounting them for every one made classification quadratic); written
      // once per event per record_classifications call.
      refresh_event(db,
                    "UPDATE events SET last_seen = ?2, stance = ?3, sources = ?4, reports = ?5, "
                    "alerted = ?6, update_sent = ?7 WHERE id = ?1"),
      // The same when the row's last_seen would not change (the second it holds is `now`'s):
      // SQLite rewrites an index whose column a statement sets, whatever the value, and the
      // batches of a burst of polls come many to the second. Without it, a cold poll of a
      // thousand feeds rewrote the events_open entry of 20,000 event rows (issue #8). Its
      // parameters are numbered as refresh_event's, so both take the same binds (?2 unused).
      refresh_event_counts(db,
                           "UPDATE events SET stance = ?3, sources = ?4, reports = ?5, "
                           "alerted = ?6, update_sent = ?7 WHERE id = ?1"),
      insert_match(db,
                   "INSERT INTO matches (revision_id, topic, stance, confidence, evidence, "
                   "numbers, entities, event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
      // The pending ranges that hold ids from ?1 to ?2 (they do not overlap: the one that
      // starts last at or before ?1, and those that start after it up to ?2).
      pending_ranges(db,
                     "SELECT first_id, last_id FROM pending_ranges WHERE first_id >= "
                     "COALESCE((SELECT MAX(first_id) FROM pending_ranges WHERE first_id <= ?1), "
                     "?1) AND first_id <= ?2 ORDER BY first_id"),
      drop_range(db, "DELETE FROM pending_ranges WHERE first_id = ?1"),
      add_range(db, "INSERT INTO pending_ranges (first_id, last_id) VALUES (?1, ?2)"),
      get_fact(db, "SELECT value FROM facts WHERE topic = ?1 AND fact = ?2"),
      put_fact(db,
               "INSERT INTO facts (topic, fact, value, since) VALUES (?1, ?2, ?3, ?4) "
               "ON CONFLICT (topic, fact) DO UPDATE SET value = excluded.value, "
               "since = excluded.since"),
      insert_fact_change(db,
                         "INSERT INTO fact_changes (topic, fact, old_value, new_value, at, "
                         "item_id, revision_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
      seed_fact(db,
                "INSERT INTO facts (topic, fact, value, since) VALUES (?1, ?2, ?3, ?4) "
                "ON CONFLICT (topic, fact) DO NOTHING"),
      // One entry per feed: its first report of the event.
      sources_of_event(db,
                       "SELECT f.name, r.title, r.link, i.published FROM event_sources s "
                       "JOIN feeds f ON f.id = s.feed_id JOIN items i ON i.id = s.item_id "
                       "JOIN item_revisions r ON r.id = s.revision_id WHERE s.id IN "
                       "(SELECT MIN(id) FROM event_sources WHERE event_id = ?1 GROUP BY feed_id) "
                       "ORDER BY s.id LIMIT 50"),
      insert_alert(db,
                   "INSERT INTO alerts (event_id, kind, revision_id, payload, created_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)"),
      insert_delivery(db,
                      "INSERT INTO deliveries (alert_id, sink, delivery_id, created_at, "
                      "next_attempt) VALUES (?1, ?2, ?3, ?4, ?4)"),
      // Ranges in order of their first id, each one's revisions in order: in order of id, as
      // ranges do not overlap, without sorting them.
      pending(db,
              "SELECT r.id, r.item_id, i.feed_id, f.name, r.title, r.summary, r.link, "
              "i.published, i.first_seen, r.revision, r.backlog FROM pending_ranges p "
              "CROSS JOIN item_revisions r ON r.id BETWEEN MAX(p.first_id, ?2 + 1) AND p.last_id "
              "JOIN items i ON i.id = r.item_id JOIN feeds f ON f.id = i.feed_id "
              "WHERE p.last_id > ?2 ORDER BY p.first_id, r.id LIMIT ?1"),
      // Changes when another connection commits (not for this one's own commits).
      data_version(db, "PRAGMA data_version") {}

std::vector<PendingRevision> SqliteStore::pending_classification(std::size_t limit,
                                                                 std::int64_t after_revision_id) {
  std::vector<PendingRevision> out;
  sqlite::Query q(classify_sql_.pending);
  q.bind(1, static_cast<std::int64_t>(limit)).bind(2, after_revision_id);
  while (q.step()) {
    PendingRevision p;
    p.revision_id = q.int64(0);
    p.item_id = q.int64(1);
    p.feed_id = q.int64(2);
    p.feed_name = q.text(3);
    p.title = q.text(4);
    p.summary = q.text(5);
    p.link = q.text(6);
    p.published = q.time(7);
    p.first_seen = q.time_or_epoch(8);
    p.revision = q.integer(9);
    p.backlog = q.int64(10) != 0;
    out.push_back(std::move(p));
  }
  return out;
}

ClassificationOutcome SqliteStore::record_classification(const ClassifiedRevision& classified,
                                                         const AlertPolicy& policy, Timestamp now) {
  return record_with_cache({&classified}, policy, now);
}

ClassificationOutcome SqliteStore::record_classifications(
    const std::vector<ClassifiedRevision>& batch, const AlertPolicy& policy, Timestamp now) {
  std::vector<const ClassifiedRevision*> all;
  all.reserve(batch.size());
  for (const auto& classified : batch) all.push_back(&classified);
  return record_with_cache(all, policy, now);
}

ClassificationOutcome SqliteStore::record_with_cache(
    const std::vector<const ClassifiedRevision*>& batch, const AlertPolicy& policy, Timestamp now) {
  // One commit for the batch, not one per revision. It survives a killed process; a power cut
  // too when it queued an alert (queue_alert asks for that: the commit then syncs the log).
  // Otherwise a power cut may undo it, and its revisions wait to be classified again.
  sqlite::Transaction tx(db_, sqlite::Sync::normal);
  // Word numbers only grow (every word any event had); past this many they start afresh, with
  // the words cached under the old numbers. Only here: no call holds numbered words now.
  constexpr std::size_t kMaxWordIds = 200000;
  if (word_ids_.weights.size() > kMaxWordIds) {
    event_words_.clear();
    word_ids_ = WordIds{};
    kept_events_ = EventCache{};  // its words are numbered the old way
  }
  EventCache& cache = kept_events_;
  std::int64_t data_version = 0;
  {
    sqlite::Query q(classify_sql_.data_version);
    if (q.step()) data_version = q.int64(0);
  }
  if (!cache.now || now < *cache.now || cache.data_version != data_version ||
      cache.window != policy.event_window)
    cache = EventCache{};
  cache.data_version = data_version;
  cache.window = policy.event_window;
  cache.now.reset();  // kept only once this call has committed
  cache.touched.clear();
  forget_closed_events(cache, now - policy.event_window);
  events_ = &cache;
  struct Reset {
    SqliteStore* store;
    ~Reset() { store->events_ = nullptr; }
  } reset{this};
  std::vector<std::int64_t> ids;
  ids.reserve(batch.size());
  for (const auto* classified : batch) ids.push_back(classified->revision.revision_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // Pending before this call (sorted); each is recorded once, the first time the batch names it.
  const std::vector<std::int64_t> pending = take_pending(ids);
  std::vector<bool> recorded(pending.size(), false);
  ClassificationOutcome total;
  for (const auto* classified : batch) {
    const auto at =
        std::lower_bound(pending.begin(), pending.end(), classified->revision.revision_id);
    const auto k = static_cast<std::size_t>(at - pending.begin());
    const bool waiting =
        at != pending.end() && *at == classified->revision.revision_id && !recorded[k];
    if (waiting) recorded[k] = true;
    const auto o = classify_one(*classified, waiting, policy, now);
    total.matches += o.matches;
    total.new_events += o.new_events;
    total.alerts_queued += o.alerts_queued;
    total.fact_changes += o.fact_changes;
  }
  const std::string now_text = format_rfc3339(now);
  for (const auto id : cache.touched) {
    auto& event = cache.events.at(id);
    const bool same_second = event.row_last_seen == now_text;
    sqlite::Query(same_second ? classify_sql_.refresh_event_counts : classify_sql_.refresh_event)
        .bind(1, id)
        .bind_static(2, now_text)
        .bind(3, event.stance)
        .bind(4, event.sources)
        .bind(5, event.reports)
        .bind(6, event.alerted ? 1 : 0)
        .bind(7, event.update_sent ? 1 : 0)
        .run();
    event.row_last_seen = now_text;  // a call that fails starts the next one afresh (cache.now)
  }
  tx.commit();
  // Inside a batch the commit is the batch's, still to come (or not): nothing is kept.
  if (!tx.nested()) cache.now = now;
  return total;
}

void SqliteStore::forget_closed_events(EventCache& cache, Timestamp from) {
  std::erase_if(cache.events, [&](const auto& entry) { return entry.second.last_seen < from; });
  for (auto& [topic, open] : cache.open) open.drop_before(from);
}

void SqliteStore::OpenEvents::drop_before(Timestamp from) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (last_seen[k] < from) continue;
    ids[kept] = ids[k];
    words[kept] = std::move(words[k]);
    weights[kept] = weights[k];
    last_seen[kept] = last_seen[k];
    ++kept;
  }
  if (kept == ids.size()) return;
  ids.resize(kept);
  words.resize(kept);
  weights.resize(kept);
  last_seen.resize(kept);
  members.clear();
  for (std::size_t k = 0; k < kept; ++k) members.emplace(ids[k], k);
  indexed = 0;  // positions moved: indexed again when next compared
  begin.clear();
  slots.clear();
}

std::vector<std::int64_t> SqliteStore::take_pending(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> taken;
  if (ids.empty()) return taken;
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
  {
    sqlite::Query q(classify_sql_.pending_ranges);
    q.bind(1, ids.front()).bind(2, ids.back());
    while (q.step()) ranges.emplace_back(q.int64(0), q.int64(1));
  }
  for (const auto& [first, last] : ranges) {
    // The range's ids in `ids` leave it; what is left of it stays, in pieces.
    auto from = std::lower_bound(ids.begin(), ids.end(), first);
    const auto to = std::upper_bound(from, ids.end(), last);
    if (from == to) continue;
    sqlite::Query(classify_sql_.drop_range).bind(1, first).run();
    std::int64_t next = first;  // the first id of the range not yet placed
    for (; from != to; ++from) {
      if (*from > next)
        sqlite::Query(classify_sql_.add_range).bind(1, next).bind(2, *from - 1).run();
      taken.push_back(*from);
      next = *from + 1;
    }
    if (next <= last) sqlite::Query(classify_sql_.add_range).bind(1, next).bind(2, last).run();
  }
  // Only revisions that exist: a range can outlive revisions deleted by hand. One count per run
  // of consecutive ids, and their ids read only when some are missing.
  std::vector<std::int64_t> existing;
  existing.reserve(taken.size());
  for (std::size_t k = 0; k < taken.size();) {
    std::size_t end = k + 1;
    while (end < taken.size() && taken[end] == taken[end - 1] + 1) ++end;
    sqlite::Query count(classify_sql_.count_between);
    count.bind(1, taken[k]).bind(2, taken[end - 1]);
    if (count.step() && count.int64(0) == static_cast<std::int64_t>(end - k)) {
      existing.insert(existing.end(), taken.begin() + static_cast<std::ptrdiff_t>(k),
                      taken.begin() + static_cast<std::ptrdiff_t>(end));
    } else {
      sqlite::Query q(classify_sql_.revisions_between);
      q.bind(1, taken[k]).bind(2, taken[end - 1]);
      while (q.step()) existing.push_back(q.int64(0));
    }
    k = end;
  }
  return existing;  // sorted: ranges, ids and rowids are in order
}

ClassificationOutcome SqliteStore::classify_one(const ClassifiedRevision& classified, bool waiting,
                                                const AlertPolicy& policy, Timestamp now) {
  ClassificationOutcome outcome;
  const auto& pending = classified.revision;
  if (!waiting) {
    sqlite::Query q(classify_sql_.revision_exists);
    q.bind(1, pending.revision_id);
    if (!q.step()) throw StoreError("no revision with id " + std::to_string(pending.revision_id));
    return outcome;  // classified before: nothing twice
  }
  // The rest of the revision is as pending_classification read it (rows of a revision never
  // change after it was stored).
  RevisionState revision;
  revision.revision_id = pending.revision_id;
  revision.words = &classified.event_words;
  revision.item_id = pending.item_id;
  revision.feed_id = pending.feed_id;
  revision.revision = pending.revision;
  revision.backlog = pending.backlog;
  revision.title = pending.title;
  revision.link = pending.link;
  revision.feed_name = pending.feed_name;
  revision.published = pending.published;
  for (const auto& match : classified.matches) apply_match(revision, match, policy, now, outcome);
  return outcome;
}

void SqliteStore::apply_match(const RevisionState& revision, const Match& match,
                              const AlertPolicy& policy, Timestamp now,
                              ClassificationOutcome& outcome) {
  EventState& event = join_or_open_event(revision, match, policy, now, outcome);
  sqlite::Query(classify_sql_.insert_match)
      .bind(1, revision.revision_id)
      .bind(2, match.topic)
      .bind(3, stance_name(match.stance))
      .bind(4, match.confidence)
      .bind(5, match.evidence)
      .bind(6,
            match.numbers.empty() ? std::string("[]") : to_json_text(numbers_json(match.numbers)))
      .bind(7, json_list_text(match.entities))
      .bind(8, event.id)
      .run();
  ++outcome.matches;
  nlohmann::json facts = apply_fact_updates(revision, match, now, outcome);
  if (revision.backlog) return;  // stored and classified; old news never alerts

  // The first report of the event as action is the one "new" alert; once it has gone out,
  // reaching update_at_sources independent sources is the one "update". A "new" alert that
  // already carries that many sources makes the update unnecessary.
  const char* kind = nullptr;
  if (match.stance == Stance::action && !event.alerted) {
    kind = "new";
    event.alerted = true;
    event.update_sent = event.sources >= policy.update_at_sources;
  } else if (event.alerted && !event.update_sent && event.sources >= policy.update_at_sources) {
    kind = "update";
    event.update_sent = true;
  }
  if (kind) {
    const auto payload = alert_payload(revision, match, event, kind, policy, facts);
    outcome.alerts_queued += static_cast<int>(
        queue_alert(event.id, revision.revision_id, kind, to_json_text(payload), policy.sinks, now)
            .size());
  }
  if (!facts.empty() && topic_info(policy, match.topic).alert_on_fact_change) {
    const auto payload = alert_payload(revision, match, event, "fact", policy, facts);
    outcome.alerts_queued += static_cast<int>(queue_alert(event.id, revision.revision_id, "fact",
                                                          to_json_text(payload), policy.sinks, now)
                                                  .size());
  }
}

SqliteStore::EventState& SqliteStore::join_or_open_event(const RevisionState& revision,
                                                         const Match& match,
                                                         const AlertPolicy& policy, Timestamp now,
                                                         ClassificationOutcome& outcome) {
  // An earlier revision of this item already placed it in an event of the topic: same event.
  // An item's first revision has none (a revision is recorded once, and each of its matches is
  // of another topic): one query less for nearly every match of a burst.
  std::int64_t event_id = 0;
  if (revision.revision > 1) {
    sqlite::Query q(classify_sql_.event_of_item);
    q.bind(1, revision.item_id).bind(2, match.topic);
    if (q.step()) event_id = q.int64(0);
  }
  if (event_id == 0) event_id = most_similar_open_event(revision, match, policy, now);
  const bool opened = event_id == 0;
  if (opened) {
    sqlite::Query(classify_sql_.insert_event)
        .bind(1, match.topic)
        .bind(2, stance_name(match.stance))
        .bind(3, revision.title)
        .bind(4, now)
        .run();
    event_id = db_.last_insert_rowid();
    sqlite::Query(classify_sql_.insert_event_words)
        .bind(1, event_id)
        .bind(2, json_list_text(*revision.words))
        .run();
    ++outcome.new_events;
  }
  EventState& event = cached_event(event_id);
  if (opened) event.feeds_known = true;  // no reports yet: its feed set is empty
  // Touched now, so open for the rest of the call; its row's last report becomes `now`.
  event.last_seen = now;
  events_->touched.insert(event_id);
  auto open = events_->open.find(event.topic);
  if (open != events_->open.end()) open->second.add(event_id, event.words, event.last_seen);

  if (!event.feeds_known) {
    sqlite::Query q(classify_sql_.feeds_of_event);
    q.bind(1, event_id);
    while (q.step()) event.feeds.push_back(q.int64(0));
    std::sort(event.feeds.begin(), event.feeds.end());
    event.feeds_known = true;
  }
  const auto feed_at = std::lower_bound(event.feeds.begin(), event.feeds.end(), revision.feed_id);
  const bool new_feed = feed_at == event.feeds.end() || *feed_at != revision.feed_id;
  sqlite::Query(classify_sql_.add_source)
      .bind(1, event_id)
      .bind(2, revision.feed_id)
      .bind(3, revision.item_id)
      .bind(4, revision.revision_id)
      .bind(5, now)
      .run();
  const bool added = db_.changes() > 0;  // a later revision of a joined item adds nothing
  if (added) ++event.reports;
  if (added && new_feed) {
    event.feeds.insert(feed_at, revision.feed_id);
    ++event.sources;
  }
  if (stance_strength(stance_name(match.stance)) > stance_strength(event.stance))
    event.stance = stance_name(match.stance);
  return event;
}

SqliteStore::EventState& SqliteStore::cached_event(std::int64_t event_id) {
  auto found = events_->events.find(event_id);
  if (found != events_->events.end()) return found->second;
  sqlite::Query q(classify_sql_.event_by_id);
  q.bind(1, event_id);
  if (!q.step()) throw StoreError("event " + std::to_string(event_id) + " vanished");
  EventState event;
  event.id = event_id;
  event.stance = q.text(1);
  event.title = q.text(2);
  event.first_seen = q.time_or_epoch(3);
  event.alerted = q.int64(4) != 0;
  event.update_sent = q.int64(5) != 0;
  event.sources = q.integer(6);
  event.reports = q.integer(7);
  event.topic = q.text(8);
  event.words = event_words(event_id, q.text_view(9));
  event.last_seen = q.time_or_epoch(10);
  event.row_last_seen = q.text(10);
  return events_->events.emplace(event_id, std::move(event)).first->second;
}

SqliteStore::OpenEvents& SqliteStore::open_events(const std::string& topic,
                                                  const AlertPolicy& policy, Timestamp now) {
  auto found = events_->open.find(topic);
  if (found != events_->open.end()) {
    // Kept from earlier calls: indexed again once comparing the events added since word by
    // word has cost as much as building the index does (a pass over every word number and two
    // over the indexed events' words). Waiting for a quarter of the index to be new, as before,
    // let the comparisons word by word grow to a third of the time spent finding events in a
    // cold poll of varied news (issue #8).
    auto& open = found->second;
    if (!open.begin.empty() && open.unindexed_work > open.begin.size() + 2 * open.slots.size()) {
      open.indexed = 0;
      open.begin.clear();
      open.slots.clear();
    }
    return open;
  }
  auto& open = events_->open[topic];
  // The rows' last_seen is as of the start of this call (the cached events' as recorded since,
  // each in the window: closed ones were dropped); events this call touched are open too.
  for (const auto& [id, event] : events_->events) {
    if (event.topic == topic) open.add(id, event.words, event.last_seen);
  }
  sqlite::Query q(classify_sql_.open_events);
  q.bind(1, topic).bind(2, now - policy.event_window);
  while (q.step()) {
    const auto id = q.int64(0);
    if (!open.members.count(id)) open.add(id, event_words(id, q.text_view(1)), q.time_or_epoch(2));
  }
  return open;
}

void SqliteStore::index_open_events(OpenEvents& open) const {
  // Counted per number, then laid out number by number: slots[begin[w], begin[w + 1]) are the
  // positions of the events that have word w, in order.
  const std::size_t numbers = word_ids_.weights.size();
  open.begin.assign(numbers + 1, 0);
  open.indexed = open.ids.size();
  open.unindexed_work = 0;
  for (std::size_t k = 0; k < open.indexed; ++k) {
    for (const auto w : open.words[k]->ids) ++open.begin[w + 1];
  }
  for (std::size_t w = 1; w <= numbers; ++w) open.begin[w] += open.begin[w - 1];
  open.slots.resize(open.begin[numbers]);
  for (std::size_t k = 0; k < open.indexed; ++k) {
    for (const auto w : open.words[k]->ids)
      open.slots[open.begin[w]++] = static_cast<std::uint32_t>(k);
  }
  for (std::size_t w = numbers; w > 0; --w) open.begin[w] = open.begin[w - 1];
  open.begin[0] = 0;
  open.by_weight.resize(open.indexed);
  std::iota(open.by_weight.begin(), open.by_weight.end(), 0U);
  std::stable_sort(
      open.by_weight.begin(), open.by_weight.end(),
      [&](std::uint32_t a, std::uint32_t b) { return open.weights[a] < open.weights[b]; });
}

void SqliteStore::number_words(const std::vector<std::string>& words,
                               std::vector<std::uint32_t>& ids, double& weight) {
  ids.clear();
  ids.reserve(words.size());
  for (const auto& word : words) {
    const auto id = word_ids_.ids.insert(word);
    if (id == word_ids_.weights.size()) {
      word_ids_.weights.push_back(event_word_weight(word));
      word_ids_.marks.push_back(0.0);
    }
    ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  weight = 0;
  for (const auto id : ids) weight += word_ids_.weights[id];
}

void SqliteStore::find_word_numbers(const RevisionState& revision) const {
  if (revision.looked_up && revision.numbered == word_ids_.weights.size()) return;
  if (!revision.looked_up) {
    // Weights are small whole numbers, so their sum is the same in any order; a word no event
    // has had needs no number (it is shared with none) but counts in the weight.
    revision.looked_up = true;
    revision.weight = 0;
    std::vector<std::string_view> words(revision.words->begin(), revision.words->end());
    if (std::adjacent_find(words.begin(), words.end(), std::greater_equal<>()) != words.end()) {
      std::sort(words.begin(), words.end());  // the classifier's are sorted and distinct already
      words.erase(std::unique(words.begin(), words.end()), words.end());
    }
    for (const auto word : words) revision.weight += event_word_weight(word);
    revision.unnumbered = std::move(words);
  }
  revision.numbered = word_ids_.weights.size();
  const auto before = revision.numbers.size();
  std::erase_if(revision.unnumbered, [&](std::string_view word) {
    const auto id = word_ids_.ids.find(word);
    if (id == WordNumbers::kNone) return false;
    revision.numbers.push_back(id);
    return true;
  });
  if (revision.numbers.size() != before)
    std::sort(revision.numbers.begin(), revision.numbers.end());
}

SqliteStore::EventWordsPtr SqliteStore::event_words(std::int64_t event_id, std::string_view json) {
  constexpr std::size_t kMaxCachedEvents = 20000;  // open events are far fewer in practice
  auto cached = event_words_.find(event_id);
  if (cached == event_words_.end() || cached->second->json != json) {
    if (event_words_.size() >= kMaxCachedEvents) event_words_.clear();
    auto words = std::make_shared<EventWords>();
    words->json = json;
    number_words(words->words(), words->ids, words->weight);
    cached = event_words_.insert_or_assign(event_id, std::move(words)).first;
  }
  return cached->second;
}

std::vector<std::string> SqliteStore::EventWords::words() const {
  return json_string_list(json);
}

std::int64_t SqliteStore::most_similar_open_event(const RevisionState& revision, const Match& match,
                                                  const AlertPolicy& policy, Timestamp now) {
  // The most similar at or above the threshold; of equals, the oldest (lowest id).
  const double threshold = policy.same_event_similarity;
  std::int64_t best_id = 0;
  double best = -1;
  auto consider = [&](std::int64_t id, double s) {
    if (s >= threshold && (s > best || (s == best && id < best_id))) {
      best = s;
      best_id = id;
    }
  };
  auto& open = open_events(match.topic, policy, now);
  using Similarity = double (*)(const std::vector<std::string>&, const std::vector<std::string>&);
  const auto* plain = policy.similarity.target<Similarity>();
  if (!plain || *plain != &event_similarity) {  // another measure: as given, word for word
    for (std::size_t k = 0; k < open.ids.size(); ++k) {
      const auto words = open.words[k]->words();
      consider(open.ids[k], policy.similarity ? policy.similarity(*revision.words, words)
                                              : word_set_similarity(*revision.words, words));
    }
    return best_id;
  }
  // event_similarity, by numbers. The report's words are looked up once for all its matches,
  // and again only when words were numbered since (the open events' words all are by now).
  // Shared weight is summed over the shared numbers in increasing order both ways below, so it
  // is the same number whichever way an event is compared.
  find_word_numbers(revision);
  const double weight = revision.weight;
  // Indexed events: each of the report's numbers adds its weight to the events that have it.
  // An event sharing nothing has similarity 0, below a positive threshold; one whose shared
  // weight is below threshold × the smaller weight is below the threshold (the measure is at
  // most that ratio), checked with a margin for rounding.
  if (threshold > 0 && open.begin.empty() && !open.ids.empty()) index_open_events(open);
  if (open.indexed > 0) {
    // All zero between calls: only the events a report's words reach are set, and reset after.
    // Through plain pointers and a count, so that the adding loop keeps them in registers.
    thread_local std::vector<double> shared_weights;
    thread_local std::vector<std::uint32_t> reached_events;
    if (shared_weights.size() < open.indexed) shared_weights.resize(open.indexed, 0.0);
    // One more than the events: each addition writes its event at the count before deciding
    // whether it was the first, so an addition after every event was reached writes one past.
    if (reached_events.size() < open.indexed + 1) reached_events.resize(open.indexed + 1);
    double* const shared = shared_weights.data();
    std::uint32_t* const reached = reached_events.data();
    std::size_t reached_count = 0;
    struct Reset {  // whatever happens
      double* shared;
      const std::uint32_t* reached;
      const std::size_t& count;
      ~Reset() {
        for (std::size_t i = 0; i < count; ++i) shared[reached[i]] = 0.0;
      }
    } reset{shared, reached, reached_count};
    const std::uint32_t* const begin = open.begin.data();
    const std::uint32_t* const slots = open.slots.data();
    const std::size_t indexed_numbers = open.begin.size() - 1;
    // A word every indexed event has (a topic's own token, mostly) adds to all of them at once:
    // such words were more than half of the additions (weights are whole numbers, so the sums
    // are exact in any order).
    double all = 0;
    for (const auto w : revision.numbers) {
      if (w >= indexed_numbers) continue;
      const double x = word_ids_.weights[w];
      const std::uint32_t from = begin[w], to = begin[w + 1];
      if (to - from == open.indexed) {
        all += x;
        continue;
      }
      for (std::uint32_t p = from; p < to; ++p) {
        const std::uint32_t k = slots[p];
        const double before = shared[k];
        reached[reached_count] = k;
        reached_count += before == 0;  // weights are positive: first reached now
        shared[k] = before + x;
      }
    }
    // The measure is at most the shared weight over the smaller weight, so an event below
    // that bound for the best so far (with a margin for rounding) cannot beat it, nor tie:
    // most events that pass the threshold's bound are passed over without the divisions. Which
    // one is best does not depend on the order they are compared in (ties go to the lower id).
    const double bound = threshold * (1 - 1e-9);
    double beat = bound;  // max(threshold, best) less the margin
    const double* weights = open.weights.data();
    auto compare = [&](std::size_t k) {
      const double s = shared[k] + all;
      if (s <= 0 || s < beat * std::min(weight, weights[k])) return;
      consider(open.ids[k], event_similarity_from(s, weight, weights[k]));
      beat = std::max(bound, best * (1 - 1e-9));
    };
    // An event no word of the report reached but those all share has `all` in common with it,
    // below the bound unless the report or that event weighs little. So a light report is
    // compared with every event; any other with those reached (on varied news about 300
    // word-event pairs a report, against 400 events open per topic) and the light ones.
    if (all > 0 && all >= bound * weight) {
      for (std::size_t k = 0; k < open.indexed; ++k) compare(k);
    } else {
      for (std::size_t i = 0; i < reached_count; ++i) compare(reached[i]);
      for (const auto k : open.by_weight) {
        if (all < bound * weights[k]) break;
        if (shared[k] == 0) compare(k);
      }
    }
  }
  // The rest, word by word: the report's weight is marked per number, and each event's shared
  // weight is the sum of the marks of its numbers.
  if (open.indexed < open.ids.size()) {
    for (const auto id : revision.numbers) word_ids_.marks[id] = word_ids_.weights[id];
    for (std::size_t k = open.indexed; k < open.ids.size(); ++k) {
      double s = 0;
      for (const auto w : open.words[k]->ids) s += word_ids_.marks[w];
      open.unindexed_work += open.words[k]->ids.size();
      consider(open.ids[k], event_similarity_from(s, weight, open.words[k]->weight));
    }
    for (const auto id : revision.numbers) word_ids_.marks[id] = 0.0;
  }
  return best_id;
}

void SqliteStore::seed_baselines(const std::vector<FactBaseline>& baselines, Timestamp now) {
  sqlite::Transaction tx(db_);
  for (const auto& b : baselines) {
    sqlite::Query(classify_sql_.seed_fact)
        .bind(1, b.topic)
        .bind(2, b.fact)
        .bind(3, join_fact_set(b.values))
        .bind(4, parse_iso8601(b.as_of).value_or(now))
        .run();
  }
  tx.commit();
}

}  // namespace redline
