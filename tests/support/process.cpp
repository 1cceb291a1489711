// Child processes for tests; see process.h. POSIX fork/exec: the child gets its own process
// group (so the whole tree can be killed), dies with its parent, and inherits no descriptor but
// stdin/stdout/stderr. Everything the child does between fork and exec is async-signal-safe:
// argv and the environment are prepared before fork.
#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace redline::test {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + std::strerror(errno));
}

std::vector<std::string> child_environment(const ProcessOptions& options) {
  std::vector<std::string> env;
  auto overridden = [&](std::string_view entry) {
    const std::string_view name = entry.substr(0, entry.find('='));
    for (const auto& u : options.unset_env) if (u == name) return true;
    for (const auto& [k, v] : options.env) if (k == name) return true;
    return false;
  };
  for (char** e = environ; *e; ++e) {
    if (!overridden(*e)) env.emplace_back(*e);
  }
  for (const auto& [k, v] : options.env) env.push_back(k + "=" + v);
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

pid_t detail::spawn(std::vector<std::string> argv, const ProcessOptions& options, const int fds[3]) {
  if (argv.empty()) throw std::runtime_error("spawn: empty argv");
  std::vector<std::string> env = child_environment(options);
  std::vector<char*> argp = pointers(argv);
  std::vector<char*> envp = pointers(env);
  int report[2];  // exec failure -> errno to the parent; closed by a successful exec
  if (::pipe2(report, O_CLOEXEC) != 0) fail("pipe2");
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) fail("fork");
  if (pid == 0) {
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::signal(SIGPIPE, SIG_DFL);
    for (int i = 0; i < 3; ++i) ::dup2(fds[i], i);
    const int keep = report[1] > 2 ? report[1] : 3;
    ::close_range(3, keep - 1, 0);
    ::close_range(keep + 1, ~0U, 0);
    int err = 0;
    if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) err = errno;
    if (err == 0) {
      ::execvpe(argp[0], argp.data(), envp.data());
      err = errno;
    }
    [[maybe_unused]] auto n = ::write(report[1], &err, sizeof err);
    ::_exit(127);
  }
  ::close(report[1]);
  int err = 0;
  ssize_t n;
  do {
    n = ::read(report[0], &err, sizeof err);
  } while (n < 0 && errno == EINTR);
  ::close(report[0]);
  if (n == sizeof err) {
    ::waitpid(pid, nullptr, 0);
    errno = err;
    fail("cannot run " + argv[0]);
  }
  return pid;
}

namespace {

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::string make_temp_dir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/redline-test-XXXXXX";
  if (!::mkdtemp(pattern.data())) fail("mkdtemp");
  return pattern;
}

int open_output(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) fail("open " + path);
  return fd;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

ChildProcess::ChildProcess(std::vector<std::string> argv, ProcessOptions options)
    : dir_(make_temp_dir()), stdout_path_(dir_ + "/stdout"), stderr_path_(dir_ + "/stderr") {
  const int null_in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int fds[3] = {null_in, open_output(stdout_path_), open_output(stderr_path_)};
  try {
    pid_ = detail::spawn(std::move(argv), options, fds);
  } catch (...) {
    for (int fd : fds) ::close(fd);
    std::filesystem::remove_all(dir_);
    throw;
  }
  for (int fd : fds) ::close(fd);
}

ChildProcess::~ChildProcess() {
  stop();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string ChildProcess::stdout_text() const { return read_file(stdout_path_); }
std::string ChildProcess::stderr_text() const { return read_file(stderr_path_); }

bool ChildProcess::wait_for(const std::string& path, std::string_view needle,
                            std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    if (read_file(path).find(needle) != std::string::npos) return true;
    if (!running()) return read_file(path).find(needle) != std::string::npos;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

bool ChildProcess::wait_for_stdout(std::string_view needle, std::chrono::milliseconds timeout) {
  return wait_for(stdout_path_, needle, timeout);
}

bool ChildProcess::wait_for_stderr(std::string_view needle, std::chrono::milliseconds timeout) {
  return wait_for(stderr_path_, needle, timeout);
}

std::optional<std::string> ChildProcess::first_stdout_line(std::chrono::milliseconds timeout) {
  if (!wait_for_stdout("\n", timeout)) return std::nullopt;
  const std::string text = stdout_text();
  return text.substr(0, text.find('\n'));
}

void ChildProcess::signal(int sig) {
  if (!status_) ::kill(pid_, sig);
}

bool ChildProcess::running() {
  if (status_) return false;
  int status = 0;
  const pid_t r = ::waitpid(pid_, &status, WNOHANG);
  if (r == pid_) status_ = decode_status(status);
  else if (r < 0 && errno == ECHILD) status_ = -1;
  return !status_;
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (running()) {
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return status_;
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
  if (pid_ <= 0) return -1;
  if (running()) {
    ::kill(-pid_, SIGTERM);
    if (!wait(grace)) {
      ::kill(-pid_, SIGKILL);
      int status = 0;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      status_ = decode_status(status);
    }
  }
  return *status_;
}

TempDir::TempDir() : path_(make_temp_dir()) {}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::file(std::string_view name) const { return path_ + "/" + std::string(name); }

std::string TempDir::write(std::string_view name, std::string_view content) const {
  const std::string path = file(name);
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
  return path;
}

}  // namespace redline::test
