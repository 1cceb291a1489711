#include "net/curl_multi.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "net/safety.h"
#include "support/http_server.h"
#include "support/run_loop.h"

namespace redline::net {
namespace {

using namespace std::chrono_literals;
using test::run_until;

// A plain GET of `url` writing into *body, with the shared safety options (loopback allowed).
EasyHandle get(const std::string& url, std::string* body, TransferLimits limits = {}) {
  EasyHandle easy = make_easy();
  apply_safety(easy.get(), limits, /*allow_private=*/true);
  curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, &test::append_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, body);
  return easy;
}

long response_code(CURL* easy) {
  long code = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

// A port on 127.0.0.1 where nothing listens (bound, then closed).
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

class CurlMultiTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::string feed = std::string(5000, 'f');
  std::unique_ptr<test::HttpServer> server;
  boost::asio::io_context io;

  void SetUp() override {
    dir.write("www/feed.xml", feed);
    server = std::make_unique<test::HttpServer>(dir.file("www"));
  }
};

TEST_F(CurlMultiTest, CompletesATransferAndHandsTheHandleBack) {
  CurlMulti multi(io);
  std::string body;
  std::error_code result = make_curl_error(CURLE_GOT_NOTHING);
  long code = 0;
  int calls = 0;
  multi.add(get(server->url("/feed.xml"), &body), [&](std::error_code ec, EasyHandle easy) {
    ++calls, result = ec, code = response_code(easy.get());
  });
  EXPECT_EQ(multi.active(), 1u);
  ASSERT_TRUE(run_until(io, [&] { return calls > 0; }));
  EXPECT_FALSE(result) << result.message();
  EXPECT_EQ(code, 200);
  EXPECT_EQ(body, feed);
  EXPECT_EQ(multi.active(), 0u);
  EXPECT_EQ(calls, 1);
}

TEST_F(CurlMultiTest, NeverCallsDoneFromInsideAdd) {
  CurlMulti multi(io);
  std::string body;
  bool called = false;
  EasyHandle bad = make_easy();  // no URL: libcurl fails it at once
  multi.add(std::move(bad), [&](std::error_code, EasyHandle) { called = true; });
  multi.add(get(server->url("/feed.xml"), &body), [&](std::error_code, EasyHandle) {});
  EXPECT_FALSE(called);
  ASSERT_TRUE(run_until(io, [&] { return called && multi.active() == 0; }));
}

TEST_F(CurlMultiTest, ReportsCurlErrorsAsErrorCodes) {
  CurlMulti multi(io);
  std::string body;
  std::error_code result;
  bool done = false;
  const std::string url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/";
  multi.add(get(url, &body), [&](std::error_code ec, EasyHandle) { result = ec, done = true; });
  ASSERT_TRUE(run_until(io, [&] { return done; }));
  EXPECT_EQ(result, make_curl_error(CURLE_COULDNT_CONNECT));
  EXPECT_EQ(&result.category(), &curl_category());
  EXPECT_FALSE(result.message().empty());
}

TEST_F(CurlMultiTest, FiresTimeoutsThroughItsTimer) {
  CurlMulti multi(io);
  std::string body;
  std::error_code result;
  bool done = false;
  TransferLimits limits;
  limits.total_timeout = 1s;
  const auto start = std::chrono::steady_clock::now();
  multi.add(get(server->url("/trickle?interval=0.4"), &body, limits),
            [&](std::error_code ec, EasyHandle) { result = ec, done = true; });
  ASSERT_TRUE(run_until(io, [&] { return done; }));
  EXPECT_EQ(result, make_curl_error(CURLE_OPERATION_TIMEDOUT));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST_F(CurlMultiTest, RunsManyTransfersAtOnceOnOneThread) {
  CurlMulti multi(io);
  constexpr int kTransfers = 100;
  std::vector<std::string> bodies(kTransfers);
  int ok = 0, finished = 0;
  for (int i = 0; i < kTransfers; ++i) {
    multi.add(get(server->url("/slow?ms=50&i=" + std::to_string(i)), &bodies[i]),
              [&](std::error_code ec, EasyHandle easy) {
                ++finished;
                if (!ec && response_code(easy.get()) == 200) ++ok;
              });
  }
  ASSERT_TRUE(run_until(
      io, [&] { return finished == kTransfers; }, 60s));
  EXPECT_EQ(ok, kTransfers);
  EXPECT_NE(bodies[42].find("i=42"), std::string::npos);
}

TEST_F(CurlMultiTest, SurvivesDescriptorReuseAcrossManyShortConnections) {
  // Every transfer opens and closes its own connection, so fd numbers are reused constantly;
  // completions for closed sockets must be dropped, not delivered to the new owner.
  CurlMulti multi(io);
  constexpr int kTransfers = 300, kWave = 30;
  std::vector<std::string> bodies(kTransfers);
  int started = 0, ok = 0, finished = 0;
  std::function<void()> start_one = [&] {
    const int i = started++;
    EasyHandle easy = get(server->url("/feed.xml"), &bodies[i]);
    curl_easy_setopt(easy.get(), CURLOPT_FORBID_REUSE, 1L);
    multi.add(std::move(easy), [&, i](std::error_code ec, EasyHandle) {
      ++finished;
      if (!ec && bodies[i] == feed) ++ok;
      if (started < kTransfers) start_one();
    });
  };
  for (int i = 0; i < kWave; ++i) start_one();
  ASSERT_TRUE(run_until(
      io, [&] { return finished == kTransfers; }, 90s));
  EXPECT_EQ(ok, kTransfers);
}

TEST_F(CurlMultiTest, CancelAllCallsEveryDoneOnceWithOperationAborted) {
  CurlMulti multi(io);
  constexpr int kTransfers = 20;
  std::vector<std::string> bodies(kTransfers);
  std::vector<int> calls(kTransfers, 0);
  int aborted = 0;
  for (int i = 0; i < kTransfers; ++i) {
    multi.add(get(server->url("/slow?ms=5000"), &bodies[i]),
              [&, i](std::error_code ec, EasyHandle) {
                ++calls[i];
                if (ec == std::errc::operation_canceled) ++aborted;
              });
  }
  run_until(
      io, [] { return false; }, 300ms);  // let them connect and wait
  multi.cancel_all();
  EXPECT_EQ(multi.active(), 0u);
  run_until(
      io, [&] { return aborted == kTransfers; }, 5s);
  run_until(
      io, [] { return false; }, 100ms);  // nothing else may arrive
  EXPECT_EQ(aborted, kTransfers);
  for (int c : calls) EXPECT_EQ(c, 1);
}

TEST_F(CurlMultiTest, CancelsOneTransferAndLetsTheOthersFinish) {
  CurlMulti multi(io);
  std::string slow_body, fast_body;
  std::error_code slow_ec, fast_ec;
  int finished = 0;
  EasyHandle slow = get(server->url("/slow?ms=3000"), &slow_body);
  CURL* slow_handle = slow.get();
  multi.add(std::move(slow), [&](std::error_code ec, EasyHandle) { slow_ec = ec, ++finished; });
  multi.add(get(server->url("/slow?ms=200"), &fast_body),
            [&](std::error_code ec, EasyHandle) { fast_ec = ec, ++finished; });
  EXPECT_TRUE(multi.cancel(slow_handle));
  EXPECT_FALSE(multi.cancel(slow_handle));
  ASSERT_TRUE(run_until(io, [&] { return finished == 2; }));
  EXPECT_EQ(slow_ec, std::errc::operation_canceled);
  EXPECT_FALSE(fast_ec) << fast_ec.message();
}

TEST_F(CurlMultiTest, DestroyingTheMultiCancelsWhatIsInFlight) {
  std::string body;
  std::error_code result;
  int calls = 0;
  {
    CurlMulti multi(io);
    multi.add(get(server->url("/slow?ms=5000"), &body),
              [&](std::error_code ec, EasyHandle) { result = ec, ++calls; });
    run_until(
        io, [] { return false; }, 200ms);
  }
  ASSERT_TRUE(run_until(
      io, [&] { return calls > 0; }, 5s));
  EXPECT_EQ(result, std::errc::operation_canceled);
  EXPECT_EQ(calls, 1);
}

TEST_F(CurlMultiTest, CanStartNewTransfersFromADoneCallback) {
  CurlMulti multi(io);
  std::string first, second;
  bool done = false;
  multi.add(get(server->url("/feed.xml"), &first), [&](std::error_code, EasyHandle) {
    multi.add(get(server->url("/feed.xml"), &second),
              [&](std::error_code ec, EasyHandle) { done = !ec; });
  });
  ASSERT_TRUE(run_until(io, [&] { return done; }));
  EXPECT_EQ(second, feed);
}

}  // namespace
}  // namespace redline::net

namespace redline::net {
namespace {

// `redline poll --once` relies on this: with nothing left to do, io_context::run() returns.
TEST_F(CurlMultiTest, LeavesNoWorkBehindSoRunReturns) {
  CurlMulti multi(io);
  std::string a, b;
  int finished = 0;
  multi.add(get(server->url("/feed.xml"), &a), [&](std::error_code, EasyHandle) { ++finished; });
  multi.add(get(server->url("/status/404"), &b), [&](std::error_code, EasyHandle) { ++finished; });
  const auto start = std::chrono::steady_clock::now();
  io.run();
  EXPECT_EQ(finished, 2);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

}  // namespace
}  // namespace redline::net
