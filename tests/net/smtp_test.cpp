// A protocol where the server speaks first (SMTP greets on connect) through CurlMulti, with the
// mail protocol list of apply_safety: the greeting can arrive in the same readiness event as the
// connect completion. Uses a real SMTP server (aiosmtpd) on loopback, several mails at once.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "net/curl_multi.h"
#include "net/safety.h"
#include "support/process.h"
#include "support/run_loop.h"

namespace redline::net {
namespace {

using namespace std::chrono_literals;

int free_port() {
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

bool accepting(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

struct Upload {
  std::string data;
  std::size_t at = 0;
};

std::size_t read_upload(char* buf, std::size_t size, std::size_t n, void* userp) {
  auto* u = static_cast<Upload*>(userp);
  const std::size_t len = std::min(size * n, u->data.size() - u->at);
  std::memcpy(buf, u->data.data() + u->at, len);
  u->at += len;
  return len;
}

TEST(CurlMultiSmtp, SendsMailToAServerThatSpeaksFirst) {
  const int port = free_port();
  test::ChildProcess smtpd(
      {"/usr/bin/python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + std::to_string(port)});
  for (int i = 0; i < 200 && !accepting(port); ++i) std::this_thread::sleep_for(25ms);
  ASSERT_TRUE(accepting(port)) << smtpd.stderr_text();

  boost::asio::io_context io;
  CurlMulti multi(io);
  int sent = 0, finished = 0;
  constexpr int kMails = 5;
  std::vector<Upload> uploads(kMails);
  std::vector<Slist> recipients;
  for (int i = 0; i < kMails; ++i) {
    uploads[i].data = "From: desk@example.org\r\nTo: analyst@example.org\r\nSubject: drill " +
                      std::to_string(i) + "\r\n\r\nTroop figures updated.\r\n";
    EasyHandle easy = make_easy();
    apply_safety(easy.get(), TransferLimits{}, /*allow_private=*/true, "smtp,smtps");
    recipients.emplace_back(curl_slist_append(nullptr, "<analyst@example.org>"));
    const std::string url = "smtp://127.0.0.1:" + std::to_string(port);
    curl_easy_setopt(easy.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy.get(), CURLOPT_MAIL_FROM, "<desk@example.org>");
    curl_easy_setopt(easy.get(), CURLOPT_MAIL_RCPT, recipients.back().get());
    curl_easy_setopt(easy.get(), CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(easy.get(), CURLOPT_READFUNCTION, &read_upload);
    curl_easy_setopt(easy.get(), CURLOPT_READDATA, &uploads[i]);
    multi.add(std::move(easy), [&](std::error_code ec, EasyHandle) {
      ++finished;
      EXPECT_FALSE(ec) << ec.message();
      if (!ec) ++sent;
    });
  }
  ASSERT_TRUE(test::run_until(io, [&] { return finished == kMails; }, 30s));
  EXPECT_EQ(sent, kMails);
  EXPECT_TRUE(smtpd.wait_for_stdout("Subject: drill 4", 5s)) << smtpd.stdout_text();
}

}  // namespace
}  // namespace redline::net
