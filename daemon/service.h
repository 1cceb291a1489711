// The service: one io_context runs everything — the per-feed schedule, the fetches on the curl
// multi, the pipeline after each response, alert delivery, signals (SIGTERM/SIGINT stop,
// SIGHUP reload) and the systemd watchdog. `redline run` runs it until stopped; `redline poll
// --once` runs one cycle over every feed, delivers what is due, and returns.
#pragma once

#include <memory>
#include <string>

#include "config/config.h"

namespace redline {

enum class RunMode { daemon, once };

struct ServiceOptions {
  std::string config_path;
  std::string database_override;  // --db, replaces [storage] database when not empty
  RunMode mode = RunMode::daemon;
};

// Where the database of `config` lives, with $STATE_DIRECTORY applied to relative paths.
std::string resolve_database_path(const Config& config, const std::string& override_path);

class Service {
 public:
  // Opens the store and loads the watchlist; throws (StoreError, std::runtime_error) when the
  // environment is broken.
  Service(Config config, ServiceOptions options);
  ~Service();

  // Runs until stopped (daemon) or until the cycle is done (once); returns the exit code.
  int run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline
