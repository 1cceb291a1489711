// Time values as redline stores and prints them: whole seconds, UTC, RFC 3339 with a Z.
// Durations in configuration are written like "90s", "10m", "6h", "1d" (or combinations such
// as "1h30m"); a bare number means seconds.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "util/result.h"

namespace redline {

using Timestamp = std::chrono::sys_seconds;

// The current wall-clock time, truncated to seconds.
Timestamp now_utc();

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_rfc3339(Timestamp t);

// Strict RFC 3339 / ISO 8601 reading of redline's own format and its close relatives
// ("2025-03-01", "2025-03-01T10:00", "2025-03-01 10:00:00+01:00"); nullopt when not one.
// Used for command-line dates and the database, not for feeds (feeds/ has its own lenient reader).
std::optional<Timestamp> parse_iso8601(std::string_view text);

// "90s", "10m", "1h30m", "2d", "45" (seconds). Error says what was wrong.
Result<std::chrono::seconds> parse_duration(std::string_view text);

// "1h30m"-style rendering of a duration, for logs.
std::string format_duration(std::chrono::seconds d);

}  // namespace redline
