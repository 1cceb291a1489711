// The schedule, fetches, parsing on the worker, and storing a batch of responses (see
// service_impl.h).
#include <boost/asio/post.hpp>

#include "daemon/schedule.h"
#include "daemon/service_impl.h"

namespace redline {

namespace asio = boost::asio;
using namespace service_detail;

void Service::Impl::load_feeds() {
  std::map<std::string, FeedSlot> next;
  store->begin_batch();  // one commit for all feeds: a thousand feeds were a thousand fsyncs
  try {
    next = load_slots();
    store->end_batch(true);
  } catch (...) {
    store->end_batch(false);
    throw;
  }
  slots = std::move(next);
}

std::map<std::string, FeedSlot> Service::Impl::load_slots() {
  std::map<std::string, FeedSlot> next;
  for (const auto& fc : config->feeds) {
    FeedSlot slot;
    if (auto old = slots.find(fc.name); old != slots.end()) slot = std::move(old->second);
    const bool url_changed = slot.config.url != fc.url;
    slot.config = fc;
    if (slot.record.id == 0 || url_changed) {
      slot.record = store->ensure_feed(fc.name, fc.url);
      const bool due_now = options.mode == RunMode::once || !slot.record.next_poll ||
                           *slot.record.next_poll <= now_utc() || url_changed;
      slot.due = due_now ? SteadyClock::now() + startup_spread(fc.interval, rng)
                         : steady_at(*slot.record.next_poll);
      if (options.mode == RunMode::once) slot.due = SteadyClock::now();
    }
    next.emplace(fc.name, std::move(slot));
  }
  return next;
}

// Feeds started and not yet stored are at most twice the transfer limit: when the
// database is the slow stage (a cold start of a thousand feeds), responses would otherwise pile
// up in memory, parsed or not, waiting for it. Storing a batch calls schedule_tick again.
int Service::Impl::fetch_backlog_limit() const {
  return std::max(2 * config->limits.max_concurrent, 16);
}

void Service::Impl::schedule_tick() {
  if (stopping || in_flight >= fetch_backlog_limit()) return;
  std::optional<SteadyClock::time_point> earliest;
  for (auto& [name, slot] : slots) {
    if (slot.in_flight || slot.record.disabled || (options.mode == RunMode::once && slot.polled))
      continue;
    if (!earliest || slot.due < *earliest) earliest = slot.due;
  }
  tick_timer.cancel();
  if (!earliest) return;
  tick_timer.expires_at(*earliest);
  tick_timer.async_wait([this](boost::system::error_code ec) {
    if (!ec) guarded("tick", [this] { tick(); });
  });
}

void Service::Impl::tick() {
  const auto now = SteadyClock::now();
  for (auto& [name, slot] : slots) {
    if (in_flight >= fetch_backlog_limit()) break;
    if (slot.in_flight || slot.record.disabled || slot.due > now) continue;
    if (options.mode == RunMode::once && slot.polled) continue;
    start_fetch(slot);
  }
  schedule_tick();
}

void Service::Impl::start_fetch(FeedSlot& slot) {
  slot.in_flight = true;
  ++in_flight;
  FetchRequest request;
  request.url = slot.record.url.empty() ? slot.config.url : slot.record.url;
  request.etag = slot.record.etag;
  request.last_modified = slot.record.last_modified;
  request.allow_private = slot.config.allow_private;
  request.ca_file = slot.config.ca_file;
  request.keep_encoded = true;  // inflated on the worker (parse_then_store)
  fetcher.fetch(request, [this, name = slot.config.name](FetchResult result) {
    parse_then_store(name, std::move(result));
  });
}

// A feed document is inflated, parsed and its items identified on the worker thread (all pure),
// so this loop's thread spends its time on the database while other responses are decoded.
void Service::Impl::parse_then_store(const std::string& name, FetchResult result) {
  const auto slot = slots.find(name);
  if (result.status != FetchStatus::ok || slot == slots.end()) {
    queue_for_store(name, std::move(result), std::nullopt);
    return;
  }
  auto options =
      pipeline->parse_options(slot->second.config, result.final_url, result.content_type);
  asio::post(worker, [this, name, result = std::move(result), options = std::move(options),
                      max_body = config->limits.transfer.max_body_bytes]() mutable {
    decode_body(result, max_body);
    std::optional<ParsedFeed> parsed;
    if (result.status == FetchStatus::ok) parsed = prepare_feed(parse_feed(result.body, options));
    std::string().swap(result.body);  // parsed: the bytes need not wait for the store as well
    asio::post(io, [this, name, result = std::move(result), parsed = std::move(parsed)]() mutable {
      queue_for_store(name, std::move(result), std::move(parsed));
    });
  });
}

void Service::Impl::queue_for_store(const std::string& name, FetchResult result,
                                    std::optional<ParsedFeed> parsed) {
  fetched.push_back(Fetched{name, std::move(result), std::move(parsed)});
  if (store_posted) return;
  store_posted = true;
  // Results that complete while earlier ones are being stored wait here and are then
  // stored together: one commit (one fsync) for the lot instead of one per feed.
  asio::post(io, [this] {
    store_posted = false;
    std::vector<Fetched> batch;
    batch.swap(fetched);
    in_flight -= static_cast<int>(batch.size());
    guarded("fetch result", [&] { store_fetched(batch); });
    schedule_tick();
    after_work();
  });
}

// Stores a batch of fetch results in one transaction; the slots learn the outcome (new
// validators, next poll) only once it is committed, so a failed commit never leaves a slot
// believing in items the database does not have.
void Service::Impl::store_fetched(std::vector<Fetched>& batch) {
  const auto now = now_utc();
  std::vector<FeedSlot*> of(batch.size(), nullptr);
  std::vector<PollOutcome> outcomes(batch.size());
  try {
    store->begin_batch(Store::Durability::crash);  // polls only: fetched again after a power cut
    for (std::size_t i = 0; i < batch.size(); ++i) {
      auto it = slots.find(batch[i].name);
      if (it == slots.end()) continue;  // removed by a reload while in flight
      it->second.in_flight = false;
      if (batch[i].result.status == FetchStatus::cancelled) {
        spdlog::info("feed {}: cancelled", batch[i].name);
        continue;
      }
      of[i] = &it->second;
      outcomes[i] = store_one(*of[i], batch[i], now);
    }
    store->end_batch(true);
  } catch (const std::exception& e) {  // the batch could not begin or commit
    store->end_batch(false);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (of[i]) outcomes[i] = store_failed(*of[i], e, now);
    }
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (of[i]) apply_outcome(*of[i], batch[i].result, outcomes[i], now);
    if (outcomes[i].ingest.new_items + outcomes[i].ingest.revised_items > 0) search_behind = true;
    add_fresh(outcomes[i].ingest.pending);  // committed (a failed store's outcome has none)
  }
  classify_all();
}

// One feed's poll; whatever goes wrong stays with this feed (its savepoint is rolled back).
PollOutcome Service::Impl::store_one(FeedSlot& slot, Fetched& fetched, Timestamp now) {
  try {
    return pipeline->handle_fetch(slot.config, slot.record, fetched.result, now,
                                  slot.record.error_count, std::move(fetched.parsed));
  } catch (const std::exception& e) {
    return store_failed(slot, e, now);
  }
}

// The database refused (disk full, read-only): the feed's items wait for the next poll.
PollOutcome Service::Impl::store_failed(const FeedSlot& slot, const std::exception& e,
                                        Timestamp now) {
  spdlog::error("feed {}: store failed: {}", slot.config.name, e.what());
  PollOutcome outcome;
  outcome.summary = std::string("store failed: ") + e.what();
  outcome.next_poll = now + wait_after_failure(slot.config.interval, 1, std::nullopt, rng);
  return outcome;
}

void Service::Impl::apply_outcome(FeedSlot& slot, const FetchResult& result,
                                  const PollOutcome& outcome, Timestamp now) {
  const std::string& name = slot.config.name;
  slot.polled = true;
  slot.failed = !outcome.ok;
  slot.last_summary = outcome.summary;
  slot.due = steady_at(outcome.next_poll);
  if (outcome.ok) {
    slot.record.error_count = 0;
    if (result.status == FetchStatus::ok) {  // a 304 keeps the validators it answered
      slot.record.etag = result.etag;
      slot.record.last_modified = result.last_modified;
    }
    spdlog::info("feed {}: {} ({} ms)", name, outcome.summary, result.elapsed.count());
    consider_redirect(slot, result);
  } else {
    ++slot.record.error_count;
    slot.record.disabled = outcome.disabled;
    auto log = outcome.disabled ? spdlog::level::err : spdlog::level::warn;
    spdlog::log(
        log, "feed {}: {} (failure {}, next try in {})", name, outcome.summary,
        slot.record.error_count,
        format_duration(std::chrono::duration_cast<std::chrono::seconds>(outcome.next_poll - now)));
  }
}

// Adopts a permanent redirect only once it has been seen on two polls in a row, so a
// misconfigured server's one-off 301 does not move the feed away for good.
void Service::Impl::consider_redirect(FeedSlot& slot, const FetchResult& result) {
  if (result.permanent_redirect.empty()) {
    slot.redirect_candidate.clear();
    return;
  }
  if (slot.redirect_candidate != result.permanent_redirect) {
    slot.redirect_candidate = result.permanent_redirect;
    spdlog::info("feed {}: permanently redirected to {}", slot.config.name,
                 result.permanent_redirect);
    return;
  }
  store->adopt_redirect(slot.record.id, result.permanent_redirect);
  spdlog::warn("feed {}: adopted permanent redirect {} -> {} (update the configuration)",
               slot.config.name, slot.record.url, result.permanent_redirect);
  slot.record.url = result.permanent_redirect;
  slot.redirect_candidate.clear();
}

}  // namespace redline
