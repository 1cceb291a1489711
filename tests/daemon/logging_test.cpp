// The service's log sink: lines are held and written a block at a time, in order, and nothing
// that matters waits: a warning goes out at once with the lines before it, and a flush or the
// sink's end writes whatever is held.
#include "daemon/logging.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <unistd.h>

#include <memory>
#include <string>

namespace redline {
namespace {

// A pipe whose read end is non-blocking: read_all() returns what the sink has written so far.
struct Pipe {
  int fds[2] = {-1, -1};
  Pipe() {
    EXPECT_EQ(::pipe(fds), 0);
    ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
    ::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
  }
  ~Pipe() {
    ::close(fds[0]);
    if (fds[1] >= 0) ::close(fds[1]);
  }
  std::string read_all() const {
    std::string out;
    char buf[4096];
    for (;;) {
      const ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n <= 0) return out;
      out.append(buf, static_cast<std::size_t>(n));
    }
  }
};

// A logger whose one sink is a BlockSink writing into `pipe`; the sink goes with the logger.
std::shared_ptr<spdlog::logger> logger_on(const Pipe& pipe) {
  auto sink = std::make_shared<BlockSink>(pipe.fds[1]);
  auto logger = std::make_shared<spdlog::logger>("test", std::move(sink));
  logger->set_formatter(std::make_unique<spdlog::pattern_formatter>("%l %v"));
  logger->set_level(spdlog::level::debug);
  logger->flush_on(spdlog::level::warn);
  return logger;
}

TEST(BlockSink, HoldsInfoLinesUntilFlushedAndWritesThemInOrder) {
  Pipe pipe;
  auto log = logger_on(pipe);
  log->info("match strikes action one");
  log->info("match troops rhetoric two");
  EXPECT_EQ(pipe.read_all(), "");
  log->flush();
  EXPECT_EQ(pipe.read_all(), "info match strikes action one\ninfo match troops rhetoric two\n");
  log->flush();  // nothing held: nothing written twice
  EXPECT_EQ(pipe.read_all(), "");
}

TEST(BlockSink, AWarningGoesOutAtOnceWithTheLinesBeforeIt) {
  Pipe pipe;
  auto log = logger_on(pipe);
  log->info("feed a: 50 items");
  log->warn("feed b: HTTP 500");
  EXPECT_EQ(pipe.read_all(), "info feed a: 50 items\nwarning feed b: HTTP 500\n");
  log->error("database: disk full");
  EXPECT_EQ(pipe.read_all(), "error database: disk full\n");
}

TEST(BlockSink, ABlockFullOfLinesIsWrittenWithoutAFlush) {
  Pipe pipe;
  auto log = logger_on(pipe);
  const std::string line(99, 'x');  // "info " + 99 + "\n": 105 bytes a line
  std::size_t logged = 0;
  while (logged < BlockSink::kBlockBytes) {
    log->info(line);
    logged += 105;
  }
  const std::string out = pipe.read_all();
  EXPECT_EQ(out.size(), logged);
  EXPECT_EQ(out.substr(0, 105), "info " + line + "\n");
}

TEST(BlockSink, WhatIsHeldIsWrittenWhenTheSinkGoes) {
  Pipe pipe;
  {
    auto log = logger_on(pipe);
    log->info("SIGTERM: stopping");
  }
  EXPECT_EQ(pipe.read_all(), "info SIGTERM: stopping\n");
}

TEST(BlockSink, AClosedDescriptorLosesTheLinesButNothingElse) {
  Pipe pipe;
  auto log = logger_on(pipe);
  ::close(pipe.fds[1]);
  pipe.fds[1] = -1;
  log->info("nobody reads this");
  EXPECT_NO_THROW(log->flush());
  EXPECT_NO_THROW(log->error("nor this"));
}

}  // namespace
}  // namespace redline
