// `redline classify [--watchlist FILE]`: JSON Lines in ({"id", "title", "summary"}), one JSON
// line out per line in ({"id", "matches": [...]}), through the same Classifier::classify the
// daemon uses. A malformed line gives {"id": null, "error": "..."} and the stream goes on.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "daemon/commands.h"
#include "topics/topics.h"

namespace redline {

namespace {

constexpr std::size_t kMaxLineBytes = 1 << 20;

nlohmann::json match_json(const Match& m) {
  nlohmann::json numbers = nlohmann::json::array();
  for (const auto& n : m.numbers) numbers.push_back({{"value", n.value}, {"what", n.what}});
  nlohmann::json facts = nlohmann::json::array();
  for (const auto& f : m.facts) {
    facts.push_back({{"fact", f.fact}, {"value", f.value}, {"add_to_set", f.add_to_set}});
  }
  return {{"topic", m.topic},       {"stance", to_string(m.stance)}, {"confidence", m.confidence},
          {"evidence", m.evidence}, {"numbers", numbers},             {"entities", m.entities},
          {"facts", facts}};
}

std::string text_field(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

nlohmann::json classify_line(const Classifier& c, const std::string& line) {
  if (line.size() > kMaxLineBytes) return {{"id", nullptr}, {"error", "line longer than 1 MiB"}};
  nlohmann::json in;
  try {
    in = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    return {{"id", nullptr}, {"error", std::string("not JSON: ") + e.what()}};
  }
  if (!in.is_object()) return {{"id", nullptr}, {"error", "not a JSON object"}};
  nlohmann::json out;
  out["id"] = in.contains("id") ? in["id"] : nlohmann::json(nullptr);
  try {
    const auto matches = c.classify(text_field(in, "title"), text_field(in, "summary"));
    out["matches"] = nlohmann::json::array();
    for (const auto& m : matches) out["matches"].push_back(match_json(m));
  } catch (const std::invalid_argument& e) {
    return {{"id", nullptr}, {"error", e.what()}};
  }
  return out;
}

}  // namespace

Action add_classify_command(CLI::App& app) {
  auto* sub = app.add_subcommand("classify", "Classify JSON Lines items read from stdin");
  auto path = std::make_shared<std::string>("config/watchlists/us-mexico.toml");
  sub->add_option("--watchlist,-w", *path, "watchlist file")->capture_default_str();
  return [path] {
    const auto w = load_watchlist(*path);
    if (!w) {
      std::fprintf(stderr, "%s\n", w.error().message.c_str());
      return exit_code::config;
    }
    const Classifier c(*w);
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string out = classify_line(c, line).dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace);
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fputc('\n', stdout);
    }
    std::fflush(stdout);
    return exit_code::ok;
  };
}

}  // namespace redline
