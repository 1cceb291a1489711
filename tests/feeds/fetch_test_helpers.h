// Shared set-up for the Fetcher tests: a loopback HTTP server serving a feed file, and a way to
// run one fetch (or many) to completion on a fresh io_context.
#pragma once

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>

#include "feeds/fetch.h"
#include "support/http_server.h"
#include "support/run_loop.h"

namespace redline::fetch_test {

inline constexpr const char* kFeed =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<rss version=\"2.0\"><channel><title>Border desk</title>\n"
    "<item><title>Senators weigh troop numbers at the border</title><guid>a1</guid></item>\n"
    "</channel></rss>\n";

// This process's peak resident set so far, in KiB (bombs are tested by how much it grows).
inline long max_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

class FetchTest : public ::testing::Test {
 public:
  test::TempDir dir;
  std::unique_ptr<test::HttpServer> server;
  FetcherOptions options;

  void SetUp() override {
    dir.write("www/feed.rss", kFeed);
    server = std::make_unique<test::HttpServer>(dir.file("www"));
  }

  FetchRequest request(const std::string& path, bool allow_private = true) const {
    FetchRequest r;
    r.url = server->url(path);
    r.allow_private = allow_private;
    return r;
  }

  FetchResult fetch(const FetchRequest& r,
                    std::chrono::milliseconds timeout = std::chrono::seconds(60)) {
    boost::asio::io_context io;
    net::CurlMulti multi(io);
    Fetcher fetcher(multi, options);
    std::optional<FetchResult> result;
    fetcher.fetch(r, [&](FetchResult out) { result = std::move(out); });
    EXPECT_TRUE(test::run_until(
        io, [&] { return result.has_value(); }, timeout))
        << "no result for " << r.url;
    return result ? std::move(*result) : FetchResult{};
  }

  FetchResult fetch(const std::string& path) { return fetch(request(path)); }

  // The server's counters: {"requests": n, "active": n, "max_active": n}.
  FetchResult fetch_stats() { return fetch("/stats"); }
};

}  // namespace redline::fetch_test
