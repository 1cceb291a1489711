#include "util/time.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

TEST(Time, FormatsUtcWithZ) {
  const auto t = parse_iso8601("2025-01-20T17:30:05Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_rfc3339(*t), "2025-01-20T17:30:05Z");
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
