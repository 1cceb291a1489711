// Alert payloads shaped like the store's outbox rows, for the alerts tests.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace redline::testing {

inline nlohmann::json sample_alert(const std::string& kind = "new") {
  return {
      {"event_id", 42},
      {"kind", kind},
      {"topic", "strikes"},
      {"stance", "action"},
      {"severity", "critical"},
      {"title", "US drones strike cartel lab near Culiac\xC3\xA1n, officials say"},
      {"link", "https://news.example.org/world/drone-strike-lab"},
      {"feed", "Example Wire"},
      {"published", "2026-11-25T08:00:00Z"},
      {"first_seen", "2026-11-25T08:03:00Z"},
      {"evidence", "drones struck a methamphetamine lab"},
      {"confidence", 0.9},
      {"sources",
       {{"count", 2},
        {"list",
         {{{"feed", "Example Wire"}, {"title", "US drones strike cartel lab"},
           {"link", "https://news.example.org/world/drone-strike-lab"}, {"published", "2026-11-25T08:00:00Z"}},
          {{"feed", "Border Daily"}, {"title", "Strike reported in Sinaloa"},
           {"link", "https://border.example.net/a/1"}, {"published", "2026-11-25T08:10:00Z"}}}}}},
      {"numbers", {{{"value", 1}, {"what", "labs"}}}},
      {"entities", {"Sinaloa"}},
      {"facts", nlohmann::json::array()},
      {"watchlist", "us-mexico"},
  };
}

}  // namespace redline::testing
