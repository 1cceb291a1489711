#include "alerts/email.h"

#include <gtest/gtest.h>

#include "sample_alert.h"

namespace redline {
namespace {

using testing::sample_alert;

EmailConfig sink() {
  EmailConfig e;
  e.name = "desk";
  e.smtp = "smtp://127.0.0.1:2525";
  e.from = "redline@example.org";
  e.to = {"analyst@example.org"};
  return e;
}

const Timestamp kNow{std::chrono::seconds{1764098712}};

TEST(MailIds, NewAlertIsTheEventsFirstMail) {
  const MailIds ids{"rl-7-desk", 42, "new", "desk"};
  EXPECT_EQ(mail_message_id(ids), "<rl-event-42-desk@redline>");
  EXPECT_EQ(mail_in_reply_to(ids), "");
}

TEST(MailIds, UpdateHasItsOwnIdAndRepliesToTheFirstMail) {
  const MailIds ids{"rl-9-desk", 42, "update", "desk"};
  EXPECT_EQ(mail_message_id(ids), "<rl-9-desk@redline>");
  EXPECT_EQ(mail_in_reply_to(ids), "<rl-event-42-desk@redline>");
  EXPECT_EQ(mail_in_reply_to(MailIds{"rl-10-desk", 42, "fact", "desk"}), "<rl-event-42-desk@redline>");
}

TEST(MailIds, OddSinkNamesStaySyntacticallyValid) {
  EXPECT_EQ(mail_message_id(MailIds{"rl-1-my desk>", 3, "new", "my desk>"}), "<rl-event-3-my-desk-@redline>");
}

TEST(AlertMail, SubjectNamesSeverityTopicAndTitle) {
  const auto m = alert_mail(sink(), sample_alert(), MailIds{"rl-7-desk", 42, "new", "desk"}, kNow);
  EXPECT_EQ(m.subject, "[redline] CRITICAL strikes: US drones strike cartel lab near Culiac\xC3\xA1n, officials say");
  EXPECT_EQ(m.from, "redline@example.org");
  EXPECT_EQ(m.to, std::vector<std::string>{"analyst@example.org"});
  EXPECT_EQ(m.message_id, "<rl-event-42-desk@redline>");
}

TEST(AlertMail, UpdateSubjectSaysSoAndThreads) {
  auto alert = sample_alert("update");
  alert["sources"]["count"] = 3;
  const auto m = alert_mail(sink(), alert, MailIds{"rl-9-desk", 42, "update", "desk"}, kNow);
  EXPECT_NE(m.subject.find("CRITICAL strikes (update, 3 sources): "), std::string::npos) << m.subject;
  EXPECT_EQ(m.in_reply_to, "<rl-event-42-desk@redline>");
}

TEST(AlertMail, BodiesCarryLinkSourcesAndEvidence) {
  const auto m = alert_mail(sink(), sample_alert(), MailIds{"rl-7-desk", 42, "new", "desk"}, kNow);
  for (const std::string* body : {&m.text, &m.html}) {
    EXPECT_NE(body->find("https://news.example.org/world/drone-strike-lab"), std::string::npos);
    EXPECT_NE(body->find("https://border.example.net/a/1"), std::string::npos);
    EXPECT_NE(body->find("drones struck a methamphetamine lab"), std::string::npos);
  }
  EXPECT_NE(m.html.find("<a href=\"https://border.example.net/a/1\">Strike reported in Sinaloa</a>"),
            std::string::npos) << m.html;
}

TEST(AlertMail, HtmlInTitlesIsEscaped) {
  auto alert = sample_alert();
  alert["title"] = "<script>alert(1)</script> & <b>raid</b>";
  alert["sources"]["list"][0]["title"] = "<img src=x onerror=alert(2)>";
  const auto m = alert_mail(sink(), alert, MailIds{"rl-7-desk", 42, "new", "desk"}, kNow);
  EXPECT_EQ(m.html.find("<script>"), std::string::npos) << m.html;
  EXPECT_EQ(m.html.find("<img"), std::string::npos);
  EXPECT_EQ(m.html.find("<b>raid"), std::string::npos);
  EXPECT_NE(m.html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;raid&lt;/b&gt;"),
            std::string::npos) << m.html;
}

TEST(AlertMail, JavascriptAndDataLinksNeverAppear) {
  auto alert = sample_alert();
  alert["link"] = "javascript:alert(1)";
  alert["sources"]["list"][0]["link"] = "JaVaScRiPt:alert(2)";
  alert["sources"]["list"][1]["link"] = "data:text/html,<b>x</b>";
  const auto m = alert_mail(sink(), alert, MailIds{"rl-7-desk", 42, "new", "desk"}, kNow);
  for (const std::string* body : {&m.text, &m.html}) {
    EXPECT_EQ(body->find("avascript"), std::string::npos) << *body;
    EXPECT_EQ(body->find("avaScRiPt"), std::string::npos) << *body;
    EXPECT_EQ(body->find("data:"), std::string::npos) << *body;
  }
  EXPECT_NE(m.html.find("Strike reported in Sinaloa"), std::string::npos);  // title kept, no link
}

TEST(AlertMail, LinkWithQuoteCannotBreakOutOfTheAttribute) {
  auto alert = sample_alert();
  alert["link"] = "https://x.example/\" onmouseover=\"alert(1)";
  const auto m = alert_mail(sink(), alert, MailIds{"rl-7-desk", 42, "new", "desk"}, kNow);
  EXPECT_EQ(m.html.find("onmouseover=\""), std::string::npos) << m.html;
}

TEST(SmtpReply, TwoFiftyIsDeliveredFourRetriesFiveIsPermanent) {
  EXPECT_TRUE(classify_smtp_reply(250).ok);
  EXPECT_EQ(classify_smtp_reply(250).reply, "SMTP 250");
  const auto temp = classify_smtp_reply(451, "try later");
  EXPECT_FALSE(temp.ok);
  EXPECT_FALSE(temp.permanent);
  EXPECT_EQ(temp.reply, "SMTP 451 try later");
  EXPECT_TRUE(classify_smtp_reply(550).permanent);
  EXPECT_TRUE(classify_smtp_reply(554).permanent);
  EXPECT_FALSE(classify_smtp_reply(0).permanent);
}

TEST(SmtpTls, RequiredOffLoopbackOptionalOnIt) {
  auto e = sink();
  e.require_tls = true;
  e.smtp = "smtp://mail.example.org:587";
  EXPECT_EQ(smtp_use_ssl(e), CURLUSESSL_ALL);
  e.smtp = "smtp://127.0.0.1:2525";
  EXPECT_EQ(smtp_use_ssl(e), CURLUSESSL_TRY);
  e.smtp = "smtp://[::1]:2525";
  EXPECT_EQ(smtp_use_ssl(e), CURLUSESSL_TRY);
  e.smtp = "smtp://localhost";
  EXPECT_EQ(smtp_use_ssl(e), CURLUSESSL_TRY);
  e.smtp = "smtp://mail.example.org:587";
  e.require_tls = false;
  EXPECT_EQ(smtp_use_ssl(e), CURLUSESSL_TRY);
}

TEST(SmtpTls, LoopbackMeansLoopbackOnly) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("127.4.5.6"));
  EXPECT_TRUE(is_loopback_host("::1"));
  EXPECT_FALSE(is_loopback_host("10.0.0.1"));
  EXPECT_FALSE(is_loopback_host("localhost.example.org"));
  EXPECT_FALSE(is_loopback_host("127.0.0.1.example.org"));
}

}  // namespace
}  // namespace redline
