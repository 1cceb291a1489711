#include "daemon/schedule.h"

#include <algorithm>
#include <cmath>

namespace redline {

namespace {

std::chrono::seconds with_jitter(std::chrono::seconds wait, double fraction, std::mt19937_64& rng) {
  if (fraction <= 0 || wait.count() <= 1) return wait;
  std::uniform_real_distribution<double> d(1.0 - fraction, 1.0 + fraction);
  const double s = std::max(1.0, std::round(static_cast<double>(wait.count()) * d(rng)));
  return std::chrono::seconds{static_cast<long long>(s)};
}

}  // namespace

std::chrono::seconds wait_after_success(std::chrono::seconds interval,
                                        std::optional<int> ttl_minutes,
                                        std::optional<std::chrono::seconds> max_age,
                                        std::mt19937_64& rng, const Backoff& policy) {
  auto wait = interval;
  // A feed's own hints only lengthen the wait, and never beyond the backoff cap: a feed saying
  // "ttl 10 days" should not silence it for 10 days.
  if (ttl_minutes && *ttl_minutes > 0) {
    wait = std::max(wait, std::min<std::chrono::seconds>(std::chrono::minutes{*ttl_minutes}, policy.cap));
  }
  if (max_age && *max_age > wait) wait = std::min(*max_age, policy.cap);
  return with_jitter(wait, policy.jitter, rng);
}

std::chrono::seconds wait_after_failure(std::chrono::seconds interval, int failures,
                                        std::optional<std::chrono::seconds> retry_after,
                                        std::mt19937_64& rng, const Backoff& policy) {
  const int doublings = std::clamp(failures, 0, 30);
  const double raw = static_cast<double>(interval.count()) * std::pow(2.0, doublings);
  auto wait = std::chrono::seconds{static_cast<long long>(
      std::min(raw, static_cast<double>(policy.cap.count())))};
  wait = std::max(wait, interval);
  wait = with_jitter(wait, policy.jitter, rng);
  if (retry_after) wait = std::max(wait, std::min(*retry_after, std::chrono::seconds{std::chrono::hours{24}}));
  return wait;
}

std::chrono::milliseconds startup_spread(std::chrono::seconds interval, std::mt19937_64& rng) {
  const auto span = std::min<std::chrono::milliseconds>(interval, std::chrono::seconds{30});
  if (span.count() <= 0) return std::chrono::milliseconds{0};
  std::uniform_int_distribution<long long> d(0, span.count() / 4);
  return std::chrono::milliseconds{d(rng)};
}

}  // namespace redline
