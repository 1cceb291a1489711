#include "daemon/pipeline.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <stdexcept>
#include <thread>

#include "daemon/classify_job.h"
#include "daemon/schedule.h"
#include "feeds/feed.h"

namespace redline {

namespace {

AlertPolicy make_policy(const Classifier& classifier, const Config& config) {
  AlertPolicy p;
  p.watchlist = classifier.watchlist_name();
  p.topics = classifier.topics();
  for (const auto& w : config.alerts.webhooks) p.sinks.push_back(w.name);
  for (const auto& e : config.alerts.emails) p.sinks.push_back(e.name);
  p.update_at_sources = config.alerts.update_at_sources;
  p.similarity = event_similarity;
  return p;
}

// The parser reports what the feed says, as feedparser does (dc:date is "updated", a feed with
// only content:encoded has no summary); the store and the classifier want the best available.
std::vector<Item> for_storage(std::vector<Item> items) {
  for (auto& it : items) {
    if (!it.published && it.updated) it.published = it.updated;
    if (it.summary.empty() && !it.content.empty()) {
      it.summary =
          it.content.size() > 2000 ? it.content.substr(0, it.content.rfind(' ', 2000)) : it.content;
    }
    // The store keeps the summary, not the content (often the whole article, many times the
    // summary's size): let go here, on the worker, not after the item has waited for the store.
    std::string().swap(it.content);
  }
  return items;
}

}  // namespace

ParsedFeed prepare_feed(Result<Feed> parsed) {
  ParsedFeed out{std::move(parsed), {}};
  if (out.feed) {
    out.feed->items = for_storage(std::move(out.feed->items));
    out.identities = identify_items(out.feed->items);
  }
  return out;
}

std::unique_ptr<Classifier> load_classifier(const Config& config) {
  auto watchlist = load_watchlist(config.watchlist.file);
  if (!watchlist) throw std::runtime_error(watchlist.error().message);
  return std::make_unique<Classifier>(std::move(*watchlist));
}

std::string charset_of(const std::string& content_type) {
  std::string lower(content_type);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = lower.find("charset=");
  if (at == std::string::npos) return {};
  auto value = lower.substr(at + 8);
  value = value.substr(0, value.find_first_of("; \t"));
  value.erase(std::remove(value.begin(), value.end(), '"'), value.end());
  return value;
}

Pipeline::Pipeline(Store& store, const Config& config)
    : Pipeline(store, config, WithoutClassifier{}) {
  set_classifier(load_classifier(config));
}

Pipeline::Pipeline(Store& store, const Config& config, WithoutClassifier)
    : store_(store), config_(config), rng_(std::random_device{}()) {}

void Pipeline::set_classifier(std::unique_ptr<Classifier> classifier) {
  policy_ = make_policy(*classifier, config_);
  store_.seed_baselines(classifier->baselines(), now_utc());
  classifier_ = std::move(classifier);
}

ParseOptions Pipeline::parse_options(const FeedConfig& feed, const std::string& base_url,
                                     const std::string& content_type) const {
  ParseOptions options;
  options.base_url = base_url.empty() ? feed.url : base_url;
  options.http_charset = charset_of(content_type);
  options.max_items = config_.limits.max_items;
  return options;
}

PollOutcome Pipeline::handle_fetch(const FeedConfig& feed, const FeedRecord& record,
                                   const FetchResult& fetched, Timestamp now,
                                   int consecutive_failures, std::optional<ParsedFeed> parsed) {
  switch (fetched.status) {
    case FetchStatus::ok: {
      if (!parsed) {
        parsed = prepare_feed(
            parse_feed(fetched.body, parse_options(feed, fetched.final_url, fetched.content_type)));
      }
      return store_parsed(feed, record, std::move(*parsed), &fetched, now, consecutive_failures);
    }
    case FetchStatus::not_modified: {
      PollOutcome out;
      out.ok = true;
      out.summary = "not modified";
      out.next_poll = now + wait_after_success(feed.interval, std::nullopt, fetched.max_age, rng_);
      store_.record_not_modified(record.id, now, out.next_poll);
      return out;
    }
    case FetchStatus::gone:
      return failed(feed, record,
                    "HTTP 410 Gone: feed disabled; remove it from the configuration or fix its url",
                    std::nullopt, true, now, consecutive_failures);
    case FetchStatus::rate_limited:
      return failed(feed, record, fetched.error.empty() ? "rate limited" : fetched.error,
                    fetched.retry_after, false, now, consecutive_failures);
    case FetchStatus::cancelled: {
      PollOutcome out;
      out.summary = "cancelled";
      out.next_poll = now;
      return out;
    }
    default:
      return failed(feed, record, std::string(to_string(fetched.status)) + ": " + fetched.error,
                    std::nullopt, false, now, consecutive_failures);
  }
}

PollOutcome Pipeline::store_document(const FeedConfig& feed, const FeedRecord& record,
                                     std::string_view body, const std::string& base_url,
                                     Timestamp now) {
  return store_parsed(feed, record,
                      prepare_feed(parse_feed(body, parse_options(feed, base_url, ""))), nullptr,
                      now, 0);
}

PollOutcome Pipeline::store_parsed(const FeedConfig& feed, const FeedRecord& record,
                                   ParsedFeed prepared, const FetchResult* fetched, Timestamp now,
                                   int consecutive_failures) {
  auto& parsed = prepared.feed;
  if (!parsed) {
    return failed(feed, record, "not a feed: " + parsed.error().message, std::nullopt, false, now,
                  consecutive_failures);
  }
  for (const auto& w : parsed->warnings) spdlog::debug("feed {}: {}", feed.name, w);

  PollSuccess poll;
  poll.polled_at = now;
  poll.next_poll = now + wait_after_success(feed.interval, parsed->ttl_minutes,
                                            fetched ? fetched->max_age : std::nullopt, rng_);
  if (fetched) {
    poll.etag = fetched->etag;
    poll.last_modified = fetched->last_modified;
  }
  poll.backlog_before = now - config_.alerts.backlog_window;

  PollOutcome out;
  out.ok = true;
  out.next_poll = poll.next_poll;
  const auto count = parsed->items.size();
  out.ingest = store_.record_poll(record.id, poll, parsed->items, prepared.identities);
  for (auto& pending : out.ingest.pending) pending.feed_name = feed.name;
  out.summary = std::to_string(count) + " items, " + std::to_string(out.ingest.new_items) +
                " new, " + std::to_string(out.ingest.revised_items) + " revised";
  return out;
}

PollOutcome Pipeline::failed(const FeedConfig& feed, const FeedRecord& record,
                             const std::string& error,
                             std::optional<std::chrono::seconds> retry_after, bool disable,
                             Timestamp now, int consecutive_failures) {
  PollOutcome out;
  out.disabled = disable;
  out.summary = error;
  out.next_poll =
      now + wait_after_failure(feed.interval, consecutive_failures + 1, retry_after, rng_);
  store_.record_failure(record.id, now, error, out.next_poll, disable);
  return out;
}

ClassifyStats Pipeline::classify_pending(Timestamp now, std::size_t limit) {
  auto batch = pending_batch(limit);
  if (batch.empty()) return {};
  classify_batch(batch);
  return record_batch(batch, now);
}

std::vector<ClassifiedRevision> Pipeline::pending_batch(std::size_t limit,
                                                        std::int64_t after_revision_id) {
  std::vector<ClassifiedRevision> batch;
  for (auto& revision : store_.pending_classification(limit, after_revision_id)) {
    batch.emplace_back().revision = std::move(revision);
  }
  return batch;
}

ClassifyStats Pipeline::record_batch(const std::vector<ClassifiedRevision>& batch, Timestamp now) {
  ClassifyStats stats;
  if (batch.empty()) return stats;
  for (const auto& classified : batch) {
    for (const auto& m : classified.matches) {
      spdlog::info("match {} {} {:.2f} \"{}\" ({})", m.topic, to_string(m.stance), m.confidence,
                   classified.revision.title, classified.revision.feed_name);
    }
  }
  const auto outcome = store_.record_classifications(batch, policy_, now);
  stats.revisions = static_cast<int>(batch.size());
  stats.matches = outcome.matches;
  stats.alerts_queued = outcome.alerts_queued;
  return stats;
}

void Pipeline::classify_range(std::vector<ClassifiedRevision>& batch, std::size_t from,
                              std::size_t to) const {
  std::vector<Classifier::Text> items;
  items.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) {
    items.push_back({batch[i].revision.title, batch[i].revision.summary});
  }
  auto results = classifier_->classify_with_words(items);
  for (std::size_t i = from; i < to; ++i) {
    batch[i].matches = std::move(results[i - from].matches);
    batch[i].event_words = std::move(results[i - from].event_words);
  }
}

void Pipeline::classify_batch(std::vector<ClassifiedRevision>& batch) const {
  // The classifier is immutable and pure, so a large batch is shared with a second thread, a
  // chunk at a time as the service's worker and loop share theirs: a burst of new items then
  // uses two cores. Small batches, the usual case between bursts, are not worth a thread.
  constexpr std::size_t kSplitAt = 64;
  if (batch.size() < kSplitAt) {
    classify_range(batch, 0, batch.size());
    return;
  }
  ClassifyJob job(std::move(batch), [this](std::vector<ClassifiedRevision>& b, std::size_t from,
                                           std::size_t to) { classify_range(b, from, to); });
  auto take_all = [&job] {
    while (job.run_chunk(ClassifyJob::kWorkerChunk) != ClassifyJob::Took::nothing) {
    }
  };
  std::thread helper(take_all);
  take_all();
  helper.join();
  batch = std::move(job.batch);
  if (job.failure) std::rethrow_exception(job.failure);
}

}  // namespace redline
