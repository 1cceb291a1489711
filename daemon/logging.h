// Logging for a service: one event per line on stderr. Under systemd (JOURNAL_STREAM set) lines
// carry a "<N>" syslog priority prefix and no timestamp, since journald adds its own.
#pragma once

#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/base_sink.h>

#include <mutex>

namespace redline {

// Sets up the default spdlog logger; verbose enables debug lines.
void setup_logging(bool verbose);

// A file descriptor (stderr) written a block of lines at a time: a cold start logs a line for
// every match, tens of thousands, and one write(2) each cost a few per cent of the poll. Lines
// are held until a warning or worse comes (written at once, with what came before it), 64 KiB
// have gathered, a line comes a second or more after the oldest one held, or flush() is called:
// the service flushes whenever its loop runs out of work, and the sink on destruction.
class BlockSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit BlockSink(int fd) : fd_(fd) {}
  ~BlockSink() override;
  static constexpr std::size_t kBlockBytes = 64 * 1024;

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override;

 private:
  int fd_;
  spdlog::memory_buf_t held_;
  spdlog::log_clock::time_point first_held_;
};

}  // namespace redline
