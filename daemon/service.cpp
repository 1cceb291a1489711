#include "daemon/service.h"

#include <systemd/sd-daemon.h>

#include <boost/asio/post.hpp>
#include <csignal>
#include <filesystem>

#include "daemon/commands.h"
#include "daemon/schedule.h"
#include "daemon/service_impl.h"

namespace redline {

namespace asio = boost::asio;
using namespace service_detail;

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

Service::Impl::Impl(Config c, ServiceOptions o)
    : options(std::move(o)),
      config(std::make_unique<Config>(std::move(c))),
      store(open_sqlite_store(resolve_database_path(*config, options.database_override))),
      pipeline(std::make_shared<Pipeline>(*store, *config, Pipeline::WithoutClassifier{})),
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
  load_watchlist_apart();
}

// The watchlist is compiled on a thread of its own while the loop starts fetching and the
// worker parses: responses are stored meanwhile (storing needs no classifier) and classified
// once it is there. A watchlist that does not load stops the service before anything is
// classified, with exit code 78 (EX_CONFIG) as a configuration error; what was stored stays
// pending for the next start.
void Service::Impl::load_watchlist_apart() {
  awaiting_watchlist.emplace(io.get_executor());
  watchlist_loader = std::jthread([this, p = pipeline, path = config->watchlist.file]() mutable {
    std::unique_ptr<Classifier> classifier;
    std::string error;
    try {
      auto watchlist = load_watchlist(path);
      if (watchlist) {
        classifier = std::make_unique<Classifier>(std::move(*watchlist));
      } else {
        error = watchlist.error().message;
      }
    } catch (const std::exception& e) {
      error = path + ": " + e.what();
    }
    asio::post(io, [this, p = std::move(p), c = std::move(classifier), error]() mutable {
      on_watchlist(p, std::move(c), error);
    });
  });
}

void Service::Impl::on_watchlist(const std::shared_ptr<Pipeline>& p,
                                 std::unique_ptr<Classifier> classifier, const std::string& error) {
  awaiting_watchlist.reset();
  if (error.empty()) {
    try {
      p->set_classifier(std::move(classifier));
    } catch (const std::exception& e) {
      spdlog::critical("database: {}", e.what());
      watchlist_failed = true;
    }
  } else {
    spdlog::critical("{}", error);
    watchlist_failed = true;
  }
  if (watchlist_failed) {
    begin_stop("watchlist");
    multi.cancel_all();  // nothing fetched now could be classified
    return;
  }
  spdlog::info("watchlist {}: {} topics", p->classifier().watchlist_name(),
               p->classifier().topics().size());
  if (options.mode == RunMode::daemon) {
    sd_notify(0, "READY=1");
    notify_status();
  }
  // What was stored meanwhile, and what a crash left pending.
  if (!stopping) guarded("classify", [this] { classify_all(); });
  after_work();
}

// Called after each completed piece of work: ends a once cycle or a graceful stop when
// nothing is left in flight.
void Service::Impl::after_work() {
  if (stopping) {
    if (in_flight == 0 && !delivering && on_worker == 0 && !recording) finish();
    return;
  }
  if (options.mode != RunMode::once) {
    index_when_idle();
    return;
  }
  for (auto& [name, slot] : slots) {
    if (!slot.polled && !slot.record.disabled) return;
  }
  if (in_flight > 0 || on_worker > 0 || recording || !pipeline->has_classifier()) return;
  if (!cycle_delivered) {
    cycle_delivered = true;
    kick_delivery();
    return;
  }
  if (!delivering) finish();
}

// The search index catches up while nothing waits for the database: one chunk per turn of the
// loop, each posted behind whatever is queued. A burst of fetch results or classified batches
// stops it; their after_work starts it again. A failed chunk (logged) waits for the next
// stored poll. `poll --once` leaves the index to the daemon or to the next search.
void Service::Impl::index_when_idle() {
  if (!search_behind || indexing || stopping) return;
  if (on_worker > 0 || recording || store_posted) return;
  indexing = true;
  boost::asio::post(io, [this] {
    indexing = false;
    if (stopping || on_worker > 0 || recording || store_posted) return;
    search_behind = false;
    guarded("search index",
            [this] { search_behind = store->update_search_index(kSearchIndexChunk) > 0; });
    index_when_idle();
  });
}

void Service::Impl::begin_stop(const char* why) {
  if (stopping) return;
  stopping = true;
  spdlog::info("{}: stopping ({} transfers in flight)", why, in_flight);
  sd_notify(0, "STOPPING=1\nSTATUS=stopping");
  tick_timer.cancel();
  delivery_timer.cancel();
  if (in_flight == 0 && !delivering && on_worker == 0 && !recording) {
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

void Service::Impl::finish() {
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

void Service::Impl::wait_signals() {
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

void Service::Impl::reload() {
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

void Service::Impl::start_watchdog() {
  uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return;
  watchdog_period = std::chrono::microseconds{usec / 2};
  pet_watchdog();
}

void Service::Impl::pet_watchdog() {
  sd_notify(0, "WATCHDOG=1");
  notify_status();
  watchdog_timer.expires_after(watchdog_period);
  watchdog_timer.async_wait([this](boost::system::error_code ec) {
    if (!ec && !finished) pet_watchdog();
  });
}

void Service::Impl::notify_status() {
  int failing = 0;
  for (const auto& [name, slot] : slots) failing += slot.record.error_count > 0;
  const auto status = fmt::format("STATUS={} feeds, {} failing; {} alerts queued, {} delivered",
                                  slots.size(), failing, alerts_queued, delivered);
  sd_notify(0, status.c_str());
}

int Service::Impl::run() {
  signals.add(SIGTERM);
  signals.add(SIGINT);
  if (options.mode == RunMode::daemon) signals.add(SIGHUP);
  wait_signals();
  spdlog::info("redline {} {}: {} feeds, watchlist {}, database {}", REDLINE_VERSION,
               options.mode == RunMode::once ? "polling once" : "running", slots.size(),
               config->watchlist.file, resolve_database_path(*config, options.database_override));
  if (options.mode == RunMode::daemon) {
    start_watchdog();  // READY=1 once the watchlist has loaded (on_watchlist)
    kick_delivery();
  }
  schedule_tick();
  if (slots.empty()) after_work();
  run_loop();
  const int rc = exit_code();
  spdlog::default_logger_raw()->flush();
  return rc;
}

// io.run(), except that whenever no handler is ready this thread classifies a chunk of the
// worker's batch instead of waiting (help_classify): a chunk takes a millisecond or a few, and a
// fetch result or a signal waits no longer than that.
void Service::Impl::run_loop() {
  for (;;) {
    io.poll();
    if (io.stopped()) return;
    if (help_classify()) continue;
    spdlog::default_logger_raw()->flush();  // out of work: the lines logged so far go out now
    io.run_one();
    if (io.stopped()) return;
  }
}

int Service::Impl::exit_code() const {
  if (watchlist_failed) return redline::exit_code::config;
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

Service::Service(Config config, ServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options))) {}

Service::~Service() = default;

int Service::run() {
  return impl_->run();
}

}  // namespace redline
