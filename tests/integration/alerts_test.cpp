// Alerts end to end: build/redline polls a loopback feed server and delivers to a real webhook
// receiver and a real SMTP server (aiosmtpd), all started by the tests.
#include <openssl/hmac.h>

#include <csignal>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "integration/fixture.h"

namespace redline::test {
namespace {

using namespace std::chrono_literals;

const char* kSecret = "integration-secret";

// A loopback receiver script (webhook_receiver.py or smtp_sink.py) and its JSON Lines log.
class Receiver {
 public:
  Receiver(TempDir& dir, const std::string& script, std::vector<std::string> flags = {}) {
    log_ = dir.file(script + ".jsonl");
    std::vector<std::string> argv{"/usr/bin/python3", support_script(script), "--log", log_};
    argv.insert(argv.end(), flags.begin(), flags.end());
    process_ = std::make_unique<ChildProcess>(argv);
    const auto line = process_->first_stdout_line(15s);
    if (!line) throw std::runtime_error(script + " did not start: " + process_->stderr_text());
    port_ = std::stoi(*line);
  }
  int port() const { return port_; }
  std::vector<nlohmann::json> records() const {
    std::vector<nlohmann::json> out;
    std::istringstream in(read_file(log_));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) out.push_back(nlohmann::json::parse(line));
    }
    return out;
  }
  void control(const std::string& json) {
    run_command({"curl", "-s", "-X", "POST", "--data", json,
                 "http://127.0.0.1:" + std::to_string(port_) + "/_control"});
  }

 private:
  std::string log_;
  std::unique_ptr<ChildProcess> process_;
  int port_ = 0;
};

std::string hmac_hex(const std::string& key, const std::string& body) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), out, &len);
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < len; ++i) {
    s += hex[out[i] >> 4];
    s += hex[out[i] & 15];
  }
  return s;
}

std::string sinks(const Receiver* hook, const Receiver* smtp) {
  std::string t = "[alerts]\nretry_initial = \"1s\"\n";
  if (hook) {
    t += "[[alerts.webhook]]\nname = \"hook\"\nurl = \"http://127.0.0.1:" + std::to_string(hook->port()) +
         "/redline\"\nsecret = \"" + kSecret + "\"\nallow_private = true\n";
  }
  if (smtp) {
    t += "[[alerts.email]]\nname = \"desk\"\nsmtp = \"smtp://127.0.0.1:" + std::to_string(smtp->port()) +
         "\"\nfrom = \"redline@example.org\"\nto = [\"desk@example.org\"]\nallow_private = true\n";
  }
  return t;
}

FeedItem strike(const std::string& guid) {
  return {guid, "US drone strike hits cartel lab in Sinaloa, killing three",
          "A US military drone struck a methamphetamine lab run by the Sinaloa Cartel on Tuesday, Mexican officials said.",
          hours_ago(1)};
}

FeedItem threat(const std::string& guid) {
  return {guid, "Trump says US could strike cartels inside Mexico",
          "The president warned he would not rule out military action against the cartels.", hours_ago(1)};
}

std::vector<nlohmann::json> posts(const Receiver& r) { return r.records(); }

TEST(Alerts, RhetoricSendsNothing) {
  Workspace ws;
  Receiver hook(ws.dir(), "webhook_receiver.py");
  Receiver smtp(ws.dir(), "smtp_sink.py");
  ws.serve("wire", rss("Wire", {threat("t-1")}));
  ws.write_config({"wire"}, "1s", sinks(&hook, &smtp));
  const auto r = ws.poll();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto items = ws.history();
  ASSERT_EQ(items.size(), 1u);
  ASSERT_FALSE(items[0]["matches"].empty()) << "the threat is matched (as rhetoric)";
  EXPECT_EQ(items[0]["matches"][0]["stance"], "rhetoric");
  EXPECT_TRUE(posts(hook).empty());
  EXPECT_TRUE(smtp.records().empty());
}

TEST(Alerts, ActionSendsOneSignedWebhookAndOneMail) {
  Workspace ws;
  Receiver hook(ws.dir(), "webhook_receiver.py");
  Receiver smtp(ws.dir(), "smtp_sink.py");
  ws.serve("wire", rss("Wire", {strike("s-1"), threat("t-1")}));
  ws.write_config({"wire"}, "1s", sinks(&hook, &smtp));
  const auto r = ws.poll();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto got = posts(hook);
  ASSERT_EQ(got.size(), 1u) << r.err;
  const std::string body = got[0]["body"];
  const auto& headers = got[0]["headers"];
  EXPECT_EQ(headers["x-redline-signature"], "sha256=" + hmac_hex(kSecret, body));
  const auto alert = nlohmann::json::parse(body);
  EXPECT_EQ(alert["topic"], "strikes");
  EXPECT_EQ(alert["stance"], "action");
  EXPECT_EQ(alert["kind"], "new");
  EXPECT_EQ(alert["severity"], "critical");
  EXPECT_EQ(alert["feed"], "wire");
  EXPECT_FALSE(alert["evidence"].get<std::string>().empty());
  EXPECT_EQ(headers["webhook-id"], alert["id"]);
  const auto mails = smtp.records();
  ASSERT_EQ(mails.size(), 1u);
  const std::string data = mails[0]["data"];
  EXPECT_NE(data.find("Subject: "), std::string::npos);
  EXPECT_NE(data.find("strikes"), std::string::npos);
  EXPECT_EQ(mails[0]["rcpt_tos"], nlohmann::json::array({"desk@example.org"}));
}

TEST(Alerts, RepeatPollsAndRepublishedItemsSendNoNewEvent) {
  Workspace ws;
  Receiver hook(ws.dir(), "webhook_receiver.py");
  ws.serve("wire", rss("Wire", {strike("s-1")}));
  ws.write_config({"wire"}, "1s", sinks(&hook, nullptr));
  ASSERT_EQ(ws.poll().exit_code, 0);
  ASSERT_EQ(ws.poll().exit_code, 0);
  // The feed republishes the same story under a new guid and link: the event absorbs it.
  auto again = strike("s-1-republished");
  ws.serve("wire", rss("Wire", {strike("s-1"), again}));
  ASSERT_EQ(ws.poll().exit_code, 0);
  int news = 0;
  for (const auto& p : posts(hook)) news += nlohmann::json::parse(p["body"].get<std::string>())["kind"] == "new";
  EXPECT_EQ(news, 1);
}

TEST(Alerts, ASecondSourceSendsOneUpdateNeverASecondNewEvent) {
  Workspace ws;
  Receiver hook(ws.dir(), "webhook_receiver.py");
  ws.serve("wire", rss("Wire", {strike("s-1")}));
  ws.serve("daily", rss("Daily", {{"d-9", "US drone strikes Sinaloa cartel lab; three dead",
                                   "Mexican officials said a US drone hit a lab of the Sinaloa Cartel.",
                                   hours_ago(1)}}));
  ws.serve("third", rss("Third", {{"x-3", "Three killed as US drone hits cartel lab in Sinaloa",
                                   "The Sinaloa Cartel lab was struck by a US drone, officials said.",
                                   hours_ago(1)}}));
  ws.write_config({"wire"}, "1s", sinks(&hook, nullptr));
  ASSERT_EQ(ws.poll().exit_code, 0);
  ws.write_config({"wire", "daily", "third"}, "1s", sinks(&hook, nullptr));
  ASSERT_EQ(ws.poll().exit_code, 0);
  std::map<std::string, int> kinds;
  std::set<long long> events;
  for (const auto& p : posts(hook)) {
    const auto a = nlohmann::json::parse(p["body"].get<std::string>());
    ++kinds[a["kind"]];
    events.insert(a["event_id"].get<long long>());
  }
  EXPECT_EQ(kinds["new"], 1);
  EXPECT_EQ(kinds["update"], 1);
  EXPECT_EQ(events.size(), 1u) << "the update carries the first alert's event id";
}

TEST(Alerts, BacklogItemsAreStoredButNeverAlert) {
  Workspace ws;
  Receiver hook(ws.dir(), "webhook_receiver.py");
  auto old = strike("s-old");
  old.published = hours_ago(24 * 30);
  ws.serve("wire", rss("Wire", {old}));
  ws.write_config({"wire"}, "1s", sinks(&hook, nullptr));
  ASSERT_EQ(ws.poll().exit_code, 0);
  EXPECT_EQ(ws.history().size(), 1u);
  EXPECT_TRUE(posts(hook).empty());
}

TEST(Alerts, ASinkThatIsDownThenUpGetsTheAlertExactlyOnce) {
  Workspace ws;
  Receiver hook(ws.dir(), "webhook_receiver.py", {"--fail-first", "2", "--fail-status", "503"});
  ws.serve("wire", rss("Wire", {strike("s-1")}));
  ws.write_config({"wire"}, "1s", sinks(&hook, nullptr));
  ChildProcess daemon({REDLINE_BIN, "run", "--config", ws.config_path()});
  std::set<std::string> delivered;
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (daemon.stderr_text().find("1 delivered") != std::string::npos) break;
    std::this_thread::sleep_for(200ms);
  }
  std::this_thread::sleep_for(2s);  // any duplicate would arrive now
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait(15s).value_or(-1), 0);
  const auto got = posts(hook);
  ASSERT_EQ(got.size(), 3u) << daemon.stderr_text();  // 503, 503, then 204
  for (const auto& p : got) delivered.insert(p["headers"]["webhook-id"].get<std::string>());
  EXPECT_EQ(delivered.size(), 1u) << "every attempt carries the same delivery id";
}

TEST(Alerts, ACrLfLadenTitleCannotInjectAHeaderOrARecipient) {
  Workspace ws;
  Receiver smtp(ws.dir(), "smtp_sink.py");
  auto evil = strike("s-evil");
  evil.title = "US drone strike hits cartel lab in Sinaloa\r\nBcc: victim@example.com\r\nX-Evil: 1";
  ws.serve("wire", rss("Wire", {evil}));
  ws.write_config({"wire"}, "1s", sinks(nullptr, &smtp));
  ASSERT_EQ(ws.poll().exit_code, 0);
  const auto mails = smtp.records();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0]["rcpt_tos"], nlohmann::json::array({"desk@example.org"}));
  const std::string data = mails[0]["data"];
  auto end = data.find("\r\n\r\n");
  if (end == std::string::npos) end = data.find("\n\n");
  const std::string headers = data.substr(0, end);  // the feed's words may appear in the body
  EXPECT_EQ(headers.find("\nBcc:"), std::string::npos) << headers;
  EXPECT_EQ(headers.find("\nX-Evil:"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Subject: "), std::string::npos) << headers;
}

}  // namespace
}  // namespace redline::test
