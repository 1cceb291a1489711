#include "feeds/fetch.h"

#include <gtest/gtest.h>

#include "feeds/fetch_test_helpers.h"

namespace redline::fetch_test {
namespace {

using namespace std::chrono_literals;

TEST_F(FetchTest, ReturnsTheBodyWithItsValidators) {
  const FetchResult r = fetch("/feed.rss");
  ASSERT_EQ(r.status, FetchStatus::ok) << r.error;
  EXPECT_EQ(r.http_code, 200);
  EXPECT_EQ(r.body, kFeed);
  EXPECT_FALSE(r.etag.empty());
  EXPECT_NE(r.last_modified.find("GMT"), std::string::npos);
  EXPECT_EQ(r.content_type, "application/rss+xml; charset=utf-8");
  EXPECT_EQ(r.final_url, server->url("/feed.rss"));
  EXPECT_EQ(r.permanent_redirect, "");
  EXPECT_EQ(r.max_age, 60s);
  EXPECT_EQ(r.error, "");
}

TEST_F(FetchTest, SecondFetchWithTheEtagIsNotModified) {
  const FetchResult first = fetch("/feed.rss");
  FetchRequest again = request("/feed.rss");
  again.etag = first.etag;
  const FetchResult second = fetch(again);
  EXPECT_EQ(second.status, FetchStatus::not_modified) << second.error;
  EXPECT_EQ(second.http_code, 304);
  EXPECT_EQ(second.body, "");
  const auto log = server->requests();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].if_none_match, "");
  EXPECT_EQ(log[1].if_none_match, first.etag);
}

TEST_F(FetchTest, LastModifiedAloneAlsoGivesNotModified) {
  const FetchResult first = fetch("/feed.rss");
  FetchRequest again = request("/feed.rss");
  again.last_modified = first.last_modified;
  EXPECT_EQ(fetch(again).status, FetchStatus::not_modified);
  EXPECT_EQ(server->requests().back().if_modified_since, first.last_modified);
}

TEST_F(FetchTest, AChangedFeedComesBackInFull) {
  const FetchResult first = fetch("/feed.rss");
  dir.write("www/feed.rss", std::string(kFeed) + "<!-- revised -->\n");
  FetchRequest again = request("/feed.rss");
  again.etag = first.etag;
  const FetchResult second = fetch(again);
  EXPECT_EQ(second.status, FetchStatus::ok);
  EXPECT_NE(second.etag, first.etag);
}

TEST_F(FetchTest, NeverSendsAValidatorThatWouldInjectAHeader) {
  FetchRequest r = request("/feed.rss");
  r.etag = "\"abc\"\r\nX-Injected: 1";
  r.last_modified = "Tue, 01 Apr 2025 10:00:00 GMT\nX-Injected: 1";
  EXPECT_EQ(fetch(r).status, FetchStatus::ok);
  EXPECT_EQ(server->requests().back().if_none_match, "");
  EXPECT_EQ(server->requests().back().if_modified_since, "");
}

TEST_F(FetchTest, AsksForEveryCompressionAndDecodesGzip) {
  const FetchResult headers = fetch("/headers");
  for (const char* coding : {"gzip", "deflate", "br", "zstd"}) {
    EXPECT_NE(headers.body.find(coding), std::string::npos) << headers.body;
  }
  // The server gzips whenever gzip is accepted, so an equal body was decoded.
  EXPECT_EQ(fetch("/feed.rss").body, kFeed);
}

TEST_F(FetchTest, FollowsARedirectChainWithoutAdoptingA302) {
  const FetchResult r = fetch("/redirect/3?to=/feed.rss");
  ASSERT_EQ(r.status, FetchStatus::ok) << r.error;
  EXPECT_EQ(r.body, kFeed);
  EXPECT_EQ(r.final_url, server->url("/feed.rss"));
  EXPECT_EQ(r.permanent_redirect, "");
}

TEST_F(FetchTest, RecordsAPermanentRedirectWhenEveryHopWasPermanent) {
  EXPECT_EQ(fetch("/moved-permanently?to=/feed.rss").permanent_redirect,
            server->url("/feed.rss"));
  EXPECT_EQ(fetch("/redirect/2?code=308&to=/feed.rss").permanent_redirect,
            server->url("/feed.rss"));
  // 301 then 302: the second hop may change, so nothing is adopted.
  const FetchResult mixed =
      fetch("/redirect-to?code=301&url=" + server->url("/redirect/1?to=/feed.rss"));
  EXPECT_EQ(mixed.status, FetchStatus::ok);
  EXPECT_EQ(mixed.permanent_redirect, "");
}

TEST_F(FetchTest, CapsRedirectsAndLoops) {
  options.limits.max_redirects = 3;
  EXPECT_EQ(fetch("/redirect/3?to=/feed.rss").status, FetchStatus::network_error);
  EXPECT_EQ(fetch("/redirect/2?to=/feed.rss").status, FetchStatus::ok);
  const FetchResult loop = fetch("/loop");
  EXPECT_EQ(loop.status, FetchStatus::network_error);
  EXPECT_NE(loop.error.find("redirects"), std::string::npos) << loop.error;
  EXPECT_LE(server->count("/loop"), 4u);
}

TEST_F(FetchTest, RefusesARedirectToAFile) {
  const FetchResult r = fetch("/redirect-to?url=file:///etc/passwd");
  EXPECT_EQ(r.status, FetchStatus::blocked);
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(r.error.rfind("blocked: ", 0), 0u) << r.error;
}

TEST_F(FetchTest, RefusesPrivateAddressesInEverySpelling) {
  const std::string port = std::to_string(server->port());
  for (const char* host : {"127.0.0.1", "0x7f.1", "2130706433", "127.1", "017700000001"}) {
    FetchRequest r;
    r.url = "http://" + std::string(host) + ":" + port + "/feed.rss";
    const FetchResult out = fetch(r);
    EXPECT_EQ(out.status, FetchStatus::blocked) << host;
    EXPECT_EQ(out.error, "blocked: private address 127.0.0.1") << host;
  }
  FetchRequest mapped;
  mapped.url = "http://[::ffff:127.0.0.1]:" + port + "/feed.rss";
  const FetchResult out = fetch(mapped);
  EXPECT_EQ(out.status, FetchStatus::blocked);
  EXPECT_EQ(out.error, "blocked: private address ::ffff:127.0.0.1");
  EXPECT_EQ(server->requests().size(), 0u);
}

TEST_F(FetchTest, GoneIsGone) {
  const FetchResult r = fetch("/status/410");
  EXPECT_EQ(r.status, FetchStatus::gone);
  EXPECT_EQ(r.http_code, 410);
}

TEST_F(FetchTest, RateLimitedCarriesRetryAfter) {
  const FetchResult r = fetch("/status/429?retry_after=3");
  EXPECT_EQ(r.status, FetchStatus::rate_limited);
  EXPECT_EQ(r.retry_after, 3s);
  // An HTTP-date two minutes ahead on a 503.
  const std::time_t later = std::time(nullptr) + 120;
  char date[64];
  std::strftime(date, sizeof date, "%a,%%20%d%%20%b%%20%Y%%20%H:%M:%S%%20GMT", std::gmtime(&later));
  const FetchResult busy = fetch(std::string("/status/503?retry_after=") + date);
  EXPECT_EQ(busy.status, FetchStatus::rate_limited);
  ASSERT_TRUE(busy.retry_after.has_value()) << date;
  EXPECT_GE(*busy.retry_after, 115s);
  EXPECT_LE(*busy.retry_after, 120s);
  EXPECT_FALSE(fetch("/status/503").retry_after.has_value());
}

TEST_F(FetchTest, OtherStatusesAreHttpErrors) {
  const FetchResult r = fetch("/status/500");
  EXPECT_EQ(r.status, FetchStatus::http_error);
  EXPECT_EQ(r.error, "HTTP 500");
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(fetch("/missing.rss").error, "HTTP 404");
}

TEST_F(FetchTest, ReadsMaxAgeFromCacheControl) {
  EXPECT_EQ(fetch("/status/200?cache_control=public,%20max-age=300").max_age, 300s);
  EXPECT_FALSE(fetch("/status/200?cache_control=no-cache").max_age.has_value());
}

TEST_F(FetchTest, NeverCompletesFromInsideFetch) {
  boost::asio::io_context io;
  net::CurlMulti multi(io);
  Fetcher fetcher(multi, options);
  bool called = false;
  fetcher.fetch(request("/feed.rss"), [&](FetchResult) { called = true; });
  FetchRequest bad;
  bad.url = "not a url";
  fetcher.fetch(bad, [&](FetchResult) { called = true; });
  EXPECT_FALSE(called);
  EXPECT_TRUE(test::run_until(io, [&] { return called && fetcher.in_flight() == 0; }));
}

TEST_F(FetchTest, NamesEveryStatus) {
  EXPECT_STREQ(to_string(FetchStatus::not_modified), "not_modified");
  EXPECT_STREQ(to_string(FetchStatus::rate_limited), "rate_limited");
  EXPECT_STREQ(to_string(FetchStatus::network_error), "network_error");
}

}  // namespace
}  // namespace redline::fetch_test
