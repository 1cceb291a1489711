#include "daemon/service.h"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <csignal>
#include <exception>
#include <filesystem>
#include <map>
#include <random>

#include "alerts/alerts.h"
#include "daemon/pipeline.h"
#include "daemon/schedule.h"
#include "db/store.h"
#include "feeds/feed.h"
#include "feeds/fetch.h"
#include "net/curl_multi.h"

namespace redline {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

// Revisions per classification batch: enough to keep the worker busy through a burst, few
// enough that the first alert of a burst waits milliseconds, not seconds.
constexpr std::size_t kClassifyBatch = 512;

std::string resolve_database_path(const Config& config, const std::string& override_path) {
  std::filesystem::path p(override_path.empty() ? config.storage.database : override_path);
  if (p.is_relative()) {
    if (const char* state = std::getenv("STATE_DIRECTORY"); state && *state) {
      // systemd may list several folders separated by ':'; the first is ours.
      std::string dir(state);
      p = std::filesystem::path(dir.substr(0, dir.find(':'))) / p;
    }
  }
  return p.string();
}

namespace {

// One configured feed and what the loop knows of it between polls.
struct FeedSlot {
  FeedConfig config;
  FeedRecord record;
  SteadyClock::time_point due;
  bool in_flight = false;
  bool polled = false;  // once mode: this cycle's poll has completed
  bool failed = false;  // once mode: ... and failed
  std::string last_summary;
  std::string redirect_candidate;  // a permanent redirect seen, adopted when seen twice in a row
};

// A completed fetch waiting to be stored, with its document parsed when it has one.
struct Fetched {
  std::string name;
  FetchResult result;
  std::optional<Result<Feed>> parsed;
};

SteadyClock::time_point steady_at(Timestamp t) {
  const auto delta = t - now_utc();
  return SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(delta);
}

}  // namespace

struct Service::Impl {
  Impl(Config c, ServiceOptions o)
      : options(std::move(o)),
        config(std::make_unique<Config>(std::move(c))),
        store(open_sqlite_store(resolve_database_path(*config, options.database_override))),
        pipeline(std::make_shared<Pipeline>(*store, *config)),
        multi(io),
        fetcher(multi, FetcherOptions{config->limits.transfer, config->limits.max_concurrent,
                                      config->limits.max_per_host}),
        sender(std::make_unique<Sender>(multi, *store, config->alerts, config->limits.transfer)),
        tick_timer(io),
        delivery_timer(io),
        watchdog_timer(io),
        grace_timer(io),
        signals(io),
        rng(std::random_device{}()) {
    load_feeds();
  }

  // ---- feeds and the schedule ------------------------------------------------------------

  void load_feeds() {
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

  std::map<std::string, FeedSlot> load_slots() {
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

  void schedule_tick() {
    if (stopping) return;
    std::optional<SteadyClock::time_point> earliest;
    for (auto& [name, slot] : slots) {
      if (slot.in_flight || slot.record.disabled || (options.mode == RunMode::once && slot.polled)) continue;
      if (!earliest || slot.due < *earliest) earliest = slot.due;
    }
    tick_timer.cancel();
    if (!earliest) return;
    tick_timer.expires_at(*earliest);
    tick_timer.async_wait([this](boost::system::error_code ec) {
      if (!ec) guarded("tick", [this] { tick(); });
    });
  }

  void tick() {
    const auto now = SteadyClock::now();
    for (auto& [name, slot] : slots) {
      if (slot.in_flight || slot.record.disabled || slot.due > now) continue;
      if (options.mode == RunMode::once && slot.polled) continue;
      start_fetch(slot);
    }
    schedule_tick();
  }

  void start_fetch(FeedSlot& slot) {
    slot.in_flight = true;
    ++in_flight;
    FetchRequest request;
    request.url = slot.record.url.empty() ? slot.config.url : slot.record.url;
    request.etag = slot.record.etag;
    request.last_modified = slot.record.last_modified;
    request.allow_private = slot.config.allow_private;
    request.ca_file = slot.config.ca_file;
    fetcher.fetch(request, [this, name = slot.config.name](FetchResult result) {
      parse_then_store(name, std::move(result));
    });
  }

  // A feed document is parsed on the worker thread (parsing is pure), so this loop's thread
  // spends its time on the database while other responses are parsed.
  void parse_then_store(const std::string& name, FetchResult result) {
    const auto slot = slots.find(name);
    if (result.status != FetchStatus::ok || slot == slots.end()) {
      queue_for_store(name, std::move(result), std::nullopt);
      return;
    }
    auto options = pipeline->parse_options(slot->second.config, result.final_url, result.content_type);
    asio::post(worker, [this, name, result = std::move(result), options = std::move(options)]() mutable {
      auto parsed = Pipeline::parse_fetched(result, options);
      asio::post(io, [this, name, result = std::move(result), parsed = std::move(parsed)]() mutable {
        queue_for_store(name, std::move(result), std::move(parsed));
      });
    });
  }

  void queue_for_store(const std::string& name, FetchResult result,
                       std::optional<Result<Feed>> parsed) {
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
  void store_fetched(std::vector<Fetched>& batch) {
    const auto now = now_utc();
    std::vector<FeedSlot*> of(batch.size(), nullptr);
    std::vector<PollOutcome> outcomes(batch.size());
    try {
      store->begin_batch();
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
    }
    classify_all();
  }

  // One feed's poll; whatever goes wrong stays with this feed (its savepoint is rolled back).
  PollOutcome store_one(FeedSlot& slot, Fetched& fetched, Timestamp now) {
    try {
      return pipeline->handle_fetch(slot.config, slot.record, fetched.result, now,
                                    slot.record.error_count, std::move(fetched.parsed));
    } catch (const std::exception& e) {
      return store_failed(slot, e, now);
    }
  }

  // The database refused (disk full, read-only): the feed's items wait for the next poll.
  PollOutcome store_failed(const FeedSlot& slot, const std::exception& e, Timestamp now) {
    spdlog::error("feed {}: store failed: {}", slot.config.name, e.what());
    PollOutcome outcome;
    outcome.summary = std::string("store failed: ") + e.what();
    outcome.next_poll = now + wait_after_failure(slot.config.interval, 1, std::nullopt, rng);
    return outcome;
  }

  void apply_outcome(FeedSlot& slot, const FetchResult& result, const PollOutcome& outcome,
                     Timestamp now) {
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
      spdlog::log(log, "feed {}: {} (failure {}, next try in {})", name, outcome.summary,
                  slot.record.error_count,
                  format_duration(std::chrono::duration_cast<std::chrono::seconds>(outcome.next_poll - now)));
    }
  }

  // Adopts a permanent redirect only once it has been seen on two polls in a row, so a
  // misconfigured server's one-off 301 does not move the feed away for good.
  void consider_redirect(FeedSlot& slot, const FetchResult& result) {
    if (result.permanent_redirect.empty()) {
      slot.redirect_candidate.clear();
      return;
    }
    if (slot.redirect_candidate != result.permanent_redirect) {
      slot.redirect_candidate = result.permanent_redirect;
      spdlog::info("feed {}: permanently redirected to {}", slot.config.name, result.permanent_redirect);
      return;
    }
    store->adopt_redirect(slot.record.id, result.permanent_redirect);
    spdlog::warn("feed {}: adopted permanent redirect {} -> {} (update the configuration)",
                 slot.config.name, slot.record.url, result.permanent_redirect);
    slot.record.url = result.permanent_redirect;
    slot.redirect_candidate.clear();
  }

  // ---- classification ----------------------------------------------------------------------

  // New revisions are classified on a worker thread while this loop goes on storing fetch
  // results; each classified batch comes back here and is recorded in one transaction, and its
  // alerts are sent after that commit. One batch is out at a time, so no revision is read twice,
  // and a crash before the record leaves the revisions pending for the next start.
  void classify_all() {
    if (classifying) {
      classify_again = true;
      return;
    }
    classify_again = false;
    auto batch = pipeline->pending_batch(kClassifyBatch);
    if (batch.empty()) return;
    classifying = true;
    // The worker keeps the pipeline it started with: a reload may replace this loop's.
    asio::post(worker, [this, p = pipeline, batch = std::move(batch)]() mutable {
      std::exception_ptr failure;
      try {
        p->classify_batch(batch);
      } catch (...) {
        failure = std::current_exception();
      }
      asio::post(io, [this, p = std::move(p), batch = std::move(batch), failure]() {
        bool recorded = false;
        guarded("classify", [&] {
          if (failure) std::rethrow_exception(failure);
          record_classified(*p, batch);
          recorded = true;
        });
        // Still "classifying" until here: a delivery that completes inside record_classified
        // must not end a once cycle while revisions are pending. More may be pending (a batch
        // is capped); after a failure, the next stored poll retries.
        classifying = false;
        if (recorded || classify_again) guarded("classify", [this] { classify_all(); });
        after_work();
      });
    });
  }

  void record_classified(Pipeline& p, const std::vector<ClassifiedRevision>& batch) {
    const auto stats = p.record_batch(batch, now_utc());
    spdlog::info("classified {} revisions: {} matches, {} alert deliveries queued", stats.revisions,
                 stats.matches, stats.alerts_queued);
    alerts_queued += stats.alerts_queued;
    if (stats.alerts_queued > 0 || options.mode == RunMode::once) kick_delivery();
  }

  // ---- alert delivery ----------------------------------------------------------------------

  void kick_delivery() {
    if (delivering) {
      deliver_again = true;
      return;
    }
    delivering = true;
    delivery_timer.cancel();
    sender->deliver_due([this](SenderReport report) {
      delivering = false;
      if (report.delivered + report.retrying + report.failed > 0) {
        spdlog::info("alerts: {} delivered, {} to retry, {} failed", report.delivered, report.retrying,
                     report.failed);
      }
      delivered += report.delivered;
      if (reload_sender) {
        sender = std::make_unique<Sender>(multi, *store, config->alerts, config->limits.transfer);
        reload_sender = false;
      }
      if (deliver_again && !stopping) {
        deliver_again = false;
        kick_delivery();
        return;
      }
      deliver_again = false;
      guarded("delivery timer", [this] { arm_delivery_timer(); });
      after_work();
    });
  }

  void arm_delivery_timer() {
    if (stopping || options.mode == RunMode::once) return;
    const auto next = store->next_delivery_due();
    if (!next) return;
    delivery_timer.expires_at(std::max(steady_at(*next), SteadyClock::now()));
    delivery_timer.async_wait([this](boost::system::error_code ec) {
      if (!ec) guarded("delivery", [this] { kick_delivery(); });
    });
  }

  // ---- once mode, stopping, signals, systemd -----------------------------------------------

  // Called after each completed piece of work: ends a once cycle or a graceful stop when
  // nothing is left in flight.
  void after_work() {
    if (stopping) {
      if (in_flight == 0 && !delivering && !classifying) finish();
      return;
    }
    if (options.mode != RunMode::once) return;
    for (auto& [name, slot] : slots) {
      if (!slot.polled && !slot.record.disabled) return;
    }
    if (in_flight > 0 || classifying) return;
    if (!cycle_delivered) {
      cycle_delivered = true;
      kick_delivery();
      return;
    }
    if (!delivering) finish();
  }

  void begin_stop(const char* why) {
    if (stopping) return;
    stopping = true;
    spdlog::info("{}: stopping ({} transfers in flight)", why, in_flight);
    sd_notify(0, "STOPPING=1\nSTATUS=stopping");
    tick_timer.cancel();
    delivery_timer.cancel();
    if (in_flight == 0 && !delivering && !classifying) {
      finish();
      return;
    }
    // Transfers get a few seconds to finish (their results are stored); then they are abandoned.
    grace_timer.expires_after(std::chrono::seconds{5});
    grace_timer.async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      spdlog::warn("abandoning {} transfers still in flight", in_flight);
      multi.cancel_all();
    });
  }

  void finish() {
    if (finished) return;
    finished = true;
    grace_timer.cancel();
    tick_timer.cancel();
    delivery_timer.cancel();
    watchdog_timer.cancel();
    boost::system::error_code ignored;
    signals.cancel(ignored);
    // The curl multi may keep a timer for idle connections; nothing else is left to do.
    io.stop();
  }

  void wait_signals() {
    signals.async_wait([this](boost::system::error_code ec, int signo) {
      if (ec) return;
      if (signo == SIGHUP) {
        guarded("reload", [this] { reload(); });
      } else {
        begin_stop(signo == SIGTERM ? "SIGTERM" : "SIGINT");
      }
      if (!finished) wait_signals();
    });
  }

  void reload() {
    sd_notify(0, "RELOADING=1");
    auto fresh = load_config(options.config_path);
    if (!fresh) {
      spdlog::error("reload failed, keeping the current configuration: {}", fresh.error().message);
      sd_notify(0, "READY=1\nSTATUS=reload failed; running with the previous configuration");
      return;
    }
    auto next_config = std::make_unique<Config>(std::move(*fresh));
    if (resolve_database_path(*next_config, options.database_override) !=
        resolve_database_path(*config, options.database_override)) {
      spdlog::warn("reload: [storage] database changed; that takes effect at the next restart");
    }
    std::shared_ptr<Pipeline> next_pipeline;
    try {
      next_pipeline = std::make_shared<Pipeline>(*store, *next_config);
    } catch (const std::exception& e) {
      spdlog::error("reload failed, keeping the current configuration: {}", e.what());
      sd_notify(0, "READY=1\nSTATUS=reload failed; running with the previous configuration");
      return;
    }
    pipeline = std::move(next_pipeline);
    retired_configs.push_back(std::move(config));  // in-flight work may still hold references
    config = std::move(next_config);
    load_feeds();
    if (delivering) {
      reload_sender = true;
    } else {
      sender = std::make_unique<Sender>(multi, *store, config->alerts, config->limits.transfer);
    }
    spdlog::info("reloaded {}: {} feeds, {} sinks", options.config_path, config->feeds.size(),
                 config->alerts.webhooks.size() + config->alerts.emails.size());
    sd_notify(0, "READY=1");
    notify_status();
    schedule_tick();
  }

  void start_watchdog() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return;
    watchdog_period = std::chrono::microseconds{usec / 2};
    pet_watchdog();
  }

  void pet_watchdog() {
    sd_notify(0, "WATCHDOG=1");
    notify_status();
    watchdog_timer.expires_after(watchdog_period);
    watchdog_timer.async_wait([this](boost::system::error_code ec) {
      if (!ec && !finished) pet_watchdog();
    });
  }

  void notify_status() {
    int failing = 0;
    for (const auto& [name, slot] : slots) failing += slot.record.error_count > 0;
    const auto status = fmt::format("STATUS={} feeds, {} failing; {} alerts queued, {} delivered",
                                    slots.size(), failing, alerts_queued, delivered);
    sd_notify(0, status.c_str());
  }

  // Runs a handler body; an exception is logged instead of unwinding through io_context::run.
  template <class F>
  void guarded(const char* what, F&& f) {
    try {
      f();
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", what, e.what());
    }
  }

  int run() {
    signals.add(SIGTERM);
    signals.add(SIGINT);
    if (options.mode == RunMode::daemon) signals.add(SIGHUP);
    wait_signals();
    spdlog::info("redline {} {}: {} feeds, watchlist {}, database {}", REDLINE_VERSION,
                 options.mode == RunMode::once ? "polling once" : "running", slots.size(),
                 pipeline->classifier().watchlist_name(),
                 resolve_database_path(*config, options.database_override));
    guarded("classify", [this] { classify_all(); });  // revisions left by a crash
    if (options.mode == RunMode::daemon) {
      sd_notify(0, "READY=1");
      notify_status();
      start_watchdog();
      kick_delivery();
    }
    schedule_tick();
    if (slots.empty()) after_work();
    io.run();
    return exit_code();
  }

  int exit_code() const {
    if (options.mode != RunMode::once) return 0;
    int failures = 0;
    std::string summary;
    for (const auto& [name, slot] : slots) {
      if (!slot.failed && slot.polled) continue;
      ++failures;
      summary += "\n  " + name + ": " + (slot.polled ? slot.last_summary : "not polled");
    }
    if (failures == 0) return 0;
    spdlog::error("poll: {} of {} feeds failed:{}", failures, slots.size(), summary);
    return 75;  // EX_TEMPFAIL: try again later
  }

  ServiceOptions options;
  asio::io_context io;
  std::unique_ptr<Config> config;
  std::vector<std::unique_ptr<Config>> retired_configs;
  std::unique_ptr<Store> store;
  std::shared_ptr<Pipeline> pipeline;  // shared with a classification in flight
  net::CurlMulti multi;
  Fetcher fetcher;
  std::unique_ptr<Sender> sender;
  asio::steady_timer tick_timer, delivery_timer, watchdog_timer, grace_timer;
  asio::signal_set signals;
  std::mt19937_64 rng;
  std::map<std::string, FeedSlot> slots;
  std::chrono::microseconds watchdog_period{0};
  int in_flight = 0;
  std::vector<Fetched> fetched;  // completed, waiting to be stored
  bool store_posted = false;
  bool delivering = false, deliver_again = false, reload_sender = false;
  bool stopping = false, finished = false, cycle_delivered = false;
  bool classifying = false, classify_again = false;
  long alerts_queued = 0, delivered = 0;
  // Parses responses and classifies revisions. Last member: destroyed first, it joins the task
  // still running before the rest goes.
  asio::thread_pool worker{1};
};

Service::Service(Config config, ServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options))) {}

Service::~Service() = default;

int Service::run() { return impl_->run(); }

}  // namespace redline
