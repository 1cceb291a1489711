// The pipeline, top to bottom: a fetched response is parsed, its items stored (one transaction,
// or a savepoint of the service's batch), the new revisions classified, and matches, events,
// fact changes and outbox rows recorded (one transaction per classify_pending call, again inside
// the caller's batch when one is open). It owns no I/O of its own beyond the store and is driven
// by the service loop (daemon/service.h) or by `replay`, which feed it responses.
#pragma once

#include <memory>
#include <optional>
#include <random>
#include <string>

#include "config/config.h"
#include "db/store.h"
#include "feeds/feed.h"
#include "feeds/fetch.h"
#include "topics/topics.h"
#include "util/time.h"

namespace redline {

// What one poll of one feed came to, for logs, status and the scheduler.
struct PollOutcome {
  bool ok = false;       // fetched and stored (or not modified)
  bool disabled = false;  // 410 Gone
  std::string summary;   // one line: "12 items, 2 new, 1 revised" or the error
  Timestamp next_poll;
  IngestResult ingest;
};

struct ClassifyStats {
  int revisions = 0;
  int matches = 0;
  int alerts_queued = 0;
};

// A response's document parsed and readied for the store: its items as stored (published from
// updated when missing, summary from content) and their identities. Pure, so the service does
// it on its worker and its loop only writes.
struct ParsedFeed {
  Result<Feed> feed;
  std::vector<ItemIdentity> identities;  // identify_items(feed->items) when it parsed
};
ParsedFeed prepare_feed(Result<Feed> parsed);

// The watchlist of `config`, compiled (throws std::runtime_error "FILE:LINE: reason").
std::unique_ptr<Classifier> load_classifier(const Config& config);

class Pipeline {
 public:
  // Loads the watchlist (throws std::runtime_error with "FILE:LINE: reason" when invalid).
  Pipeline(Store& store, const Config& config);
  // Without a classifier yet: storing works at once, classifying once set_classifier has run.
  // The service compiles its first watchlist on another thread while its first fetches run
  // (compiling is a tenth of a cold poll of a thousand feeds; issue #8).
  struct WithoutClassifier {};
  Pipeline(Store& store, const Config& config, WithoutClassifier);
  // Takes the classifier (on the thread that uses the store); classify_batch may run on other
  // threads only after this, as it hands them work.
  void set_classifier(std::unique_ptr<Classifier> classifier);
  bool has_classifier() const { return classifier_ != nullptr; }

  // Parses and stores one fetch result for `feed` (its FeedRecord id), returns when to poll next.
  // `parsed`, when given, is prepare_feed(parse_feed(...)) of this response (done on another
  // thread).
  PollOutcome handle_fetch(const FeedConfig& feed, const FeedRecord& record, const FetchResult& fetched,
                           Timestamp now, int consecutive_failures,
                           std::optional<ParsedFeed> parsed = std::nullopt);

  // How a response of `feed` is parsed (parse_feed with these options is pure: a service
  // parses on its worker while its loop stores other feeds).
  ParseOptions parse_options(const FeedConfig& feed, const std::string& base_url,
                             const std::string& content_type) const;

  // Stores an already parsed document as a successful poll (used by replay).
  PollOutcome store_document(const FeedConfig& feed, const FeedRecord& record, std::string_view body,
                             const std::string& base_url, Timestamp now);

  // Classifies up to `limit` pending revisions; returns what it did (revisions 0 when none left).
  ClassifyStats classify_pending(Timestamp now, std::size_t limit = 256);

  // classify_pending's three steps, for a caller that classifies on another thread (the
  // service): read up to `limit` pending revisions (store), fill their matches and event words
  // (no store, no mutable state: safe on any thread while this loop's thread uses the store),
  // and record them (store: one transaction, or a savepoint of an open batch).
  // pending_batch reads only revisions with an id above `after_revision_id`.
  std::vector<ClassifiedRevision> pending_batch(std::size_t limit,
                                                std::int64_t after_revision_id = 0);
  // A large batch is shared with a second thread (a ClassifyJob, daemon/classify_job.h, as the
  // service shares each batch between its worker and its loop's idle moments).
  void classify_batch(std::vector<ClassifiedRevision>& batch) const;
  // The same for batch[from, to): threads may classify disjoint ranges of one batch at once.
  void classify_range(std::vector<ClassifiedRevision>& batch, std::size_t from,
                      std::size_t to) const;
  ClassifyStats record_batch(const std::vector<ClassifiedRevision>& batch, Timestamp now);

  // Replaces the sinks alerts are queued for (replay queues for one pseudo sink it never sends).
  void set_sinks(std::vector<std::string> sinks) { policy_.sinks = std::move(sinks); }

  const Classifier& classifier() const { return *classifier_; }  // has_classifier() first
  const AlertPolicy& policy() const { return policy_; }

 private:
  PollOutcome store_parsed(const FeedConfig& feed, const FeedRecord& record,
                           ParsedFeed parsed, const FetchResult* fetched, Timestamp now,
                           int consecutive_failures);
  PollOutcome failed(const FeedConfig& feed, const FeedRecord& record, const std::string& error,
                     std::optional<std::chrono::seconds> retry_after, bool disable, Timestamp now,
                     int consecutive_failures);

  Store& store_;
  const Config& config_;
  std::unique_ptr<Classifier> classifier_;
  AlertPolicy policy_;
  std::mt19937_64 rng_;
};

// The charset parameter of a Content-Type header value ("" when absent).
std::string charset_of(const std::string& content_type);

}  // namespace redline
