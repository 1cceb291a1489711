// The outbox side the sender uses: which deliveries are due, and what each attempt came to.
// A delivery leaves "pending" exactly once, for "delivered" or "failed".
#include "db/sqlite_store.h"

namespace redline {

namespace {

constexpr const char* kDeliveryColumns =
    "SELECT d.id, d.alert_id, a.event_id, d.delivery_id, d.sink, a.kind, d.status, a.payload, "
    "d.attempts, d.created_at, d.next_attempt, d.delivered_at, d.last_error "
    "FROM deliveries d JOIN alerts a ON a.id = d.alert_id ";

std::string delivery_sql(const char* tail) { return std::string(kDeliveryColumns) + tail; }

}  // namespace

SqliteStore::OutboxSql::OutboxSql(sqlite::Connection& db)
    : due(db, delivery_sql("WHERE d.status = 'pending' AND d.next_attempt <= ?1 "
                           "ORDER BY d.next_attempt, d.id LIMIT ?2")
                  .c_str()),
      next_due(db, "SELECT MIN(next_attempt) FROM deliveries WHERE status = 'pending'"),
      delivered(db,
                "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, "
                "last_attempt = ?2, delivered_at = ?2, reply = ?3, next_attempt = NULL "
                "WHERE id = ?1 AND status = 'pending'"),
      retry(db,
            "UPDATE deliveries SET attempts = attempts + 1, last_attempt = ?2, last_error = ?3, "
            "next_attempt = ?4 WHERE id = ?1 AND status = 'pending'"),
      failed(db,
             "UPDATE deliveries SET status = 'failed', attempts = attempts + 1, "
             "last_attempt = ?2, last_error = ?3, next_attempt = NULL "
             "WHERE id = ?1 AND status = 'pending'"),
      by_status(db, delivery_sql("WHERE d.status = ?1 ORDER BY d.id DESC LIMIT ?2").c_str()),
      all(db, delivery_sql("ORDER BY d.id DESC LIMIT ?1").c_str()) {}

std::vector<Delivery> SqliteStore::read_deliveries(sqlite::Query& q) {
  std::vector<Delivery> out;
  while (q.step()) {
    Delivery d;
    d.id = q.int64(0);
    d.alert_id = q.int64(1);
    d.event_id = q.int64(2);
    d.delivery_id = q.text(3);
    d.sink = q.text(4);
    d.kind = q.text(5);
    d.status = q.text(6);
    d.payload = q.text(7);
    d.attempts = q.integer(8);
    d.created_at = q.time_or_epoch(9);
    d.next_attempt = q.time(10);
    d.delivered_at = q.time(11);
    d.last_error = q.text(12);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Delivery> SqliteStore::due_deliveries(Timestamp now, std::size_t limit) {
  sqlite::Query q(outbox_sql_.due);
  q.bind(1, now).bind(2, static_cast<std::int64_t>(limit));
  return read_deliveries(q);
}

std::optional<Timestamp> SqliteStore::next_delivery_due() {
  sqlite::Query q(outbox_sql_.next_due);
  return q.step() ? q.time(0) : std::nullopt;
}

void SqliteStore::mark_delivered(std::int64_t id, Timestamp at, const std::string& reply) {
  sqlite::Query(outbox_sql_.delivered).bind(1, id).bind(2, at).bind(3, reply).run();
}

void SqliteStore::mark_retry(std::int64_t id, Timestamp at, const std::string& error,
                             Timestamp next_attempt) {
  sqlite::Query(outbox_sql_.retry).bind(1, id).bind(2, at).bind(3, error).bind(4, next_attempt).run();
}

void SqliteStore::mark_failed(std::int64_t id, Timestamp at, const std::string& error) {
  sqlite::Query(outbox_sql_.failed).bind(1, id).bind(2, at).bind(3, error).run();
}

std::vector<Delivery> SqliteStore::deliveries(std::optional<std::string> status,
                                              std::size_t limit) {
  const auto n = static_cast<std::int64_t>(limit);
  if (status) {
    sqlite::Query q(outbox_sql_.by_status);
    q.bind(1, *status).bind(2, n);
    return read_deliveries(q);
  }
  sqlite::Query q(outbox_sql_.all);
  q.bind(1, n);
  return read_deliveries(q);
}

}  // namespace redline
