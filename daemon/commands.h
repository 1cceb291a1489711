// The command table: every `redline SUBCOMMAND` is one row, added by one function that declares
// the subcommand's options on CLI11 and returns what to run once they are parsed. Exit codes
// follow sysexits(3) so scripts and systemd can tell a bad config (78) from bad input (65).
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace redline {

namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int failure = 1;  // the command ran and found a problem (e.g. failed feeds)
inline constexpr int usage = 64;
inline constexpr int data_error = 65;
inline constexpr int no_input = 66;
inline constexpr int unavailable = 69;
inline constexpr int software = 70;
inline constexpr int cant_create = 73;
inline constexpr int io_error = 74;
inline constexpr int temp_fail = 75;
inline constexpr int config = 78;
}  // namespace exit_code

// What a subcommand runs after its options are parsed; returns the process exit code.
using Action = std::function<int()>;

// Adds one subcommand to `app` and returns its action (called only if that subcommand was given).
using CommandSetup = Action (*)(CLI::App& app);

Action add_check_config_command(CLI::App& app);
Action add_run_command(CLI::App& app);
Action add_poll_command(CLI::App& app);
Action add_history_command(CLI::App& app);
Action add_status_command(CLI::App& app);
Action add_diffs_command(CLI::App& app);
Action add_timeline_command(CLI::App& app);
Action add_replay_command(CLI::App& app);
Action add_parse_command(CLI::App& app);
Action add_classify_command(CLI::App& app);
Action add_eval_command(CLI::App& app);
Action add_alerts_command(CLI::App& app);

// Parses argv, runs the chosen subcommand, maps exceptions to exit codes.
int run_cli(int argc, char** argv);

}  // namespace redline
