// The sender against a real SMTP server on 127.0.0.1 (tests/support/smtp_sink.py, aiosmtpd); the
// mails it accepts are read back with Python's own mail parser (tests/alerts/mail_parts.py).
#include <gtest/gtest.h>

#include "loopback.h"
#include "sample_alert.h"

namespace redline {
namespace {

using std::chrono::seconds;
using testing::LoopbackSender;
using testing::LoopbackServer;
using testing::sample_alert;

AlertsConfig smtp_config(int port) {
  AlertsConfig config;
  EmailConfig mail;
  mail.name = "desk";
  mail.smtp = "smtp://127.0.0.1:" + std::to_string(port);
  mail.from = "redline@example.org";
  mail.to = {"analyst@example.org", "oncall@example.org"};
  mail.require_tls = true;  // loopback: STARTTLS is tried, not required
  mail.allow_private = true;
  config.emails.push_back(mail);
  return config;
}

// What Python's email package makes of a raw message.
nlohmann::json parse_mail(const std::string& raw) {
  test::RunOptions options;
  options.stdin_data = raw;
  const auto result = test::run_command(
      {"/usr/bin/python3", std::string(REDLINE_SOURCE_DIR) + "/tests/alerts/mail_parts.py"}, options);
  if (result.exit_code != 0) throw std::runtime_error("mail_parts.py: " + result.err);
  return nlohmann::json::parse(result.out);
}

std::string header(const nlohmann::json& mail, const std::string& name) {
  const auto& h = mail["headers"];
  if (!h.contains(name)) return "<missing>";
  if (h[name].size() != 1) return "<" + std::to_string(h[name].size()) + " times>";
  return h[name][0];
}

std::vector<nlohmann::json> accepted(const LoopbackServer& server) {
  std::vector<nlohmann::json> out;
  for (auto& r : server.records()) {
    if (!r.contains("rejected")) out.push_back(r);
  }
  return out;
}

class SmtpDelivery : public ::testing::Test {
 protected:
  test::TempDir dir_;
  std::string log_ = dir_.file("mail.jsonl");
};

TEST_F(SmtpDelivery, OneWellFormedMailWithBothParts) {
  LoopbackServer server("smtp_sink.py", log_, {});
  LoopbackSender s(smtp_config(server.port));
  const auto id = s.outbox.add("desk", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().delivered, 1);
  EXPECT_EQ(s.outbox.row(id).status, "delivered");
  EXPECT_EQ(s.outbox.row(id).last_error, "SMTP 250");

  const auto mails = accepted(server);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0]["mail_from"], "redline@example.org");
  EXPECT_EQ(mails[0]["rcpt_tos"], nlohmann::json({"analyst@example.org", "oncall@example.org"}));
  const auto mail = parse_mail(mails[0]["data"]);
  EXPECT_TRUE(mail["defects"].empty()) << mail["defects"].dump();
  EXPECT_EQ(mail["multipart"], "multipart/alternative");
  EXPECT_EQ(header(mail, "subject"),
            "[redline] CRITICAL strikes: US drones strike cartel lab near Culiac\xC3\xA1n, officials say");
  EXPECT_EQ(header(mail, "from"), "redline@example.org");
  EXPECT_EQ(header(mail, "to"), "analyst@example.org, oncall@example.org");
  EXPECT_EQ(header(mail, "date"), "Mon, 24 Nov 2025 16:00:00 +0000");
  EXPECT_EQ(header(mail, "message-id"), "<rl-event-42-desk@redline>");
  EXPECT_EQ(header(mail, "auto-submitted"), "auto-generated");
  EXPECT_EQ(header(mail, "mime-version"), "1.0");
  EXPECT_EQ(header(mail, "in-reply-to"), "<missing>");
  ASSERT_EQ(mail["parts"].size(), 2u);
  EXPECT_EQ(mail["parts"][0]["type"], "text/plain");
  EXPECT_EQ(mail["parts"][1]["type"], "text/html");
  for (const auto& part : mail["parts"]) {
    const std::string text = part["text"];
    EXPECT_NE(text.find("https://news.example.org/world/drone-strike-lab"), std::string::npos) << text;
    EXPECT_NE(text.find("Culiac\xC3\xA1n"), std::string::npos);
  }
}

TEST_F(SmtpDelivery, UpdateThreadsUnderTheEventsFirstMail) {
  LoopbackServer server("smtp_sink.py", log_, {});
  LoopbackSender s(smtp_config(server.port));
  s.outbox.add("desk", "new", sample_alert().dump(), s.now, 7);
  s.outbox.add("desk", "update", sample_alert("update").dump(), s.now, 8);
  EXPECT_EQ(s.deliver().delivered, 2);
  const auto mails = accepted(server);
  ASSERT_EQ(mails.size(), 2u);
  const auto first = parse_mail(mails[0]["data"]);
  const auto second = parse_mail(mails[1]["data"]);
  const auto& update = header(first, "message-id") == "<rl-8-desk@redline>" ? first : second;
  const auto& original = &update == &first ? second : first;
  EXPECT_EQ(header(original, "message-id"), "<rl-event-42-desk@redline>");
  EXPECT_EQ(header(update, "message-id"), "<rl-8-desk@redline>");
  EXPECT_EQ(header(update, "in-reply-to"), "<rl-event-42-desk@redline>");
  EXPECT_EQ(header(update, "references"), "<rl-event-42-desk@redline>");
  EXPECT_NE(header(update, "subject").find("(update, 2 sources)"), std::string::npos);
}

TEST_F(SmtpDelivery, TemporaryRejectionThenAcceptedIsDeliveredOnce) {
  LoopbackServer server("smtp_sink.py", log_, {"--fail-data", "451", "--fail-times", "1"});
  LoopbackSender s(smtp_config(server.port));
  const auto id = s.outbox.add("desk", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().retrying, 1);
  EXPECT_NE(s.outbox.row(id).last_error.find("SMTP 451"), std::string::npos) << s.outbox.row(id).last_error;
  s.now += seconds{45};
  EXPECT_EQ(s.deliver().delivered, 1);
  s.now += seconds{3600};
  s.deliver();
  const auto records = server.records();
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0]["rejected"], 451);
  EXPECT_EQ(accepted(server).size(), 1u);
  // The resent mail is the same message.
  EXPECT_EQ(header(parse_mail(records[0]["data"]), "message-id"),
            header(parse_mail(records[1]["data"]), "message-id"));
}

TEST_F(SmtpDelivery, PermanentRejectionFailsTheDelivery) {
  LoopbackServer server("smtp_sink.py", log_, {"--fail-rcpt", "550"});
  LoopbackSender s(smtp_config(server.port));
  const auto id = s.outbox.add("desk", "new", sample_alert().dump(), s.now, 7);
  EXPECT_EQ(s.deliver().failed, 1);
  EXPECT_EQ(s.outbox.row(id).status, "failed");
  EXPECT_NE(s.outbox.row(id).last_error.find("SMTP 550"), std::string::npos) << s.outbox.row(id).last_error;
  EXPECT_TRUE(accepted(server).empty());
}

TEST_F(SmtpDelivery, TitleCannotInjectAHeaderOrARecipient) {
  LoopbackServer server("smtp_sink.py", log_, {});
  LoopbackSender s(smtp_config(server.port));
  auto alert = sample_alert();
  alert["title"] = "Strike confirmed\r\nBcc: victim@example.com\r\nX-Injected: yes\n\nbody";
  alert["feed"] = "Wire\r\nCc: victim2@example.com";
  s.outbox.add("desk", "new", alert.dump(), s.now, 7);
  EXPECT_EQ(s.deliver().delivered, 1);
  const auto mails = accepted(server);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0]["rcpt_tos"], nlohmann::json({"analyst@example.org", "oncall@example.org"}));
  const std::string raw = mails[0]["data"];
  const std::string head = raw.substr(0, raw.find("\r\n\r\n"));
  EXPECT_EQ(head.find("\nBcc:"), std::string::npos) << head;
  EXPECT_EQ(head.find("\nCc:"), std::string::npos) << head;
  EXPECT_EQ(head.find("\nX-Injected"), std::string::npos) << head;
  const auto mail = parse_mail(raw);
  EXPECT_FALSE(mail["headers"].contains("bcc"));
  EXPECT_FALSE(mail["headers"].contains("cc"));
  EXPECT_FALSE(mail["headers"].contains("x-injected"));
  EXPECT_EQ(header(mail, "subject"),
            "[redline] CRITICAL strikes: Strike confirmed Bcc: victim@example.com X-Injected: yes body");
}

TEST_F(SmtpDelivery, HtmlIsEscapedAndJavascriptLinksNeverAppear) {
  LoopbackServer server("smtp_sink.py", log_, {});
  LoopbackSender s(smtp_config(server.port));
  auto alert = sample_alert();
  alert["title"] = "<script>alert('x')</script> Raid <b>confirmed</b>";
  alert["link"] = "javascript:alert(document.domain)";
  alert["sources"]["list"][1]["link"] = " JAVASCRIPT:alert(1)";
  s.outbox.add("desk", "new", alert.dump(), s.now, 7);
  EXPECT_EQ(s.deliver().delivered, 1);
  const auto mails = accepted(server);
  ASSERT_EQ(mails.size(), 1u);
  const auto mail = parse_mail(mails[0]["data"]);
  ASSERT_EQ(mail["parts"].size(), 2u);
  const std::string html = mail["parts"][1]["text"];
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("<b>confirmed"), std::string::npos) << html;
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Raid &lt;b&gt;confirmed&lt;/b&gt;"),
            std::string::npos) << html;
  for (const auto& part : mail["parts"]) {
    std::string text = part["text"];
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(text.find("javascript:"), std::string::npos) << text;
  }
}

TEST_F(SmtpDelivery, TestSendReportsTheServersRejection) {
  LoopbackServer server("smtp_sink.py", log_, {"--fail-rcpt", "550"});
  LoopbackSender s(smtp_config(server.port));
  const auto results = s.send_test();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(results[0].second.ok);
  EXPECT_EQ(results[0].second.reply.rfind("SMTP 550", 0), 0u) << results[0].second.reply;
}

}  // namespace
}  // namespace redline
