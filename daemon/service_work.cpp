// Classification on the worker thread and alert delivery (see service_impl.h).
#include <boost/asio/post.hpp>

#include "daemon/classify_job.h"
#include "daemon/service_impl.h"

namespace redline {

namespace asio = boost::asio;
using namespace service_detail;

// New revisions are classified on a worker thread while this loop goes on storing fetch
// results; each classified batch comes back here and is recorded in one transaction, and its
// alerts are sent after that commit. The worker is kept kWorkerBatches batches ahead, so it
// never waits for this loop to get round to recording: each read of pending revisions starts
// after the last revision handed out, so none is read twice. A crash before the record leaves
// the revisions pending for the next start.
void Service::Impl::classify_all() {
  if (!pipeline->has_classifier()) return;  // on_watchlist classifies what waits
  if (on_worker > 0 || recording) {
    classify_again = true;  // whatever the top-up does not take, the end of the chain does
    top_up_worker();
    return;
  }
  classify_again = false;
  // Nothing outstanding: read from the start (a failed batch is retried), unless `fresh` holds
  // everything pending.
  if (!fresh_complete && fresh.empty()) handed_out_to = 0;
  top_up_worker();
}

// Stored revisions, straight from a committed store batch (see `fresh`). Past kFreshMax the
// worker is behind: what is stored from then on waits in the database, read once `fresh` is
// used up (every pending revision between handed_out_to and the end of `fresh` is in it).
void Service::Impl::add_fresh(std::vector<PendingRevision>& stored) {
  if (!fresh_complete) return;
  for (auto& p : stored) fresh.push_back(std::move(p));
  if (fresh.size() > kFreshMax) fresh_complete = false;
}

void Service::Impl::forget_fresh() {
  fresh_complete = false;
  fresh.clear();
}

std::vector<ClassifiedRevision> Service::Impl::next_batch() {
  std::vector<ClassifiedRevision> batch;
  if (fresh.empty() && !fresh_complete) {
    batch = pipeline->pending_batch(kClassifyBatch, handed_out_to);
    // Short: nothing else is pending, and what is stored from now on comes through `fresh`.
    if (batch.size() < kClassifyBatch) fresh_complete = true;
    return batch;
  }
  while (!fresh.empty() && batch.size() < kClassifyBatch) {
    batch.emplace_back().revision = std::move(fresh.front());
    fresh.pop_front();
  }
  return batch;
}

void Service::Impl::top_up_worker() {
  while (on_worker < kWorkerBatches) {
    auto batch = next_batch();
    if (batch.empty()) return;
    handed_out_to = batch.back().revision.revision_id;  // batches are in revision order
    ++on_worker;
    // The worker keeps the pipeline it started with: a reload may replace this loop's.
    auto job = std::make_shared<ClassifyJob>(pipeline, std::move(batch));
    helping.push_back(job);  // this loop's thread takes chunks of it when idle (run_loop)
    asio::post(worker, [this, job] {
      for (;;) {
        const auto took = job->run_chunk(ClassifyJob::kWorkerChunk);
        if (took == ClassifyJob::Took::last) report_classified(job);
        if (took != ClassifyJob::Took::chunk) return;
      }
    });
  }
}

// Any thread: the batch's last chunk is done.
void Service::Impl::report_classified(const std::shared_ptr<ClassifyJob>& job) {
  asio::post(io, [this, job] {
    std::erase(helping, job);  // its revisions go once recorded
    on_classified(job->pipeline, job->batch, job->failure);
  });
}

// This loop's thread, with no handler ready: one chunk of the oldest batch the worker has not
// finished. While fetch results keep this loop busy the worker classifies alone; in the gaps
// (and once everything is stored) both cores do.
bool Service::Impl::help_classify() {
  while (!helping.empty()) {
    const auto job = helping.front();
    const auto took = job->run_chunk();
    if (took == ClassifyJob::Took::nothing) {
      helping.pop_front();
      continue;
    }
    if (took == ClassifyJob::Took::last) report_classified(job);
    return true;
  }
  return false;
}

void Service::Impl::on_classified(std::shared_ptr<Pipeline> p,
                                  std::vector<ClassifiedRevision>& batch,
                                  std::exception_ptr failure) {
  --on_worker;
  // "recording" until the end: a delivery that completes inside record_classified must not
  // end a once cycle while revisions are pending.
  recording = true;
  if (failure) forget_fresh();  // the batch stays pending: read it again from the database
  if (!failure) guarded("classify", [this] { top_up_worker(); });
  bool recorded = false;
  guarded("classify", [&] {
    if (failure) std::rethrow_exception(failure);
    record_classified(*p, batch);
    recorded = true;
  });
  if (!recorded) forget_fresh();
  recording = false;
  // The chain ended, but revisions may have been stored since, or one below it may be left
  // (a failed batch); after a failure, the next stored poll retries.
  if (on_worker == 0 && (recorded || classify_again))
    guarded("classify", [this] { classify_all(); });
  after_work();
}

void Service::Impl::record_classified(Pipeline& p, const std::vector<ClassifiedRevision>& batch) {
  const auto stats = p.record_batch(batch, now_utc());
  spdlog::info("classified {} revisions: {} matches, {} alert deliveries queued", stats.revisions,
               stats.matches, stats.alerts_queued);
  alerts_queued += stats.alerts_queued;
  if (stats.alerts_queued > 0 || options.mode == RunMode::once) kick_delivery();
}

void Service::Impl::kick_delivery() {
  if (delivering) {
    deliver_again = true;
    return;
  }
  delivering = true;
  delivery_timer.cancel();
  sender->deliver_due([this](SenderReport report) {
    delivering = false;
    if (report.delivered + report.retrying + report.failed > 0) {
      spdlog::info("alerts: {} delivered, {} to retry, {} failed", report.delivered,
                   report.retrying, report.failed);
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

void Service::Impl::arm_delivery_timer() {
  if (stopping || options.mode == RunMode::once) return;
  const auto next = store->next_delivery_due();
  if (!next) return;
  delivery_timer.expires_at(std::max(steady_at(*next), SteadyClock::now()));
  delivery_timer.async_wait([this](boost::system::error_code ec) {
    if (!ec) guarded("delivery", [this] { kick_delivery(); });
  });
}

}  // namespace redline
