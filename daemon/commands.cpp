#include "daemon/commands.h"

#include "daemon/logging.h"

#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

namespace redline {

namespace {

struct CommandRow {
  const char* name;
  CommandSetup setup;
};

// Every subcommand, in the order `redline --help` lists them.
const CommandRow kCommands[] = {
    {"run", add_run_command},
    {"poll", add_poll_command},
    {"check-config", add_check_config_command},
    {"history", add_history_command},
    {"status", add_status_command},
    {"diffs", add_diffs_command},
    {"timeline", add_timeline_command},
    {"replay", add_replay_command},
    {"parse", add_parse_command},
    {"classify", add_classify_command},
    {"eval", add_eval_command},
    {"alerts", add_alerts_command},
};

}  // namespace

int run_cli(int argc, char** argv) {
  setup_logging(false);  // stdout is for each command's output; every log line goes to stderr
  CLI::App app{"redline: watches news feeds and alerts when rhetoric turns into reported action"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("redline ") + REDLINE_VERSION);
  std::vector<std::pair<CLI::App*, Action>> actions;
  for (const auto& row : kCommands) {
    (void)row.name;
    const auto before = app.get_subcommands({}).size();
    Action action = row.setup(app);
    const auto subs = app.get_subcommands({});
    if (subs.size() > before) actions.emplace_back(subs.back(), std::move(action));
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? exit_code::ok : exit_code::usage;
  }
  try {
    for (auto& [sub, action] : actions) {
      if (sub->parsed()) return action();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "redline: %s\n", e.what());
    return exit_code::software;
  }
  return exit_code::usage;
}

}  // namespace redline
