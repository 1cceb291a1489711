// kill -9 at random moments while redline ingests and delivers: nothing stored is lost, nothing
// is stored twice, every alert arrives, and no event is announced as new twice.
#include <csignal>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "integration/fixture.h"

namespace redline::test {
namespace {

using namespace std::chrono_literals;

// Distinct happenings, one per feed, each reported as action.
std::vector<std::pair<std::string, FeedItem>> stories() {
  return {
      {"wire", {"w-1", "US drone strike hits cartel lab in Sinaloa, killing three",
                "A US military drone struck a lab of the Sinaloa Cartel, Mexican officials said.", hours_ago(2)}},
      {"daily", {"d-1", "US special forces raid CJNG compound in Jalisco",
                 "American commandos raided a compound of the Jalisco New Generation Cartel overnight.", hours_ago(2)}},
      {"border", {"b-1", "Pentagon deploys 3,000 more troops to the Texas border",
                  "The deployment brings the number of active-duty troops at the border to 9,000.", hours_ago(2)}},
      {"state", {"s-1", "State Department designates Tren de Aragua affiliate in Mexico as terrorist organization",
                 "The listing was published in the Federal Register on Monday.", hours_ago(2)}},
  };
}

std::vector<nlohmann::json> webhook_bodies(const std::string& log) {
  std::vector<nlohmann::json> out;
  std::istringstream in(read_file(log));
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    out.push_back(nlohmann::json::parse(nlohmann::json::parse(line)["body"].get<std::string>()));
  }
  return out;
}

struct Rig {
  Workspace ws;
  std::string log;
  std::unique_ptr<ChildProcess> receiver;

  explicit Rig(double delay) {
    log = ws.dir().file("hook.jsonl");
    receiver = std::make_unique<ChildProcess>(std::vector<std::string>{
        "/usr/bin/python3", support_script("webhook_receiver.py"), "--log", log, "--delay", std::to_string(delay)});
    const auto port = receiver->first_stdout_line(15s);
    if (!port) throw std::runtime_error("webhook receiver did not start");
    std::vector<std::string> names;
    // Many filler items make ingestion long enough for kills to land inside it.
    for (const auto& [feed, item] : stories()) {
      std::vector<FeedItem> items{item};
      for (int i = 0; i < 300; ++i) {
        items.push_back({feed + "-filler-" + std::to_string(i), "Local council meeting " + std::to_string(i) + " in " + feed,
                         "Routine business about roads and parks, item " + std::to_string(i) + ".", hours_ago(3)});
      }
      ws.serve(feed, rss(feed, items));
      names.push_back(feed);
    }
    ws.write_config(names, "1s",
                    "[alerts]\nretry_initial = \"1s\"\n[[alerts.webhook]]\nname = \"hook\"\nurl = \"http://127.0.0.1:" +
                        *port + "/h\"\nsecret = \"k\"\nallow_private = true\n");
  }
};

TEST(Crash, KillNineDuringIngestionAndDeliveryLosesNothingAndDoublesNoEvent) {
  // What one undisturbed run announces.
  Rig reference(0.0);
  ASSERT_EQ(reference.ws.poll().exit_code, 0);
  std::multiset<std::string> expected;
  for (const auto& a : webhook_bodies(reference.log)) expected.insert(a["kind"].get<std::string>() + " " + a["title"].get<std::string>());
  ASSERT_GE(expected.size(), stories().size());

  Rig crashy(0.2);
  std::mt19937 rng(20261125);
  std::uniform_int_distribution<int> pause_ms(20, 1500);
  for (int round = 0; round < 15; ++round) {
    ChildProcess daemon({REDLINE_BIN, "run", "--config", crashy.ws.config_path()});
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(rng)));
    daemon.signal(SIGKILL);
    daemon.wait(10s);
  }
  // A last undisturbed cycle delivers whatever is still pending.
  const auto last = crashy.ws.poll();
  ASSERT_EQ(last.exit_code, 0) << last.err;

  const auto got = webhook_bodies(crashy.log);
  std::map<std::string, nlohmann::json> by_delivery;  // a resend keeps its delivery id
  for (const auto& a : got) by_delivery[a["id"].get<std::string>()] = a;
  std::multiset<std::string> seen;
  std::map<long long, int> news_per_event;
  for (const auto& [id, a] : by_delivery) {
    seen.insert(a["kind"].get<std::string>() + " " + a["title"].get<std::string>());
    if (a["kind"] == "new") ++news_per_event[a["event_id"].get<long long>()];
  }
  EXPECT_EQ(seen, expected) << "every alert delivered, none invented";
  for (const auto& [event, n] : news_per_event) EXPECT_EQ(n, 1) << "event " << event << " announced twice";
  std::printf("[ info ] %zu webhook requests for %zu deliveries after 15 kill -9\n", got.size(), by_delivery.size());

  EXPECT_EQ(crashy.ws.history().size(), stories().size() * 301) << "every item stored exactly once";
  const auto check = run_command({"sqlite3", crashy.ws.db_path(), "PRAGMA integrity_check;"});
  EXPECT_EQ(check.out, "ok\n") << check.err;
  EXPECT_EQ(run_command({"sqlite3", crashy.ws.db_path(), "PRAGMA foreign_key_check;"}).out, "")
      << "a row refers to one that is not there";
}

}  // namespace
}  // namespace redline::test
