// Hostile servers and politeness: size, time and TLS limits, and the concurrency queue.
#include <gtest/gtest.h>

#include <algorithm>

#include "feeds/fetch.h"
#include "feeds/fetch_test_helpers.h"

namespace redline::fetch_test {
namespace {

using namespace std::chrono_literals;

TEST_F(FetchTest, StopsAGzipBombAtTheDecodedSizeCapWithBoundedMemory) {
  const long before = max_rss_kib();
  const FetchResult r = fetch("/gzip-bomb");
  EXPECT_EQ(r.status, FetchStatus::too_large);
  EXPECT_EQ(r.error, "body exceeds 8 MiB");
  EXPECT_EQ(r.body, "");
  // The bomb inflates to 1.1 GiB; stopping at 8 MiB keeps the peak far below that.
  EXPECT_LT(max_rss_kib() - before, 200 * 1024);
}

TEST_F(FetchTest, StopsAnEndlessBodyAtTheCap) {
  options.limits.max_body_bytes = 1024 * 1024;
  const FetchResult r = fetch("/endless");
  EXPECT_EQ(r.status, FetchStatus::too_large);
  EXPECT_EQ(r.error, "body exceeds 1 MiB");
}

TEST_F(FetchTest, StopsAnEndlessSlowBodyAtTheTotalTimeout) {
  options.limits.total_timeout = 2s;
  const FetchResult r = fetch("/endless?chunk=2000&delay=0.02");  // ~100 KB/s: not "too slow"
  EXPECT_EQ(r.status, FetchStatus::network_error);
  EXPECT_NE(r.error.find("timed out"), std::string::npos) << r.error;
  EXPECT_LT(r.elapsed, 6s);
}

TEST_F(FetchTest, CutsOffATrickleWithTheLowSpeedLimit) {
  options.limits.low_speed_bytes = 100;
  options.limits.low_speed_time = 2s;
  const FetchResult r = fetch("/trickle?interval=0.5");
  EXPECT_EQ(r.status, FetchStatus::network_error);
  EXPECT_NE(r.error.find("too slow"), std::string::npos) << r.error;
  EXPECT_LT(r.elapsed, 8s);
}

TEST_F(FetchTest, ReportsATruncatedBody) {
  const FetchResult r = fetch("/truncated");
  EXPECT_EQ(r.status, FetchStatus::network_error);
  EXPECT_EQ(r.body, "");
  EXPECT_NE(r.error.find("remaining"), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find('\n'), std::string::npos);
}

class TlsFetchTest : public FetchTest {
 protected:
  test::CertFiles cert;
  std::unique_ptr<test::HttpServer> tls;

  void SetUp() override {
    FetchTest::SetUp();
    cert = test::make_self_signed_cert(dir.path());
    test::HttpServerOptions o;
    o.root = dir.file("www");
    o.tls_cert = cert.cert;
    o.tls_key = cert.key;
    tls = std::make_unique<test::HttpServer>(o);
  }
};

TEST_F(TlsFetchTest, RefusesASelfSignedCertificate) {
  FetchRequest r;
  r.url = tls->url("/feed.rss");
  r.allow_private = true;
  const FetchResult out = fetch(r);
  EXPECT_EQ(out.status, FetchStatus::network_error);
  EXPECT_NE(out.error.find("certificate"), std::string::npos) << out.error;
  EXPECT_EQ(tls->count("/feed.rss"), 0u);
}

TEST_F(TlsFetchTest, TrustsAFeedsOwnCaFile) {
  FetchRequest r;
  r.url = tls->url("/feed.rss");
  r.allow_private = true;
  r.ca_file = cert.cert;
  const FetchResult out = fetch(r);
  ASSERT_EQ(out.status, FetchStatus::ok) << out.error;
  EXPECT_EQ(out.body, kFeed);
}

TEST_F(TlsFetchTest, NeverAdoptsAPermanentRedirectFromHttpsToHttp) {
  FetchRequest r;
  r.url = tls->url("/redirect-to?code=301&url=" + server->url("/feed.rss"));
  r.allow_private = true;
  r.ca_file = cert.cert;
  const FetchResult out = fetch(r);
  ASSERT_EQ(out.status, FetchStatus::ok) << out.error;
  EXPECT_EQ(out.final_url, server->url("/feed.rss"));
  EXPECT_EQ(out.permanent_redirect, "");
}

// `count` slow fetches at once: how many succeeded and the most the Fetcher had in flight.
struct Crowd {
  int ok = 0;
  int done = 0;
  std::size_t max_in_flight = 0;
};

Crowd run_crowd(test::HttpServer& server, const FetcherOptions& options, int count) {
  boost::asio::io_context io;
  net::CurlMulti multi(io);
  Fetcher fetcher(multi, options);
  Crowd crowd;
  for (int i = 0; i < count; ++i) {
    FetchRequest r;
    r.url = server.url("/slow?ms=20&n=" + std::to_string(i));
    r.allow_private = true;
    fetcher.fetch(r, [&](FetchResult result) {
      ++crowd.done;
      if (result.status == FetchStatus::ok) ++crowd.ok;
      crowd.max_in_flight = std::max(crowd.max_in_flight, fetcher.in_flight());
    });
    crowd.max_in_flight = std::max(crowd.max_in_flight, fetcher.in_flight());
  }
  EXPECT_EQ(fetcher.in_flight() + fetcher.queued(), static_cast<std::size_t>(count));
  EXPECT_TRUE(test::run_until(
      io, [&] { return crowd.done == count; }, 120s));
  return crowd;
}

int server_max_active(FetchTest& t) {
  const FetchResult stats = t.fetch_stats();
  const auto at = stats.body.find("\"max_active\": ");
  return at == std::string::npos ? -1 : std::stoi(stats.body.substr(at + 14));
}

TEST_F(FetchTest, TwoHundredFetchesRespectTheGlobalLimit) {
  options.max_concurrent = 8;
  options.max_per_host = 100;
  const Crowd crowd = run_crowd(*server, options, 200);
  EXPECT_EQ(crowd.ok, 200);
  EXPECT_LE(crowd.max_in_flight, 8u);
  const int peak = server_max_active(*this);
  EXPECT_LE(peak, 8);
  EXPECT_GE(peak, 2);  // and they did run side by side
}

TEST_F(FetchTest, FetchesToOneHostRespectThePerHostLimit) {
  options.max_concurrent = 50;
  options.max_per_host = 3;
  const Crowd crowd = run_crowd(*server, options, 60);
  EXPECT_EQ(crowd.ok, 60);
  EXPECT_LE(crowd.max_in_flight, 3u);
  EXPECT_LE(server_max_active(*this), 3);
}

TEST_F(FetchTest, CancelAllCompletesEveryFetchOnceAsCancelled) {
  boost::asio::io_context io;
  net::CurlMulti multi(io);
  options.max_concurrent = 4;
  Fetcher fetcher(multi, options);
  constexpr int kFetches = 20;
  std::vector<int> calls(kFetches, 0);
  int cancelled = 0;
  for (int i = 0; i < kFetches; ++i) {
    fetcher.fetch(request("/slow?ms=5000"), [&, i](FetchResult r) {
      ++calls[i];
      if (r.status == FetchStatus::cancelled) ++cancelled;
    });
  }
  test::run_until(
      io, [] { return false; }, 300ms);
  EXPECT_EQ(fetcher.in_flight(), 2u);  // max_per_host defaults to 2
  fetcher.cancel_all();
  EXPECT_TRUE(test::run_until(
      io, [&] { return cancelled == kFetches; }, 5s));
  test::run_until(
      io, [] { return false; }, 100ms);
  for (int c : calls) EXPECT_EQ(c, 1);
  EXPECT_EQ(fetcher.in_flight() + fetcher.queued(), 0u);
}

TEST_F(FetchTest, ShuttingTheMultiDownAlsoDrainsTheQueue) {
  boost::asio::io_context io;
  net::CurlMulti multi(io);
  Fetcher fetcher(multi, options);
  int cancelled = 0, calls = 0;
  for (int i = 0; i < 10; ++i) {
    fetcher.fetch(request("/slow?ms=5000"), [&](FetchResult r) {
      ++calls;
      if (r.status == FetchStatus::cancelled) ++cancelled;
    });
  }
  test::run_until(
      io, [] { return false; }, 200ms);
  multi.cancel_all();
  EXPECT_TRUE(test::run_until(
      io, [&] { return calls == 10; }, 5s));
  EXPECT_EQ(cancelled, 10);
  EXPECT_LE(server->count("/slow"), 2u);  // nothing queued was started after the shutdown
}

}  // namespace
}  // namespace redline::fetch_test
