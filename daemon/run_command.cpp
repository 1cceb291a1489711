// `redline run` (the daemon, foreground) and `redline poll --once` (one cycle, then exit).
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "config/config.h"
#include "daemon/commands.h"
#include "daemon/logging.h"
#include "daemon/service.h"
#include "db/store.h"

namespace redline {

namespace {

struct RunArgs {
  std::string config = "config/redline.toml";
  std::string db;
  bool once = false;
  bool verbose = false;
};

void add_common(CLI::App* sub, RunArgs& args) {
  sub->add_option("--config,-c", args.config, "configuration file")->capture_default_str();
  sub->add_option("--db", args.db, "database path (overrides [storage] database)");
  sub->add_flag("--verbose,-v", args.verbose, "log debug lines too");
}

int run_service(const RunArgs& args, RunMode mode) {
  setup_logging(args.verbose);
  auto config = load_config(args.config);
  if (!config) {
    std::fprintf(stderr, "%s\n", config.error().message.c_str());
    return exit_code::config;
  }
  try {
    Service service(std::move(*config), ServiceOptions{args.config, args.db, mode});
    return service.run();
  } catch (const StoreError& e) {
    spdlog::critical("database: {}", e.what());
    return exit_code::cant_create;
  } catch (const std::runtime_error& e) {
    // The watchlist failed to load ("FILE:LINE: reason") or the environment is broken.
    spdlog::critical("{}", e.what());
    return exit_code::config;
  }
}

}  // namespace

Action add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  auto* sub = app.add_subcommand("run", "Run the monitoring daemon in the foreground");
  add_common(sub, *args);
  return [args] { return run_service(*args, RunMode::daemon); };
}

Action add_poll_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  auto* sub = app.add_subcommand("poll", "Poll every feed once, deliver alerts, and exit");
  add_common(sub, *args);
  sub->add_flag("--once", args->once, "one cycle over every feed (the only mode; for clarity)");
  return [args] { return run_service(*args, RunMode::once); };
}

}  // namespace redline
