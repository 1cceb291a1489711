#include "util/time.h"

#include <gtest/gtest.h>

#include <ctime>
#include <random>

namespace redline {
namespace {

TEST(Time, FormatsUtcWithZ) {
  const auto t = parse_iso8601("2025-01-20T17:30:05Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2025-01-20T17:30:05Z");
}

// The digits are written by hand; the C library's gmtime/strftime is the reference, over days
// from 1970 to 2400 (leap years, century rules) at random times of day.
TEST(Time, FormatsLikeTheCLibraryAcrossCenturies) {
  std::mt19937_64 rng(20261126);
  std::uniform_int_distribution<std::int64_t> seconds(0, 13569465600);  // 1970 .. 2400
  for (int i = 0; i < 20000; ++i) {
    const std::time_t at = i < 2 ? (i == 0 ? 0 : 951782400 /* 2000-02-29 */) : seconds(rng);
    std::tm tm{};
    ASSERT_NE(gmtime_r(&at, &tm), nullptr);
    char expected[32];
    std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%SZ", &tm);
    EXPECT_EQ(format_rfc3339(Timestamp{std::chrono::seconds{at}}), expected) << at;
  }
}

TEST(Time, FormatsYearsBeyondFourDigitsWithoutTruncating) {
  const Timestamp far{std::chrono::seconds{253402300800}};  // 10000-01-01T00:00:00Z
  EXPECT_EQ(format_rfc3339(far), "10000-01-01T00:00:00Z");
}

TEST(Time, AppliesNumericOffsets) {
  const auto t = parse_iso8601("2025-02-20T10:00:00-06:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2025-02-20T16:00:00Z");
}

TEST(Time, ReadsDateOnly) {
  const auto t = parse_iso8601("2025-02-20");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2025-02-20T00:00:00Z");
}

TEST(Time, RejectsImpossibleDates) {
  EXPECT_FALSE(parse_iso8601("2025-02-30"));
  EXPECT_FALSE(parse_iso8601("yesterday"));
  EXPECT_FALSE(parse_iso8601("2025-01-01T25:00:00Z"));
}

TEST(Duration, ReadsUnitsAndCombinations) {
  EXPECT_EQ(parse_duration("90s")->count(), 90);
  EXPECT_EQ(parse_duration("10m")->count(), 600);
  EXPECT_EQ(parse_duration("1h30m")->count(), 5400);
  EXPECT_EQ(parse_duration("2d")->count(), 172800);
  EXPECT_EQ(parse_duration("45")->count(), 45);
}

TEST(Duration, RejectsGarbageWithAReason) {
  const auto r = parse_duration("10 minutes");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("10 minutes"), std::string::npos);
  EXPECT_FALSE(parse_duration(""));
  EXPECT_FALSE(parse_duration("5x"));
}

TEST(Duration, FormatsCompactly) {
  EXPECT_EQ(format_duration(std::chrono::seconds{5400}), "1h30m");
  EXPECT_EQ(format_duration(std::chrono::seconds{0}), "0s");
}

}  // namespace
}  // namespace redline
