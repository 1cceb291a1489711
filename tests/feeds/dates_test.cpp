#include <gtest/gtest.h>

#include "feed_test_util.h"

namespace redline {
namespace {

using testing::date;

TEST(Dates, ReadsRfc822WithNumericAndNamedZones) {
  EXPECT_EQ(date("Thu, 01 Jan 2004 19:48:21 GMT"), "2004-01-01T19:48:21Z");
  EXPECT_EQ(date("Tue, 04 Feb 2025 09:15:00 -0600"), "2025-02-04T15:15:00Z");
  EXPECT_EQ(date("Mon, 26 January 2004 16:31:00 EST"), "2004-01-26T21:31:00Z");
  EXPECT_EQ(date("Mon, 26 Jan 2004 16:31:00 PDT"), "2004-01-26T23:31:00Z");
  EXPECT_EQ(date("Thu, 30 Apr 2015 08:57:00 CEST"), "2015-04-30T06:57:00Z");
  EXPECT_EQ(date("Wed, 19 Feb 2012 22:40:00 GMT-01:01"), "2012-02-19T23:41:00Z");
}

TEST(Dates, ReadsMilitaryZoneLetters) {
  EXPECT_EQ(date("Sat, 01 Mar 2025 12:00:00 Z"), "2025-03-01T12:00:00Z");
  EXPECT_EQ(date("Sat, 01 Mar 2025 12:00:00 A"), "2025-03-01T11:00:00Z");
  EXPECT_EQ(date("Sat, 01 Mar 2025 12:00:00 N"), "2025-03-01T13:00:00Z");
}

TEST(Dates, ToleratesCommonRfc822Malformations) {
  EXPECT_EQ(date("01 Jan 2004 19:48:21 GMT"), "2004-01-01T19:48:21Z");     // no weekday
  EXPECT_EQ(date("Thu, 01 Jan 04 19:48:21 GMT"), "2004-01-01T19:48:21Z");  // two-digit year
  EXPECT_EQ(date("Thu,  5 Apr 2012 10:00:00 GMT"), "2012-04-05T10:00:00Z");
  EXPECT_EQ(date("Fri,24 Nov 2023 18:28:36 -0000"), "2023-11-24T18:28:36Z");
  EXPECT_EQ(date("Thu, 01 Jan 2004 00:00 GMT"), "2004-01-01T00:00:00Z");  // no seconds
  EXPECT_EQ(date("Thu, 01 Jan 2004"), "2004-01-01T00:00:00Z");            // no time
  EXPECT_EQ(date("Mon, 13 Feb, 2012 06:28:00 UTC"), "2012-02-13T06:28:00Z");
  EXPECT_EQ(date("Thu Aug 30 2012 17:26:16 +0200"), "2012-08-30T15:26:16Z");
  EXPECT_EQ(date("Sat, 1 Mar 2025 12:00:00"), "2025-03-01T12:00:00Z");  // no zone: UTC
}

TEST(Dates, ReadsMonthNamesInOtherLanguages) {
  EXPECT_EQ(date("Mi, 05 M\u00e4rz 2025 10:00:00 +0100"), "2025-03-05T09:00:00Z");
  EXPECT_EQ(date("12 d\u00e9c 2024 08:00:00 GMT"), "2024-12-12T08:00:00Z");
  EXPECT_EQ(date("3 ene 2025 08:00:00 GMT"), "2025-01-03T08:00:00Z");
}

TEST(Dates, ReadsAsctimeAndTwitterStyle) {
  EXPECT_EQ(date("Sun Jan  4 16:29:06 2004"), "2004-01-04T16:29:06Z");
  EXPECT_EQ(date("Sun Jul 15 01:16:00 +0000 2012"), "2012-07-15T01:16:00Z");
}

TEST(Dates, ReadsIso8601AndW3cdtfVariants) {
  EXPECT_EQ(date("2003-12-31T10:14:55Z"), "2003-12-31T10:14:55Z");
  EXPECT_EQ(date("2003-12-31T10:14:55-08:00"), "2003-12-31T18:14:55Z");
  EXPECT_EQ(date("2007-04-23T23:25:47.538+10:00"), "2007-04-23T13:25:47Z");
  EXPECT_EQ(date("2003-12-31"), "2003-12-31T00:00:00Z");
  EXPECT_EQ(date("2003-12"), "2003-12-01T00:00:00Z");
  EXPECT_EQ(date("2003"), "2003-01-01T00:00:00Z");
  EXPECT_EQ(date("20031231T101455Z"), "2003-12-31T10:14:55Z");
  EXPECT_EQ(date("2004-07-08 23:56:58 -00:20"), "2004-07-09T00:16:58Z");
  EXPECT_EQ(date("2004-W01-1"), "2003-12-29T00:00:00Z");  // ISO week date
  EXPECT_EQ(date("2004-060"), "2004-02-29T00:00:00Z");    // ordinal date
}

TEST(Dates, ReadsOrdinalDatesWithATwoDigitYear) {
  EXPECT_EQ(date("03335"), "2003-12-01T00:00:00Z");  // YYDDD
  EXPECT_EQ(date("04366"), "2004-12-31T00:00:00Z");
  EXPECT_EQ(date("03335T10:14:55Z"), "2003-12-01T10:14:55Z");
  EXPECT_EQ(date("03366"), "null");  // 2003 has 365 days
  EXPECT_EQ(date("22013"), "null");  // a five-digit year to W3CDTF readers, not 2022's 13th day
}

TEST(Dates, RejectsDayZeroOfAYear) {
  for (const char* bad : {"2003-000", "2003000", "03000"}) EXPECT_EQ(date(bad), "null") << bad;
}

TEST(Dates, CrossesDayMonthAndLeapYearBoundariesWhenConvertingToUtc) {
  EXPECT_EQ(date("2004-02-28T18:14:55-08:00"), "2004-02-29T02:14:55Z");
  EXPECT_EQ(date("2003-02-28T18:14:55-08:00"), "2003-03-01T02:14:55Z");
}

TEST(Dates, ReadsFarPastAndFarFuture) {
  EXPECT_EQ(date("Thu, 01 Jan 0100 00:00:01 +0100"), "0099-12-31T23:00:01Z");
  EXPECT_EQ(date("9999-12-31T23:59:59Z"), "9999-12-31T23:59:59Z");
  EXPECT_EQ(date("1970-01-01T00:00:00Z"), "1970-01-01T00:00:00Z");
}

TEST(Dates, RejectsWhatIsNotADate) {
  for (const char* bad : {"", "   ", "yesterday", "Sun, 16 Dec 2012 1:2:3:4 GMT", "Sun, 16 zzz 2012 11:47:32 GMT",
                          "Sun, 99 Jun 2009 12:00:00 GMT", "Sun, 16 Dec 2012 11:47:32 +zz:00",
                          "2003-12-31T25:14:55Z", "2003-12-31T10:61:55Z", "2013-01-28T11:30:00-06:00Textra",
                          "9999-12-31T23:59:59-99:99", "2013-02-30", "013"}) {
    EXPECT_EQ(parse_feed_date(bad), std::nullopt) << bad;
  }
}

TEST(Dates, UnreadableDateInAFeedIsNullWithAWarning) {
  const Feed feed = testing::parse_ok(testing::rss_with_item("<title>x</title><pubDate>last Tuesday</pubDate>"));
  EXPECT_EQ(feed.items.at(0).published, std::nullopt);
  ASSERT_EQ(feed.warnings.size(), 1u);
  EXPECT_NE(feed.warnings[0].find("last Tuesday"), std::string::npos);
}

}  // namespace
}  // namespace redline
