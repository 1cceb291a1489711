// run_command / run_redline: a program run to completion with its stdin fed from a string and
// stdout/stderr captured through pipes, under a hard timeout (the process group is killed).
// One poll loop moves all three pipes, so a child that writes a lot before reading its input
// cannot deadlock against us.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "support/process.h"

namespace redline::test {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (::pipe2(fd, O_CLOEXEC) != 0) {
      throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    }
  }
  ~Pipe() { close_both(); }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
  void close_both() { close_end(0), close_end(1); }
};

// Moves data between the pipes until both outputs are closed or the deadline passes.
bool pump(Pipe& in, Pipe& out, Pipe& err, std::string_view input, CommandResult& result,
          Clock::time_point deadline) {
  std::size_t written = 0;
  if (input.empty()) in.close_end(1);
  else ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  while (out.fd[0] >= 0 || err.fd[0] >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p[3] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}};
    if (::poll(p, 3, static_cast<int>(left.count())) < 0 && errno != EINTR) return false;
    Pipe* outputs[2] = {&out, &err};
    std::string* sinks[2] = {&result.out, &result.err};
    for (int i = 0; i < 2; ++i) {
      if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const ssize_t n = ::read(p[i].fd, buf, sizeof buf);
      if (n > 0) sinks[i]->append(buf, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR) outputs[i]->close_end(0);
    }
    if (p[2].fd >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const ssize_t n = ::write(in.fd[1], input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        in.close_end(1);
      }
    }
  }
  return true;
}

}  // namespace

CommandResult run_command(const std::vector<std::string>& argv, const RunOptions& options) {
  // A child that exits before reading its input must not kill us with SIGPIPE.
  static const bool ignore_sigpipe = (::signal(SIGPIPE, SIG_IGN), true);
  (void)ignore_sigpipe;
  Pipe in, out, err;
  const int fds[3] = {in.fd[0], out.fd[1], err.fd[1]};
  const pid_t pid = detail::spawn(argv, options, fds);
  in.close_end(0);
  out.close_end(1);
  err.close_end(1);

  CommandResult result;
  const bool finished = pump(in, out, err, options.stdin_data, result,
                             Clock::now() + options.timeout);
  if (!finished) {
    ::kill(-pid, SIGKILL);
    result.timed_out = true;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) return result;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  return result;
}

CommandResult run_redline(const std::vector<std::string>& args, const RunOptions& options) {
  std::vector<std::string> argv{REDLINE_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, options);
}

}  // namespace redline::test
