// Service::Impl, the service's state and its parts, shared by the files that implement it:
// service.cpp (start, run, stop, reload, systemd), service_poll.cpp (the schedule, fetches,
// parsing on the worker, storing a batch of responses) and service_work.cpp (classification on
// the worker, alert delivery). Everything runs on the io_context's one thread except the tasks
// posted to `worker`, which touch no member but what they were given (a ClassifyJob in
// `helping` is made to be shared).
#pragma once

#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <deque>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "alerts/alerts.h"
#include "daemon/classify_job.h"
#include "daemon/pipeline.h"
#include "daemon/service.h"
#include "db/store.h"
#include "feeds/feed.h"
#include "feeds/fetch.h"
#include "net/curl_multi.h"

namespace redline {

namespace service_detail {

using SteadyClock = std::chrono::steady_clock;

// Revisions per classification batch: enough to keep the worker busy through a burst, few
// enough that the first alert of a burst waits milliseconds, not seconds: two of the worker's
// chunks (1,024 revisions), so this loop's thread can help with what is left.
constexpr std::size_t kClassifyBatch = 2 * ClassifyJob::kWorkerChunk;
// Batches queued on the worker at most: one to classify while the next waits, so the worker
// does not idle while this loop is busy storing.
constexpr int kWorkerBatches = 2;
// Revisions indexed for search per turn of the loop while it is idle: a few milliseconds, so a
// fetch result or a classified batch that arrives meanwhile waits no longer than that.
constexpr std::size_t kSearchIndexChunk = 256;
// Stored revisions kept in memory for the worker at most (about a MiB of text); beyond that the
// worker is behind, and it reads the rest from the database as it gets to them.
constexpr std::size_t kFreshMax = 2 * kClassifyBatch;

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
  std::optional<ParsedFeed> parsed;
};

// The steady-clock time of a wall-clock time (the schedule runs on the steady clock).
inline SteadyClock::time_point steady_at(Timestamp t) {
  const auto delta = t - now_utc();
  return SteadyClock::now() + std::chrono::duration_cast<SteadyClock::duration>(delta);
}

}  // namespace service_detail

struct Service::Impl {
  using FeedSlot = service_detail::FeedSlot;
  using Fetched = service_detail::Fetched;

  Impl(Config c, ServiceOptions o);
  int run();
  int exit_code() const;

  // ---- feeds and the schedule (service_poll.cpp) -------------------------------------------
  void load_feeds();
  std::map<std::string, FeedSlot> load_slots();
  int fetch_backlog_limit() const;
  void schedule_tick();
  void tick();
  void start_fetch(FeedSlot& slot);
  void parse_then_store(const std::string& name, FetchResult result);
  void queue_for_store(const std::string& name, FetchResult result,
                       std::optional<ParsedFeed> parsed);
  void store_fetched(std::vector<Fetched>& batch);
  PollOutcome store_one(FeedSlot& slot, Fetched& fetched, Timestamp now);
  PollOutcome store_failed(const FeedSlot& slot, const std::exception& e, Timestamp now);
  void apply_outcome(FeedSlot& slot, const FetchResult& result, const PollOutcome& outcome,
                     Timestamp now);
  void consider_redirect(FeedSlot& slot, const FetchResult& result);

  // ---- classification and alert delivery (service_work.cpp) --------------------------------
  void classify_all();
  void add_fresh(std::vector<PendingRevision>& stored);
  void forget_fresh();
  std::vector<ClassifiedRevision> next_batch();
  void top_up_worker();
  void report_classified(const std::shared_ptr<ClassifyJob>& job);
  bool help_classify();
  void on_classified(std::shared_ptr<Pipeline> p, std::vector<ClassifiedRevision>& batch,
                     std::exception_ptr failure);
  void record_classified(Pipeline& p, const std::vector<ClassifiedRevision>& batch);
  void kick_delivery();
  void arm_delivery_timer();

  // ---- the first watchlist, compiled while the first fetches run (service.cpp) -------------
  void load_watchlist_apart();
  void on_watchlist(const std::shared_ptr<Pipeline>& p, std::unique_ptr<Classifier> classifier,
                    const std::string& error);

  // ---- once mode, stopping, signals, systemd (service.cpp) ---------------------------------
  void run_loop();
  void after_work();
  void index_when_idle();
  void begin_stop(const char* why);
  void finish();
  void wait_signals();
  void reload();
  void start_watchdog();
  void pet_watchdog();
  void notify_status();

  // Runs a handler body; an exception is logged instead of unwinding through io_context::run.
  template <class F>
  void guarded(const char* what, F&& f) {
    try {
      f();
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", what, e.what());
    }
  }

  ServiceOptions options;
  boost::asio::io_context io;
  std::unique_ptr<Config> config;
  std::vector<std::unique_ptr<Config>> retired_configs;
  std::unique_ptr<Store> store;
  std::shared_ptr<Pipeline> pipeline;  // shared with a classification in flight
  net::CurlMulti multi;
  Fetcher fetcher;
  std::unique_ptr<Sender> sender;
  boost::asio::steady_timer tick_timer, delivery_timer, watchdog_timer, grace_timer;
  boost::asio::signal_set signals;
  std::mt19937_64 rng;
  std::map<std::string, FeedSlot> slots;
  std::chrono::microseconds watchdog_period{0};
  int in_flight = 0;
  std::vector<Fetched> fetched;  // completed, waiting to be stored
  bool store_posted = false;
  bool delivering = false, deliver_again = false, reload_sender = false;
  bool stopping = false, finished = false, cycle_delivered = false;
  // Batches handed to the worker and not yet back, the last revision handed out, and whether a
  // returned batch is being recorded (the worker classifies the next ones meanwhile).
  int on_worker = 0;
  std::int64_t handed_out_to = 0;
  bool recording = false, classify_again = false;
  // The batches on the worker, oldest first, for this loop's thread to help with.
  std::deque<std::shared_ptr<ClassifyJob>> helping;
  // Revisions stored by this loop and not handed out yet, straight from the store batches
  // that committed them, so the worker gets them without a read of the database. `fresh`
  // holds every pending revision from handed_out_to up to its last; while `fresh_complete`,
  // every pending revision at all. Complete once a read of the database came back short
  // (nothing else pending); not when `fresh` grows past kFreshMax (the database is read once
  // `fresh` is used up) or after a failure (`fresh` is dropped and the database read again).
  std::deque<PendingRevision> fresh;
  bool fresh_complete = false;
  // The search index may be behind the stored text (true at start: `poll --once` leaves it to
  // the daemon or the next search), and whether a chunk of indexing is posted.
  bool search_behind = true, indexing = false;
  long alerts_queued = 0, delivered = 0;
  // The first watchlist: compiled on its own thread, which keeps the loop from running dry
  // until it reports; a watchlist that fails to load stops the service (exit 78).
  std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>>
      awaiting_watchlist;
  bool watchlist_failed = false;
  std::jthread watchlist_loader;  // joined before io goes: it posts its result there
  // Parses responses and classifies revisions. Last member: destroyed first, it joins the task
  // still running before the rest goes.
  boost::asio::thread_pool worker{1};
};

}  // namespace redline
