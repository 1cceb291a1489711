// redline's configuration: one TOML file (config/redline.toml is the annotated default), read
// once into typed structs and validated as a whole. Every error names the file and line; unknown
// keys are errors, so a typo never silently means "default". A reload builds a new Config and
// swaps it in only when it is valid.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "net/safety.h"
#include "util/result.h"

namespace redline {

struct StorageConfig {
  // Path of the SQLite database. Relative paths resolve against $STATE_DIRECTORY when systemd
  // sets it, else the current directory. Default "state/redline.db".
  std::string database;
};

struct FeedConfig {
  std::string name;
  std::string url;  // http or https
  std::chrono::seconds interval{std::chrono::minutes{10}};
  bool allow_private = false;  // allow loopback/private addresses (tests, intranet feeds)
  std::string ca_file;
  int line = 0;  // where it was declared, for messages
};

struct WebhookConfig {
  std::string name;  // sink name; default "webhook-N"
  std::string url;
  std::string secret;  // resolved: from `secret`, `secret_env` or `secret_file`
  std::string format = "json";  // "json", "slack" or "discord"
  bool allow_private = false;
  int line = 0;
};

struct EmailConfig {
  std::string name;  // sink name; default "email-N"
  std::string smtp;  // smtp://host:port or smtps://host:port
  std::string from;
  std::vector<std::string> to;
  std::string username;
  std::string password;  // resolved from password_env or password_file; never logged
  bool require_tls = true;  // STARTTLS required when not on loopback
  bool allow_private = false;
  int line = 0;
};

struct AlertsConfig {
  std::vector<WebhookConfig> webhooks;
  std::vector<EmailConfig> emails;
  std::chrono::seconds backlog_window{std::chrono::hours{48}};  // older items never alert
  std::chrono::seconds retry_for{std::chrono::hours{24}};  // then a delivery is marked failed
  int update_at_sources = 2;
};

struct LimitsConfig {
  net::TransferLimits transfer;
  int max_concurrent = 16;  // transfers in flight, all feeds
  int max_per_host = 2;     // transfers in flight to one host
  std::size_t max_items = 2000;  // items kept from one feed document
};

struct WatchlistConfig {
  std::string file;  // relative paths resolve against the configuration file's folder
};

struct Config {
  std::string path;  // the file it came from
  StorageConfig storage;
  std::vector<FeedConfig> feeds;
  AlertsConfig alerts;
  LimitsConfig limits;
  WatchlistConfig watchlist;
};

// The shipped watchlist: config/watchlists/us-mexico.toml under the current folder (a source
// checkout), else the installed /etc/redline/watchlists/us-mexico.toml.
std::string default_watchlist_path();

// Reads and validates a configuration file. Error message: "FILE:LINE: reason".
Result<Config> load_config(const std::string& path);

// Same from text; `path` is used in messages and to resolve relative paths.
Result<Config> parse_config(std::string_view toml_text, const std::string& path);

}  // namespace redline
