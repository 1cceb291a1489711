#include "daemon/logging.h"

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>

namespace redline {

namespace {

// "%*" in a pattern: the sd-daemon(3) priority prefix for the record's level.
class PriorityFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    static constexpr const char* kPrefix[] = {"<7>", "<7>", "<6>", "<4>", "<3>", "<2>", "<6>"};
    const auto level = static_cast<std::size_t>(msg.level);
    const char* p = kPrefix[level < 7 ? level : 6];
    dest.append(p, p + 3);
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return spdlog::details::make_unique<PriorityFlag>();
  }
};

}  // namespace

BlockSink::~BlockSink() {
  const std::lock_guard lock(mutex_);
  flush_();
}

void BlockSink::sink_it_(const spdlog::details::log_msg& msg) {
  if (held_.size() == 0) first_held_ = msg.time;
  formatter_->format(msg, held_);
  if (msg.level >= spdlog::level::warn || held_.size() >= kBlockBytes ||
      msg.time - first_held_ >= std::chrono::seconds(1))
    flush_();
}

void BlockSink::flush_() {
  const char* p = held_.data();
  std::size_t left = held_.size();
  while (left > 0) {
    const ssize_t n = ::write(fd_, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // a closed or broken stderr: the lines cannot go anywhere
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  held_.clear();
}

void setup_logging(bool verbose) {
  auto logger = std::make_shared<spdlog::logger>("redline", std::make_shared<BlockSink>(STDERR_FILENO));
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  const char* journal = std::getenv("JOURNAL_STREAM");
  if (journal && *journal) {
    formatter->add_flag<PriorityFlag>('*').set_pattern("%*%v");
  } else {
    formatter->set_pattern("%Y-%m-%dT%H:%M:%S%z %l %v");
  }
  logger->set_formatter(std::move(formatter));
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(std::move(logger));
}

}  // namespace redline
