#include <spdlog/spdlog.h>

#include <deque>
#include <exception>
#include <set>

#include "alerts/alerts.h"
#include "alerts/backoff.h"
#include "alerts/dispatch.h"
#include "alerts/transport.h"

namespace redline {

// One deliver_due call: its queue, its count of transfers in flight, its report. Held by
// shared_ptr from Impl and weakly from every completion, so a Sender destroyed with transfers in
// flight leaves those completions with nothing to touch.
struct Batch {
  std::deque<Delivery> queue;
  std::size_t in_flight = 0;
  SenderReport report;
  std::function<void(SenderReport)> done;
};

struct Sender::Impl {
  std::unique_ptr<Transport> transport;
  Store& store;
  AlertsConfig config;  // a copy: a reload swaps it in with set_config
  std::function<Timestamp()> clock;
  std::mt19937_64 rng{std::random_device{}()};
  std::set<std::int64_t> in_flight;             // outbox row ids being sent right now
  std::set<std::shared_ptr<Batch>> batches;     // unfinished deliver_due calls
  std::shared_ptr<Impl*> self = std::make_shared<Impl*>(this);  // expires with the Impl

  Impl(std::unique_ptr<Transport> t, Store& s, const AlertsConfig& c, std::function<Timestamp()> clk)
      : transport(std::move(t)), store(s), config(c), clock(std::move(clk)) {}

  void pump(const std::shared_ptr<Batch>& batch);
  void start(const std::shared_ptr<Batch>& batch, Delivery delivery);
  void finish(Batch& batch, const Delivery& delivery, const SendOutcome& outcome);
  void record_failure(Batch& batch, const Delivery& delivery, const SendOutcome& outcome);
};

void Sender::Impl::pump(const std::shared_ptr<Batch>& batch) {
  while (batch->in_flight < kMaxInFlight && !batch->queue.empty()) {
    Delivery next = std::move(batch->queue.front());
    batch->queue.pop_front();
    start(batch, std::move(next));
  }
  if (batch->in_flight == 0 && batch->queue.empty() && batches.erase(batch) > 0) {
    auto done = std::move(batch->done);
    if (done) done(batch->report);
  }
}

void Sender::Impl::start(const std::shared_ptr<Batch>& batch, Delivery delivery) {
  ++batch->in_flight;
  in_flight.insert(delivery.id);
  const DeliveryRequest request{delivery.delivery_id, delivery.event_id, delivery.kind,
                                delivery.sink, delivery.payload};
  std::weak_ptr<Impl*> alive = self;
  std::weak_ptr<Batch> weak_batch = batch;
  dispatch(*transport, config, request, clock(),
           [alive, weak_batch, delivery = std::move(delivery)](SendOutcome outcome) {
             const auto impl = alive.lock();
             const auto b = weak_batch.lock();
             if (!impl || !b) return;  // the Sender is gone; the row stays due and is resent
             Impl& self = **impl;
             self.in_flight.erase(delivery.id);
             --b->in_flight;
             self.finish(*b, delivery, outcome);
             self.pump(b);
           });
}

void Sender::Impl::finish(Batch& batch, const Delivery& delivery, const SendOutcome& outcome) {
  try {
    if (outcome.ok) {
      store.mark_delivered(delivery.id, clock(), outcome.reply);
      ++batch.report.delivered;
      spdlog::info("alerts: {} delivered to {} ({})", delivery.delivery_id, delivery.sink, outcome.reply);
      return;
    }
    record_failure(batch, delivery, outcome);
  } catch (const std::exception& e) {
    // The sink's answer could not be recorded: the row stays due and is sent again, with the same
    // delivery id, which is what receivers dedupe on.
    spdlog::error("alerts: cannot record the outcome of {} ({}): {}", delivery.delivery_id,
                  outcome.reply, e.what());
  }
}

void Sender::Impl::record_failure(Batch& batch, const Delivery& delivery, const SendOutcome& outcome) {
  const Timestamp now = clock();
  const RetryDecision decision =
      decide_retry(outcome, delivery.attempts, delivery.created_at, config.retry_for, now, rng,
                   config.retry_initial);
  if (decision.give_up) {
    store.mark_failed(delivery.id, now, decision.reason);
    ++batch.report.failed;
    spdlog::error("alerts: DELIVERY FAILED: {} to sink {} ({} alert, event {}): {}",
                  delivery.delivery_id, delivery.sink, delivery.kind, delivery.event_id, decision.reason);
    return;
  }
  store.mark_retry(delivery.id, now, outcome.reply, decision.next_attempt);
  ++batch.report.retrying;
  spdlog::warn("alerts: {} to {} failed ({}), attempt {}; retrying at {}", delivery.delivery_id,
               delivery.sink, outcome.reply, delivery.attempts + 1,
               format_rfc3339(decision.next_attempt));
}

Sender::Sender(std::unique_ptr<Transport> transport, Store& store, const AlertsConfig& config,
               std::function<Timestamp()> clock)
    : impl_(std::make_unique<Impl>(std::move(transport), store, config, std::move(clock))) {}

Sender::~Sender() = default;

void Sender::deliver_due(std::function<void(SenderReport)> done, std::size_t limit) {
  auto batch = std::make_shared<Batch>();
  batch->done = std::move(done);
  for (auto& d : impl_->store.due_deliveries(impl_->clock(), limit)) {
    if (impl_->in_flight.count(d.id) == 0) batch->queue.push_back(std::move(d));
  }
  impl_->batches.insert(batch);
  impl_->pump(batch);
}

void Sender::set_config(const AlertsConfig& config) { impl_->config = config; }

void Sender::send_test(std::function<void(std::vector<std::pair<std::string, SendOutcome>>)> done) {
  send_test_alerts(*impl_->transport, impl_->config, impl_->clock(), std::move(done));
}

}  // namespace redline
