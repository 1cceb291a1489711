// When to poll a feed next. Pure functions of the feed's interval, what the last poll said and a
// random source, so the policy is testable without a clock: success waits the interval (or the
// feed's own ttl / max-age when longer: a feed may ask to be polled less often, never more);
// failure backs off exponentially, capped, forever (a feed is never given up on, except 410);
// every wait carries jitter so feeds configured alike do not fire together.
#pragma once

#include <chrono>
#include <optional>
#include <random>

namespace redline {

struct Backoff {
  std::chrono::seconds cap{std::chrono::hours{6}};
  double jitter = 0.1;  // ± this fraction of the wait
};

// Wait after a successful poll (2xx or 304).
std::chrono::seconds wait_after_success(std::chrono::seconds interval,
                                        std::optional<int> ttl_minutes,
                                        std::optional<std::chrono::seconds> max_age,
                                        std::mt19937_64& rng, const Backoff& policy = {});

// Wait after the `failures`-th consecutive failure (1 for the first): min(cap, interval × 2^n)
// with jitter; at least retry_after when the server sent one (429/503).
std::chrono::seconds wait_after_failure(std::chrono::seconds interval, int failures,
                                        std::optional<std::chrono::seconds> retry_after,
                                        std::mt19937_64& rng, const Backoff& policy = {});

// A first poll at start-up is spread over this much of the interval (at most 30 s) so a
// restart does not fire every feed in the same instant.
std::chrono::milliseconds startup_spread(std::chrono::seconds interval, std::mt19937_64& rng);

}  // namespace redline
