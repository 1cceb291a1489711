#include "integration/fixture.h"

#include <chrono>
#include <ctime>
#include <filesystem>

namespace redline::test {

namespace {

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string rss(const std::string& title, const std::vector<FeedItem>& items) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>" +
                    xml_escape(title) + "</title><link>https://news.example.org/</link>\n";
  for (const auto& it : items) {
    out += "<item><guid isPermaLink=\"false\">" + xml_escape(it.guid) + "</guid><title>" +
           xml_escape(it.title) + "</title><link>https://news.example.org/" + xml_escape(it.guid) +
           "</link><description>" + xml_escape(it.summary) + "</description><pubDate>" +
           it.published + "</pubDate></item>\n";
  }
  return out + "</channel></rss>\n";
}

std::string hours_ago(int hours) {
  const std::time_t t = std::time(nullptr) - hours * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

Workspace::Workspace() {
  std::filesystem::create_directories(dir_.file("www/feeds"));
  HttpServerOptions options;
  options.root = dir_.file("www");
  options.file_max_age = 0;  // the configured interval decides (a test below checks max-age)
  server_ = std::make_unique<HttpServer>(options);
}

void Workspace::serve(const std::string& name, const std::string& document) {
  dir_.write("www/feeds/" + name + ".xml", document);
}

std::string Workspace::feed_url(const std::string& name) const {
  return server_->url("/feeds/" + name + ".xml");
}

std::string Workspace::write_config(const std::vector<std::string>& feeds, const std::string& interval,
                                    const std::string& extra) {
  std::string toml = "[storage]\ndatabase = \"" + db_path() + "\"\n\n[watchlist]\nfile = \"" +
                     std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml\"\n\n" + extra + "\n";
  for (const auto& f : feeds) {
    toml += "[[feeds]]\nname = \"" + f + "\"\nurl = \"" + feed_url(f) + "\"\ninterval = \"" + interval +
            "\"\nallow_private = true\n\n";
  }
  return dir_.write("redline.toml", toml);
}

CommandResult Workspace::poll() { return run_redline({"poll", "--once", "--config", config_path()}); }

nlohmann::json Workspace::history(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"history", "--db", db_path(), "--format", "json", "--limit", "100000"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_redline(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

std::vector<LoggedRequest> Workspace::requests_for(const std::string& name) const {
  std::vector<LoggedRequest> out;
  for (auto& r : server_->requests()) {
    if (r.target == "/feeds/" + name + ".xml") out.push_back(r);
  }
  return out;
}

std::string sql(const std::string& db, const std::string& query) {
  const auto r = run_command({"sqlite3", db, query});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto out = r.out;
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace redline::test
