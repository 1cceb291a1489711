#include "alerts/mime.h"

#include <gtest/gtest.h>

#include <sstream>

#include "alerts/signature.h"

namespace redline {
namespace {

std::vector<std::string> crlf_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

MailMessage sample_message() {
  MailMessage m;
  m.from = "redline@example.org";
  m.to = {"desk@example.org", "oncall@example.org"};
  m.subject = "[redline] CRITICAL strikes: US strikes cartel lab";
  m.date = Timestamp{std::chrono::seconds{1764098712}};
  m.message_id = "<rl-3-mail@redline>";
  m.text = "Plain text.\n";
  m.html = "<p>HTML</p>\n";
  return m;
}

TEST(HeaderValue, CrLfNulAndControlsCollapseToSpaces) {
  EXPECT_EQ(sanitize_header_value("a\r\nBcc: victim@example.com"), "a Bcc: victim@example.com");
  EXPECT_EQ(sanitize_header_value(std::string("x\0y\tz\x1b\x7f", 8)), "x y z");
  EXPECT_EQ(sanitize_header_value("  a \xE2\x80\xA8 b\xC2\x85" "c  "), "a b c");
}

TEST(HeaderText, PlainAsciiStaysReadable) {
  EXPECT_EQ(encode_header_text("US strikes cartel lab", 9), "US strikes cartel lab");
}

TEST(HeaderText, NonAsciiBecomesEncodedWordsOfAtMost75Characters) {
  const std::string title = "Ataque en Culiac\xC3\xA1n: " + std::string(120, 'x') + " \xE2\x80\x94 fin";
  const std::string encoded = encode_header_text(title, 9);
  std::string decoded;
  for (const auto& line : crlf_lines(encoded)) {
    std::string word = line.front() == ' ' ? line.substr(1) : line;
    ASSERT_LE(word.size(), 75u) << word;
    ASSERT_EQ(word.rfind("=?UTF-8?B?", 0), 0u) << word;
    ASSERT_EQ(word.substr(word.size() - 2), "?=");
    std::string part;
    ASSERT_TRUE(base64_decode(word.substr(10, word.size() - 12), part));
    decoded += part;
  }
  EXPECT_EQ(decoded, title);
}

TEST(HeaderText, TextThatLooksLikeAnEncodedWordIsEncoded) {
  EXPECT_EQ(encode_header_text("=?utf-8?q?fake?=", 9).rfind("=?UTF-8?B?", 0), 0u);
}

TEST(QuotedPrintable, KeepsLinesShortAndEncodesWhatIsNotSafe) {
  const std::string text = std::string(300, 'a') + "\n.starts with dot\nFrom here\n=sign é trailing \n";
  const std::string qp = quoted_printable(text);
  for (const auto& line : crlf_lines(qp)) EXPECT_LE(line.size(), 76u) << line;
  EXPECT_NE(qp.find("\r\n=2Estarts with dot\r\n"), std::string::npos) << qp;
  EXPECT_NE(qp.find("\r\n=46rom here\r\n"), std::string::npos) << qp;
  EXPECT_NE(qp.find("=3Dsign =C3=A9 trailing=20\r\n"), std::string::npos) << qp;
  EXPECT_EQ(qp.find('\n', 0) , qp.find("\r\n") + 1);
}

TEST(Rfc5322Date, IsUtcWithWeekday) {
  EXPECT_EQ(rfc5322_date(Timestamp{std::chrono::seconds{1764098712}}), "Tue, 25 Nov 2025 19:25:12 +0000");
  EXPECT_EQ(rfc5322_date(Timestamp{std::chrono::seconds{0}}), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(BuildMime, HasEveryHeaderAndBothParts) {
  auto m = sample_message();
  m.in_reply_to = "<rl-event-42-mail@redline>";
  const std::string raw = build_mime(m, "=_rl_b");
  const std::string head = raw.substr(0, raw.find("\r\n\r\n") + 2);
  EXPECT_NE(head.find("From: redline@example.org\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("To: desk@example.org,\r\n oncall@example.org\r\n"), std::string::npos);
  EXPECT_NE(head.find("Subject: [redline] CRITICAL strikes: US strikes cartel lab\r\n"), std::string::npos);
  EXPECT_NE(head.find("Date: Tue, 25 Nov 2025 19:25:12 +0000\r\n"), std::string::npos);
  EXPECT_NE(head.find("Message-ID: <rl-3-mail@redline>\r\n"), std::string::npos);
  EXPECT_NE(head.find("In-Reply-To: <rl-event-42-mail@redline>\r\n"), std::string::npos);
  EXPECT_NE(head.find("References: <rl-event-42-mail@redline>\r\n"), std::string::npos);
  EXPECT_NE(head.find("Auto-Submitted: auto-generated\r\n"), std::string::npos);
  EXPECT_NE(head.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(head.find("Content-Type: multipart/alternative; boundary=\"=_rl_b\"\r\n"), std::string::npos);
  EXPECT_NE(raw.find("--=_rl_b\r\nContent-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(raw.find("--=_rl_b\r\nContent-Type: text/html; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_EQ(raw.substr(raw.size() - 12), "--=_rl_b--\r\n");
  for (const auto& line : crlf_lines(raw)) EXPECT_LE(line.size(), 998u);
  EXPECT_EQ(raw.find('\n'), raw.find("\r\n") + 1);
}

TEST(BuildMime, NoThreadingHeadersForTheFirstMail) {
  const std::string raw = build_mime(sample_message(), "=_rl_b");
  EXPECT_EQ(raw.find("In-Reply-To:"), std::string::npos);
  EXPECT_EQ(raw.find("References:"), std::string::npos);
}

TEST(BuildMime, ATitleCannotInjectAHeader) {
  auto m = sample_message();
  m.subject = "Strike\r\nBcc: victim@example.com\r\n\r\nbody";
  const std::string raw = build_mime(m, "=_rl_b");
  for (const auto& line : crlf_lines(raw)) {
    EXPECT_NE(line.rfind("Bcc:", 0), 0u) << line;
  }
  EXPECT_NE(raw.find("Subject: Strike Bcc: victim@example.com body\r\n"), std::string::npos) << raw;
}

TEST(BuildMime, EveryLineEndsWithCrLf) {
  auto m = sample_message();
  m.text = "one\ntwo\r\nthree\rfour";
  const std::string raw = build_mime(m, "=_rl_b");
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n') {
      EXPECT_EQ(raw[i - 1], '\r') << i;
    }
    if (raw[i] == '\r') {
      EXPECT_EQ(raw[i + 1], '\n') << i;
    }
  }
}

}  // namespace
}  // namespace redline
