// What the integration tests share: a temporary folder with a configuration that points
// build/redline at feeds served by a real loopback HTTP server, helpers to write feeds and read
// the history database back through `redline history --format json`.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/http_server.h"
#include "support/process.h"

namespace redline::test {

struct FeedItem {
  std::string guid;
  std::string title;
  std::string summary;
  std::string published = "Mon, 24 Nov 2026 10:00:00 GMT";  // recent: not backlog
};

// An RSS 2.0 document with these items.
std::string rss(const std::string& title, const std::vector<FeedItem>& items);

// A published date `hours` before now, as RSS writes it.
std::string hours_ago(int hours);

class Workspace {
 public:
  Workspace();
  TempDir& dir() { return dir_; }
  HttpServer& server() { return *server_; }

  // Writes feeds/NAME.xml under the served folder.
  void serve(const std::string& name, const std::string& document);
  std::string feed_url(const std::string& name) const;

  // Writes redline.toml with a feed per name (interval `interval`) plus `extra` TOML.
  std::string write_config(const std::vector<std::string>& feeds, const std::string& interval = "1s",
                           const std::string& extra = "");
  std::string config_path() const { return dir_.file("redline.toml"); }
  std::string db_path() const { return dir_.file("redline.db"); }

  CommandResult poll();
  nlohmann::json history(const std::vector<std::string>& extra = {});

  // Requests the server saw for feeds/NAME.xml.
  std::vector<LoggedRequest> requests_for(const std::string& name) const;

 private:
  TempDir dir_;
  std::unique_ptr<HttpServer> server_;
};

// One query through the sqlite3 shell, its output without the trailing newlines (a failure is
// a test failure).
std::string sql(const std::string& db, const std::string& query);

}  // namespace redline::test
