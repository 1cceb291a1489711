// An in-memory outbox behind the Store interface (only the outbox part; the rest throws), and a
// transport that records what the sender asks for and answers when the test says so. Together
// they test the sender's bookkeeping without a network or a database; the loopback tests do the
// same against real servers.
#pragma once

#include <deque>
#include <map>
#include <stdexcept>

#include "alerts/alerts.h"
#include "alerts/transport.h"

namespace redline::testing {

class FakeOutbox : public Store {
 public:
  std::int64_t add(const std::string& sink, const std::string& kind, const std::string& payload,
                   Timestamp created, std::int64_t alert_id) {
    Delivery d;
    d.id = next_id_++;
    d.alert_id = alert_id;
    d.event_id = 42;
    d.delivery_id = "rl-" + std::to_string(alert_id) + "-" + sink;
    d.sink = sink;
    d.kind = kind;
    d.status = "pending";
    d.payload = payload;
    d.created_at = created;
    d.next_attempt = created;
    rows_[d.id] = d;
    return d.id;
  }
  const Delivery& row(std::int64_t id) const { return rows_.at(id); }
  int mark_delivered_calls = 0;

  std::int64_t enqueue_test_alert(const std::string& sink, const std::string& payload, Timestamp now) override {
    return add(sink, "test", payload, now, 1000 + next_id_);
  }
  std::vector<Delivery> due_deliveries(Timestamp now, std::size_t limit) override {
    std::vector<Delivery> due;
    for (const auto& [id, d] : rows_) {
      if (d.status == "pending" && d.next_attempt && *d.next_attempt <= now && due.size() < limit) {
        due.push_back(d);
      }
    }
    return due;
  }
  std::optional<Timestamp> next_delivery_due() override {
    std::optional<Timestamp> next;
    for (const auto& [id, d] : rows_) {
      if (d.status == "pending" && (!next || *d.next_attempt < *next)) next = d.next_attempt;
    }
    return next;
  }
  void mark_delivered(std::int64_t id, Timestamp at, const std::string& reply) override {
    ++mark_delivered_calls;
    auto& d = rows_.at(id);
    d.status = "delivered";
    d.delivered_at = at;
    d.last_error = reply;
    ++d.attempts;
  }
  void mark_retry(std::int64_t id, Timestamp, const std::string& error, Timestamp next) override {
    auto& d = rows_.at(id);
    d.last_error = error;
    d.next_attempt = next;
    ++d.attempts;
  }
  void mark_failed(std::int64_t id, Timestamp, const std::string& error) override {
    auto& d = rows_.at(id);
    d.status = "failed";
    d.last_error = error;
    ++d.attempts;
  }
  std::vector<Delivery> deliveries(std::optional<std::string> status, std::size_t) override {
    std::vector<Delivery> out;
    for (const auto& [id, d] : rows_) {
      if (!status || d.status == *status) out.push_back(d);
    }
    return out;
  }

  // Not the outbox: the sender never calls these.
  FeedRecord ensure_feed(const std::string&, const std::string&) override { throw unused(); }
  std::vector<FeedRecord> feeds() override { throw unused(); }
  void adopt_redirect(std::int64_t, const std::string&) override { throw unused(); }
  IngestResult record_poll(std::int64_t, const PollSuccess&, const std::vector<Item>&,
                           const std::vector<ItemIdentity>&) override {
    throw unused();
  }
  void record_not_modified(std::int64_t, Timestamp, Timestamp) override { throw unused(); }
  void record_failure(std::int64_t, Timestamp, const std::string&, Timestamp, bool) override { throw unused(); }
  std::vector<PendingRevision> pending_classification(std::size_t, std::int64_t) override {
    throw unused();
  }
  ClassificationOutcome record_classification(const ClassifiedRevision&, const AlertPolicy&, Timestamp) override {
    throw unused();
  }
  ClassificationOutcome record_classifications(const std::vector<ClassifiedRevision>&, const AlertPolicy&,
                                               Timestamp) override {
    throw unused();
  }
  void seed_baselines(const std::vector<FactBaseline>&, Timestamp) override { throw unused(); }
  std::vector<HistoryItem> history(const HistoryQuery&) override { throw unused(); }
  std::vector<FactChange> fact_changes(std::optional<std::string>) override { throw unused(); }
  std::vector<RevisionDiff> revision_diffs(std::optional<std::string>, std::size_t) override { throw unused(); }
  std::vector<EventRecord> events(std::optional<std::string>, std::optional<Timestamp>) override { throw unused(); }
  std::vector<FactValue> current_facts() override { throw unused(); }
  bool integrity_ok() override { return true; }

 private:
  static std::logic_error unused() { return std::logic_error("not part of the outbox"); }
  std::map<std::int64_t, Delivery> rows_;
  std::int64_t next_id_ = 1;
};

// Records every send; the test answers them (in order) with reply().
class ScriptedTransport : public Transport {
 public:
  struct Sent {
    std::string sink;
    std::string kind;  // "webhook" or "mail"
    WebhookRequest webhook;
    std::string mail;
    Done done;
  };

  void post_webhook(const WebhookConfig& sink, WebhookRequest request, Done done) override {
    sent.push_back(Sent{sink.name, "webhook", std::move(request), "", std::move(done)});
    ++pending;
  }
  void send_mail(const EmailConfig& sink, std::string message, Done done) override {
    sent.push_back(Sent{sink.name, "mail", {}, std::move(message), std::move(done)});
    ++pending;
  }
  // Answers the oldest unanswered send.
  void reply(SendOutcome outcome) {
    for (auto& s : sent) {
      if (s.done) {
        --pending;
        std::exchange(s.done, nullptr)(std::move(outcome));
        return;
      }
    }
    throw std::logic_error("nothing to answer");
  }

  std::deque<Sent> sent;
  int pending = 0;
};

}  // namespace redline::testing
