// Child processes for tests: loopback servers (tests/support/*.py) and build/redline itself.
//
// ChildProcess starts a program in its own process group with stdout and stderr going to files
// (so a chatty child can never block on a full pipe), lets the test wait for output with a
// timeout, and in its destructor kills the whole group (SIGTERM, then SIGKILL after a grace
// period) and reaps it. Children also die with the test binary (PR_SET_PDEATHSIG). run_command
// runs a program to completion with stdin fed from a string and a hard timeout.
//
// Everything here throws std::runtime_error when the environment is broken (fork fails, the
// program does not exist, a server never prints its port); test outcomes are return values.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace redline::test {

struct ProcessOptions {
  std::vector<std::pair<std::string, std::string>> env;  // set (or override) in the child
  std::vector<std::string> unset_env;                     // removed from the child's environment
  std::string cwd;                                        // working directory, or inherit
};

class ChildProcess {
 public:
  // argv[0] is looked up on PATH when it has no slash.
  explicit ChildProcess(std::vector<std::string> argv, ProcessOptions options = {});
  ~ChildProcess();  // stop(): the whole process group, then reap
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }

  // Output so far (the files the child writes to).
  std::string stdout_text() const;
  std::string stderr_text() const;

  // Waits until stdout / stderr contains `needle`; false on timeout or when the child exits
  // first (its last output is still readable).
  bool wait_for_stdout(std::string_view needle, std::chrono::milliseconds timeout);
  bool wait_for_stderr(std::string_view needle, std::chrono::milliseconds timeout);

  // The first complete line of stdout (without "\n"); nullopt on timeout or early exit.
  std::optional<std::string> first_stdout_line(std::chrono::milliseconds timeout);

  // Sends `sig` to the child only (not its group), e.g. SIGTERM or SIGHUP to a daemon.
  void signal(int sig);

  // Waits for the child to exit: its exit code, 128 + signal number when killed by a signal,
  // nullopt on timeout (the child keeps running).
  std::optional<int> wait(std::chrono::milliseconds timeout);

  // True until the child has exited (reaps it when it has).
  bool running();

  // SIGTERM to the process group, `grace` to exit, then SIGKILL; returns the exit status as
  // wait() does. Idempotent.
  int stop(std::chrono::milliseconds grace = std::chrono::milliseconds(3000));

 private:
  bool wait_for(const std::string& path, std::string_view needle,
                std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  std::optional<int> status_;  // exit status once reaped
  std::string dir_;            // temporary folder holding the output files
  std::string stdout_path_;
  std::string stderr_path_;
};

struct CommandResult {
  int exit_code = -1;  // 128 + signal when killed by a signal; -1 on timeout
  bool timed_out = false;
  std::string out;
  std::string err;
};

struct RunOptions : ProcessOptions {
  std::string stdin_data;  // written to the child's stdin, which is then closed
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
};

// Runs argv to completion (killing its process group on timeout) and captures its output.
CommandResult run_command(const std::vector<std::string>& argv, const RunOptions& options = {});

// run_command with REDLINE_BIN (build/redline) as argv[0].
CommandResult run_redline(const std::vector<std::string>& args, const RunOptions& options = {});

// A fresh folder under $TMPDIR (or /tmp), removed with its contents in the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name
  std::string file(std::string_view name) const;
  // Writes `content` to file(name), creating parent folders; returns the full path.
  std::string write(std::string_view name, std::string_view content) const;

 private:
  std::string path_;
};

namespace detail {
// fork + exec in a new process group that dies with us; fds[0..2] become the child's stdin,
// stdout and stderr; no other descriptor is inherited. Throws if the program cannot run.
pid_t spawn(std::vector<std::string> argv, const ProcessOptions& options, const int fds[3]);
}  // namespace detail

// Reads a whole file ("" when it does not exist).
std::string read_file(const std::string& path);

}  // namespace redline::test
