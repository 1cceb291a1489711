#include "alerts/backoff.h"

#include <algorithm>

namespace redline {

namespace {
constexpr std::chrono::seconds kMaxDelay{3600};
}  // namespace

std::chrono::seconds retry_delay(int attempts, std::chrono::seconds first) {
  // Past 2^12 any first delay of a second or more passes the cap; stop before overflow.
  const int shift = std::clamp(attempts, 0, 12);
  const auto base = std::clamp(first, std::chrono::seconds{1}, kMaxDelay);
  return std::min(kMaxDelay, std::chrono::seconds{base.count() << shift});
}

std::chrono::seconds jittered_retry_delay(int attempts, std::mt19937_64& rng,
                                          std::chrono::seconds first) {
  std::uniform_real_distribution<double> factor(0.8, 1.2);
  const auto nominal = static_cast<double>(retry_delay(attempts, first).count());
  const auto seconds = static_cast<long long>(nominal * factor(rng));
  return std::clamp(std::chrono::seconds{seconds}, std::chrono::seconds{1}, kMaxDelay);
}

RetryDecision decide_retry(const SendOutcome& outcome, int attempts, Timestamp created_at,
                           std::chrono::seconds retry_for, Timestamp now, std::mt19937_64& rng,
                           std::chrono::seconds first) {
  RetryDecision decision;
  const Timestamp deadline = created_at + retry_for;
  if (outcome.permanent) {
    decision.give_up = true;
    decision.reason = "permanent failure: " + outcome.reply;
    return decision;
  }
  if (now >= deadline) {
    decision.give_up = true;
    decision.reason = "gave up after " + std::to_string(attempts + 1) + " attempts over " +
                      format_duration(retry_for) + ": " + outcome.reply;
    return decision;
  }
  // The last try happens at the deadline itself rather than never.
  decision.next_attempt = std::min(deadline, now + jittered_retry_delay(attempts, rng, first));
  return decision;
}

}  // namespace redline
