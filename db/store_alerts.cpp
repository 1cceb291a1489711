// The consequences of a match: tracked facts it changes, and the alert rows (one alert, one
// delivery per sink) written in the same transaction as the match.
#include <algorithm>
#include <cctype>

#include "db/names.h"
#include "db/sqlite_store.h"
#include "db/store_internal.h"

namespace redline {

namespace {

bool same_member(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

std::string trim_copy(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The fact's value after the update, or nullopt when the update changes nothing.
std::optional<std::string> updated_fact(const std::string& current, const FactUpdate& update) {
  const std::string value = trim_copy(update.value);
  if (value.empty()) return std::nullopt;
  if (!update.add_to_set) {
    if (value == current) return std::nullopt;
    return value;
  }
  auto members = split_fact_set(current);
  for (const auto& m : members)
    if (same_member(m, value)) return std::nullopt;
  members.push_back(value);
  return join_fact_set(members);
}

}  // namespace

nlohmann::json SqliteStore::apply_fact_updates(const RevisionState& revision, const Match& match,
                                               Timestamp now, ClassificationOutcome& outcome) {
  auto changes = nlohmann::json::array();
  for (const auto& update : match.facts) {
    std::string current;
    {
      sqlite::Query q(classify_sql_.get_fact);
      q.bind(1, match.topic).bind(2, update.fact);
      if (q.step()) current = q.text(0);
    }
    const auto next = updated_fact(current, update);
    if (!next) continue;
    sqlite::Query(classify_sql_.put_fact)
        .bind(1, match.topic).bind(2, update.fact).bind(3, *next).bind(4, now).run();
    sqlite::Query(classify_sql_.insert_fact_change)
        .bind(1, match.topic)
        .bind(2, update.fact)
        .bind(3, current)
        .bind(4, *next)
        .bind(5, now)
        .bind(6, revision.item_id)
        .bind(7, revision.revision_id)
        .run();
    ++outcome.fact_changes;
    changes.push_back({{"fact", update.fact}, {"old", current}, {"new", *next}});
  }
  return changes;
}

nlohmann::json SqliteStore::alert_payload(const RevisionState& revision, const Match& match,
                                          const EventState& event, const char* kind,
                                          const AlertPolicy& policy, nlohmann::json facts) {
  auto sources = nlohmann::json::array();
  {
    sqlite::Query q(classify_sql_.sources_of_event);
    q.bind(1, event.id);
    while (q.step()) {
      const auto published = q.time(3);
      sources.push_back({{"feed", q.text(0)},
                         {"title", q.text(1)},
                         {"link", q.text(2)},
                         {"published", published ? nlohmann::json(format_rfc3339(*published))
                                                 : nlohmann::json(nullptr)}});
    }
  }
  const bool about_event = std::string_view(kind) != "fact";
  nlohmann::json p;
  p["event_id"] = event.id;
  p["kind"] = kind;
  p["topic"] = match.topic;
  p["stance"] = about_event ? event.stance : std::string(stance_name(match.stance));
  p["severity"] = severity_name(topic_info(policy, match.topic).severity);
  p["title"] = revision.title;
  p["event_title"] = event.title;
  p["link"] = revision.link;
  p["feed"] = revision.feed_name;
  p["published"] = revision.published ? nlohmann::json(format_rfc3339(*revision.published))
                                      : nlohmann::json(nullptr);
  p["first_seen"] = format_rfc3339(event.first_seen);
  p["evidence"] = match.evidence;
  p["confidence"] = match.confidence;
  p["sources"] = {{"count", event.sources}, {"list", std::move(sources)}};
  p["numbers"] = numbers_json(match.numbers);
  p["entities"] = match.entities;
  p["facts"] = std::move(facts);
  p["watchlist"] = policy.watchlist;
  return p;
}

std::vector<std::int64_t> SqliteStore::queue_alert(std::optional<std::int64_t> event_id,
                                                   std::optional<std::int64_t> revision_id,
                                                   const char* kind, const std::string& payload,
                                                   const std::vector<std::string>& sinks,
                                                   Timestamp now) {
  // Deliveries in the outbox: on disk before anything is sent. An alert with no sink to go to
  // sends nothing: a power cut may undo it with the rest of its transaction (a batch of
  // classifications is then made again from the revisions still pending).
  if (!sinks.empty()) db_.require_durable_commit();
  {
    sqlite::Query q(classify_sql_.insert_alert);
    if (event_id) q.bind(1, *event_id);
    if (revision_id) q.bind(3, *revision_id);
    q.bind(2, kind).bind(4, payload).bind(5, now).run();
  }
  const std::int64_t alert_id = db_.last_insert_rowid();
  std::vector<std::int64_t> deliveries;
  for (const auto& sink : sinks) {
    sqlite::Query(classify_sql_.insert_delivery)
        .bind(1, alert_id)
        .bind(2, sink)
        .bind(3, "rl-" + std::to_string(alert_id) + "-" + sink)
        .bind(4, now)
        .run();
    deliveries.push_back(db_.last_insert_rowid());
  }
  return deliveries;
}

std::int64_t SqliteStore::enqueue_test_alert(const std::string& sink, const std::string& payload,
                                             Timestamp now) {
  sqlite::Transaction tx(db_);
  const auto ids = queue_alert(std::nullopt, std::nullopt, "test", payload, {sink}, now);
  tx.commit();
  return ids.front();
}

}  // namespace redline
