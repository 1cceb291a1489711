#include "net/safety.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "net/curl_multi.h"
#include "support/http_server.h"
#include "support/run_loop.h"

namespace redline::net {
namespace {

using namespace std::chrono_literals;

struct Outcome {
  std::error_code ec;
  long code = 0;
  std::string body;
  std::string blocked;
  long redirects = 0;
};

// Runs one GET of `url` with apply_safety(limits, allow_private) on a fresh multi.
class SafetyTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::unique_ptr<test::HttpServer> server;

  void SetUp() override {
    dir.write("www/feed.xml", "<rss version=\"2.0\"/>");
    server = std::make_unique<test::HttpServer>(dir.file("www"));
  }

  Outcome get(const std::string& url, bool allow_private,
              const std::function<void(CURL*)>& tweak = {}) {
    boost::asio::io_context io;
    CurlMulti multi(io);
    Outcome out;
    bool done = false;
    EasyHandle easy = make_easy();
    apply_safety(easy.get(), TransferLimits{}, allow_private);
    curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, &test::append_body);
    curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &out.body);
    if (tweak) tweak(easy.get());
    multi.add(std::move(easy), [&](std::error_code ec, EasyHandle h) {
      out.ec = ec;
      curl_easy_getinfo(h.get(), CURLINFO_RESPONSE_CODE, &out.code);
      curl_easy_getinfo(h.get(), CURLINFO_REDIRECT_COUNT, &out.redirects);
      out.blocked = blocked_peer(h.get());
      done = true;
    });
    EXPECT_TRUE(test::run_until(io, [&] { return done; }));
    return out;
  }
};

TEST_F(SafetyTest, SendsRedlinesUserAgent) {
  EXPECT_EQ(user_agent(), "redline/" REDLINE_VERSION " (news monitor)");
  const Outcome out = get(server->url("/headers"), true);
  EXPECT_NE(out.body.find("\"user-agent\": \"redline/" REDLINE_VERSION " (news monitor)\""),
            std::string::npos)
      << out.body;
}

TEST_F(SafetyTest, AllowPrivateReachesLoopback) {
  const Outcome out = get(server->url("/feed.xml"), true);
  EXPECT_FALSE(out.ec) << out.ec.message();
  EXPECT_EQ(out.code, 200);
  EXPECT_EQ(out.blocked, "");
}

TEST_F(SafetyTest, RefusesLoopbackAtConnectTimeInEverySpelling) {
  const std::string port = std::to_string(server->port());
  const std::pair<const char*, const char*> cases[] = {
      {"127.0.0.1", "127.0.0.1"},  {"0x7f.1", "127.0.0.1"},
      {"2130706433", "127.0.0.1"}, {"017700000001", "127.0.0.1"},
      {"127.1", "127.0.0.1"},      {"[::ffff:127.0.0.1]", "::ffff:127.0.0.1"},
  };
  for (const auto& [host, connected] : cases) {
    const Outcome out = get("http://" + std::string(host) + ":" + port + "/feed.xml", false);
    EXPECT_EQ(out.ec, make_curl_error(CURLE_COULDNT_CONNECT)) << host;
    EXPECT_EQ(out.blocked, connected) << host;
  }
  const Outcome out = get("http://localhost:" + port + "/feed.xml", false);
  EXPECT_TRUE(out.blocked == "127.0.0.1" || out.blocked == "::1") << out.blocked;
  EXPECT_EQ(server->count("/feed.xml"), 0u);  // never connected
}

TEST_F(SafetyTest, ChecksTheAddressOfEveryRedirectHop) {
  // Loopback has no public address to start from, so this test lets connections to the first
  // server through (standing in for a public host) and leaves every other one to the real
  // check: the redirect to the second server must be refused when curl connects to it.
  test::HttpServer second(dir.file("www"));
  struct Gate {
    int allowed_port;
    int allowed = 0;
  } gate{server->port()};
  const auto open = [](void* clientp, curlsocktype purpose, curl_sockaddr* a) -> curl_socket_t {
    auto* g = static_cast<std::pair<Gate*, CURL*>*>(clientp);
    const auto* in = reinterpret_cast<const sockaddr_in*>(&a->addr);
    if (a->family == AF_INET && ntohs(in->sin_port) == g->first->allowed_port) {
      ++g->first->allowed;
      return ::socket(a->family, a->socktype, a->protocol);
    }
    return open_checked_socket(g->second, purpose, a);
  };
  std::pair<Gate*, CURL*> ctx{&gate, nullptr};
  const Outcome out =
      get(server->url("/redirect-to?url=" + second.url("/feed.xml")), false, [&](CURL* easy) {
        ctx.second = easy;
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION,
                         static_cast<curl_opensocket_callback>(open));
        curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, &ctx);
      });
  EXPECT_EQ(gate.allowed, 1);
  EXPECT_EQ(out.ec, make_curl_error(CURLE_COULDNT_CONNECT));
  EXPECT_EQ(out.blocked, "127.0.0.1");
  EXPECT_EQ(second.count("/feed.xml"), 0u);
}

TEST_F(SafetyTest, RefusesOtherProtocolsAlsoInRedirects) {
  EXPECT_EQ(get("file:///etc/hostname", true).ec, make_curl_error(CURLE_UNSUPPORTED_PROTOCOL));
  EXPECT_EQ(get("ftp://127.0.0.1/", true).ec, make_curl_error(CURLE_UNSUPPORTED_PROTOCOL));
  for (const char* target : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/",
                             "dict://127.0.0.1:11211/stat"}) {
    const Outcome out = get(server->url("/redirect-to?url=") + target, true);
    EXPECT_EQ(out.ec, make_curl_error(CURLE_UNSUPPORTED_PROTOCOL)) << target;
    EXPECT_EQ(out.body.find("root:"), std::string::npos);
  }
}

TEST_F(SafetyTest, CapsRedirects) {
  EXPECT_FALSE(get(server->url("/redirect/5"), true).ec);
  EXPECT_EQ(get(server->url("/redirect/6"), true).ec, make_curl_error(CURLE_TOO_MANY_REDIRECTS));
  EXPECT_EQ(get(server->url("/loop"), true).ec, make_curl_error(CURLE_TOO_MANY_REDIRECTS));
}

TEST_F(SafetyTest, StopsADeclaredOversizedBodyEarly) {
  TransferLimits limits;
  limits.max_body_bytes = 10;
  boost::asio::io_context io;
  CurlMulti multi(io);
  std::string body;
  std::error_code result;
  bool done = false;
  EasyHandle easy = make_easy();
  apply_safety(easy.get(), limits, true);
  curl_easy_setopt(easy.get(), CURLOPT_URL, server->url("/feed.xml").c_str());
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, &test::append_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &body);
  multi.add(std::move(easy), [&](std::error_code ec, EasyHandle) { result = ec, done = true; });
  ASSERT_TRUE(test::run_until(io, [&] { return done; }));
  EXPECT_EQ(result, make_curl_error(CURLE_FILESIZE_EXCEEDED));
}

}  // namespace
}  // namespace redline::net
