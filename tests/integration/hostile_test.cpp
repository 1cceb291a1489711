// Hostile input through the real binary: feed files through `redline parse`, and hostile feeds
// and servers through `redline poll --once` against the loopback server. Every case must finish
// in bounded time (a generous timeout, not a speed target), never crash, and leave a one-line
// reason; a healthy feed in the same cycle is stored normally. Cases: tests/data/hostile/README.md.
#include <algorithm>
#include <cctype>

#include <filesystem>
#include <sstream>

#include "integration/fixture.h"

namespace redline::test {
namespace {

using nlohmann::json;

std::string hostile(const std::string& name) { return std::string(REDLINE_TEST_DATA) + "/hostile/" + name; }

// `redline parse FILE`: completes, never by a signal, exit 0 (a feed) or 65 (no feed).
CommandResult parse_file(const std::string& path) {
  RunOptions options;
  options.timeout = std::chrono::seconds(60);
  auto r = run_redline({"parse", path}, options);
  EXPECT_FALSE(r.timed_out) << path;
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 65) << path << " exit " << r.exit_code << ": " << r.err;
  return r;
}

CommandResult parse_text(TempDir& dir, const std::string& name, const std::string& content) {
  return parse_file(dir.write(name, content));
}

json parsed(const CommandResult& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);  // throws (fails the test) on invalid UTF-8 or broken JSON
}

std::string one_item_feed(const std::string& title) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><guid>g</guid><title>" +
         title + "</title></item></channel></rss>";
}

TEST(HostileFeed, ExternalEntitiesNeverReadLocalFiles) {
  const auto r = parse_file(hostile("xxe_external_entity.xml"));
  EXPECT_EQ(r.out.find("root:"), std::string::npos) << "passwd content leaked";
  EXPECT_EQ(r.err.find("root:"), std::string::npos);
  if (r.exit_code == 0) {
    (void)parsed(r);
  }
}

TEST(HostileFeed, BillionLaughsStaysSmall) {
  const auto r = parse_file(hostile("billion_laughs.xml"));
  EXPECT_LT(r.out.size(), 1u << 20) << "entities were expanded";
}

TEST(HostileFeed, HalfAMillionDeepNestingDoesNotCrash) {
  TempDir dir;
  std::string doc = "<rss version=\"2.0\"><channel><title>Deep</title><item><guid>d</guid><title>Deep item</title><description>";
  for (int i = 0; i < 500000; ++i) doc += "<div>";
  for (int i = 0; i < 500000; ++i) doc += "</div>";
  doc += "</description></item></channel></rss>";
  const auto r = parse_text(dir, "deep.xml", doc);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(parsed(r)["items"].size(), 1u);
}

TEST(HostileFeed, UnclosedDeepNestingDoesNotCrash) {
  TempDir dir;
  std::string doc = "<rss version=\"2.0\"><channel><title>Deep</title>";
  for (int i = 0; i < 500000; ++i) doc += "<x>";
  (void)parse_text(dir, "deep_unclosed.xml", doc);
}

TEST(HostileFeed, FourMegabyteTitleIsReadAsPlainText) {
  TempDir dir;
  const auto r = parse_text(dir, "big_title.xml", one_item_feed(std::string(4u << 20, 'A')));
  const auto feed = parsed(r);
  ASSERT_EQ(feed["items"].size(), 1u);
  EXPECT_GT(feed["items"][0]["title"].get<std::string>().size(), 1000u);
}

TEST(HostileFeed, HundredThousandItemsAreCappedWithAWarning) {
  TempDir dir;
  std::string doc = "<rss version=\"2.0\"><channel><title>Flood</title>";
  for (int i = 0; i < 100000; ++i) {
    doc += "<item><guid>f" + std::to_string(i) + "</guid><title>Item " + std::to_string(i) + "</title></item>";
  }
  doc += "</channel></rss>";
  const auto feed = parsed(parse_text(dir, "flood.xml", doc));
  EXPECT_GT(feed["items"].size(), 0u);
  EXPECT_LT(feed["items"].size(), 100000u);
  EXPECT_FALSE(feed["warnings"].empty());
}

TEST(HostileFeed, InvalidUtf8BecomesValidJson) {
  TempDir dir;
  const auto feed = parsed(parse_text(dir, "bad_utf8.xml", one_item_feed("Caf\xc3 \xff\xfe \xed\xa0\x80 \xf4\x90\x80\x80 ok")));
  ASSERT_EQ(feed["items"].size(), 1u);
  EXPECT_NE(feed["items"][0]["title"].get<std::string>().find("ok"), std::string::npos);
}

TEST(HostileFeed, NulBytesDoNotTruncateOrCrash) {
  TempDir dir;
  std::string doc = one_item_feed(std::string("Before\0after", 12));
  doc.insert(doc.find("</channel>"), std::string("<item><guid>n2</guid><title>Second\0\0 item</title></item>", 56));
  const auto feed = parsed(parse_text(dir, "nul.xml", doc));
  EXPECT_EQ(feed["items"].size(), 2u);
}

TEST(HostileFeed, Utf16WithBomIsTranscoded) {
  TempDir dir;
  const std::string text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + one_item_feed("Tropas en la frontera");
  std::string bytes = "\xff\xfe";
  for (char c : text) {
    bytes += c;
    bytes += '\0';
  }
  const auto feed = parsed(parse_text(dir, "utf16.xml", bytes));
  ASSERT_EQ(feed["items"].size(), 1u);
  EXPECT_EQ(feed["items"][0]["title"], "Tropas en la frontera");
}

TEST(HostileFeed, HtmlPageIsNoFeedWithOneLine) {
  const auto r = parse_file(hostile("html_page.html"));
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(HostileFeed, EmptyFileIsNoFeed) {
  const auto r = parse_file(hostile("empty.xml"));
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(HostileFeed, TruncatedFeedIsRecovered) {
  const auto feed = parsed(parse_file(hostile("truncated_mid_item.xml")));
  ASSERT_GE(feed["items"].size(), 2u);
  EXPECT_EQ(feed["items"][0]["title"], "First complete story");
  EXPECT_EQ(feed["items"][1]["title"], "Second complete story");
}

TEST(HostileFeed, ScriptAndCrLfInTitlesComeOutAsPlainText) {
  const auto feed = parsed(parse_file(hostile("script_and_crlf_in_titles.xml")));
  ASSERT_EQ(feed["items"].size(), 2u);
  const auto title = feed["title"].get<std::string>();
  EXPECT_EQ(title.find_first_of("\r\n"), std::string::npos) << title;
  for (const auto& item : feed["items"]) {
    for (const char* field : {"title", "summary", "content"}) {
      if (!item[field].is_string()) continue;
      const auto text = item[field].get<std::string>();
      EXPECT_EQ(text.find('<'), std::string::npos) << field << ": " << text;
      EXPECT_EQ(text.find("alert("), std::string::npos) << field << ": " << text;
      EXPECT_EQ(text.find("fetch("), std::string::npos) << field << ": " << text;
      if (std::string(field) == "title") {
        EXPECT_EQ(text.find_first_of("\r\n"), std::string::npos) << text;
      }
    }
  }
  EXPECT_NE(feed["items"][0]["summary"].get<std::string>().find("Troops arrive"), std::string::npos);
}

TEST(HostileFeed, JavascriptAndDataLinksAreDropped) {
  const auto feed = parsed(parse_file(hostile("javascript_links.xml")));
  const auto harmless = [](const json& link) {
    return link.is_null() || link == "" || link.get<std::string>().starts_with("https://");
  };
  EXPECT_TRUE(harmless(feed["link"])) << feed["link"];
  ASSERT_EQ(feed["items"].size(), 4u);
  for (const auto& item : feed["items"]) {
    EXPECT_TRUE(harmless(item["link"])) << item["link"];
  }
  EXPECT_EQ(feed["items"][3]["link"], "https://news.example.org/js-4");
  EXPECT_EQ(feed["warnings"].size(), 4u) << "each dropped link is reported";
}

TEST(HostileFeed, DatesFarInThePastAndFutureAreValidOrNull) {
  const auto feed = parsed(parse_file(hostile("dates_far_past_and_future.xml")));
  ASSERT_EQ(feed["items"].size(), 6u);
  for (const auto& item : feed["items"]) {
    const auto& d = item["published"];
    if (d.is_null()) continue;
    const auto s = d.get<std::string>();
    EXPECT_EQ(s.size(), 20u) << s;  // YYYY-MM-DDTHH:MM:SSZ
    EXPECT_EQ(s.back(), 'Z') << s;
  }
}

// Found by parse_feed_fuzz: a document whose first in-place parse failed left pugixml nodes
// pointing into a freed buffer (heap-use-after-free under ASan).
TEST(HostileFeed, FuzzerFoundPartialParseIsReadSafely) {
  (void)parse_file(hostile("fuzz_partial_parse_use_after_free.xml"));
}

// ---- through `redline poll --once` -------------------------------------------------------------

// A configuration of named feeds with their own URLs and allow_private settings.
struct FeedEntry {
  std::string name;
  std::string url;
  bool allow_private = true;
};

std::string write_config(Workspace& ws, const std::vector<FeedEntry>& feeds, const std::string& extra = "") {
  std::string toml = "[storage]\ndatabase = \"" + ws.db_path() + "\"\n\n[watchlist]\nfile = \"" +
                     std::string(REDLINE_SOURCE_DIR) + "/config/watchlists/us-mexico.toml\"\n\n" + extra + "\n";
  for (const auto& f : feeds) {
    toml += "[[feeds]]\nname = \"" + f.name + "\"\nurl = \"" + f.url + "\"\ninterval = \"1m\"\nallow_private = " +
            (f.allow_private ? "true" : "false") + "\n\n";
  }
  return ws.dir().write("redline.toml", toml);
}

const char* kShortLimits =
    "[limits]\nmax_body_bytes = 1048576\nconnect_timeout = \"5s\"\ntotal_timeout = \"30s\"\n"
    "low_speed_bytes = 64\nlow_speed_time = \"2s\"\nmax_redirects = 3\n";

void serve_healthy(Workspace& ws) {
  ws.serve("wire", rss("Wire", {{"h-1", "Senate debates border budget", "Lawmakers argued."},
                                {"h-2", "Storm closes ports", "Shipping halted."}}));
}

// Polls once with the healthy feed plus `bad` and checks the shared promises: bounded time, no
// crash, the healthy feed stored, the bad feed's error stored and logged on one line naming it.
std::string poll_with_bad_feed(Workspace& ws, const FeedEntry& bad, const std::string& extra = kShortLimits) {
  serve_healthy(ws);
  const auto config = write_config(ws, {{"wire", ws.feed_url("wire")}, bad}, extra);
  RunOptions options;
  options.timeout = std::chrono::seconds(90);
  const auto r = run_redline({"poll", "--once", "--config", config}, options);
  EXPECT_FALSE(r.timed_out);
  EXPECT_LT(r.exit_code, 128) << "killed by a signal: " << r.err;
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.name = 'wire'"), "2")
      << r.err;
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.name = '" +
                                  bad.name + "'"), "0");
  const auto error = sql(ws.db_path(), "SELECT last_error || disabled_reason FROM feeds WHERE name = '" + bad.name + "'");
  EXPECT_FALSE(error.empty()) << "no error stored for " << bad.name << "; log: " << r.err;
  std::istringstream lines(r.err);
  std::string line;
  bool logged = false;
  while (std::getline(lines, line)) logged = logged || line.find(bad.name) != std::string::npos;
  EXPECT_TRUE(logged) << "no log line names " << bad.name << ": " << r.err;
  return error;
}

TEST(HostileServer, GzipBombIsCutOffWithBoundedMemory) {
  Workspace ws;
  serve_healthy(ws);
  const auto config = write_config(ws, {{"wire", ws.feed_url("wire")}, {"bomb", ws.server().url("/gzip-bomb")}},
                                   "[limits]\nmax_body_bytes = 8388608\n");
  RunOptions options;
  options.timeout = std::chrono::seconds(90);
  // GNU time -f %M: the child's peak resident set in KiB, as the last line of stderr.
  const auto r = run_command({"/usr/bin/time", "-f", "maxrss_kib=%M", REDLINE_BIN, "poll", "--once", "--config", config},
                             options);
  ASSERT_FALSE(r.timed_out);
  const auto at = r.err.rfind("maxrss_kib=");
  ASSERT_NE(at, std::string::npos) << r.err;
  const long kib = std::stol(r.err.substr(at + 11));
#if defined(__SANITIZE_ADDRESS__)
  const long limit_kib = 400 * 1024;  // AddressSanitizer's shadow memory and quarantine
#else
  const long limit_kib = 200 * 1024;
#endif
  EXPECT_LT(kib, limit_kib) << "peak RSS " << kib << " KiB";
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items"), "2") << r.err;
  EXPECT_FALSE(sql(ws.db_path(), "SELECT last_error FROM feeds WHERE name = 'bomb'").empty()) << r.err;
}

TEST(HostileServer, RedirectToFileUrlIsRefused) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"tofile", ws.server().url("/redirect-to?url=file:///etc/passwd")});
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM item_revisions WHERE title LIKE '%root%'"), "0");
}

TEST(HostileServer, AnySpellingOfLoopbackIsRefusedWithoutAllowPrivate) {
  Workspace ws;
  const auto port = std::to_string(ws.server().port());
  ws.serve("target", rss("Target", {{"t-1", "Internal only", "Must never be fetched."}}));
  for (const auto& host : {"127.0.0.1", "2130706433", "0x7f000001", "127.1", "[::ffff:127.0.0.1]", "localhost"}) {
    Workspace each;
    (void)poll_with_bad_feed(each, {"ssrf", "http://" + std::string(host) + ":" + port + "/feeds/target.xml", false});
  }
  EXPECT_EQ(ws.requests_for("target").size(), 0u) << "a private address was fetched";
}

TEST(HostileServer, RedirectLoopIsCapped) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"loop", ws.server().url("/loop")});
  EXPECT_LE(ws.server().count("/loop"), 5u);
}

TEST(HostileServer, LongRedirectChainIsCapped) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"chain", ws.server().url("/redirect/10")});
  EXPECT_LE(ws.server().requests().size(), 1u + 3u + 1u + 1u);  // wire + cap + first hop slack
}

TEST(HostileServer, TrickleIsCutByTheLowSpeedLimit) {
  Workspace ws;
  const auto start = std::chrono::steady_clock::now();
  (void)poll_with_bad_feed(ws, {"trickle", ws.server().url("/trickle?interval=1.0")});
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(HostileServer, EndlessBodyIsCutAtTheSizeCap) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"endless", ws.server().url("/endless")});
}

TEST(HostileServer, TruncatedBodyIsAnError) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"truncated", ws.server().url("/truncated")});
}

TEST(HostileServer, ServerErrorIsStored) {
  Workspace ws;
  const auto error = poll_with_bad_feed(ws, {"broken", ws.server().url("/status/503")});
  EXPECT_NE(error.find("503"), std::string::npos) << error;
  EXPECT_EQ(sql(ws.db_path(), "SELECT error_count FROM feeds WHERE name = 'broken'"), "1");
}

TEST(HostileServer, TooManyRequestsRespectsRetryAfter) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"limited", ws.server().url("/status/429?retry_after=7200")});
  const auto seconds = sql(ws.db_path(),
                           "SELECT CAST((julianday(next_poll) - julianday('now')) * 86400 AS INTEGER) FROM feeds "
                           "WHERE name = 'limited'");
  ASSERT_FALSE(seconds.empty());
  EXPECT_GT(std::stol(seconds), 7000) << "next poll in " << seconds << " s, Retry-After was 7200";
}

TEST(HostileServer, GoneDisablesTheFeedWithAReason) {
  Workspace ws;
  (void)poll_with_bad_feed(ws, {"gone", ws.server().url("/status/410")});
  EXPECT_EQ(sql(ws.db_path(), "SELECT disabled FROM feeds WHERE name = 'gone'"), "1");
  EXPECT_FALSE(sql(ws.db_path(), "SELECT disabled_reason FROM feeds WHERE name = 'gone'").empty());
}

TEST(HostileServer, SelfSignedCertificateIsRefused) {
  Workspace ws;
  TempDir tls_dir;
  const auto cert = make_self_signed_cert(tls_dir.path());
  std::filesystem::create_directories(tls_dir.file("www/feeds"));
  tls_dir.write("www/feeds/tls.xml", rss("TLS", {{"s-1", "Over TLS", "Should not be stored."}}));
  HttpServerOptions options;
  options.root = tls_dir.file("www");
  options.tls_cert = cert.cert;
  options.tls_key = cert.key;
  HttpServer tls(options);
  (void)poll_with_bad_feed(ws, {"selfsigned", tls.url("/feeds/tls.xml")});
  EXPECT_EQ(tls.count("/feeds/tls.xml"), 0u) << "a request got through an untrusted TLS handshake";
}

TEST(HostilePoll, DuplicateAndMissingGuidsAreStoredOnce) {
  Workspace ws;
  const auto document = read_file(hostile("duplicate_and_missing_guids.xml"));
  ws.serve("dupes", document);
  ws.write_config({"dupes"});
  ASSERT_EQ(ws.poll().exit_code, 0);
  // A new ETag, the same items again; the link now without its tracking parameter.
  auto again = document;
  again.replace(again.find("?utm_source=x"), 13, "");
  ws.serve("dupes", again);
  ASSERT_EQ(ws.poll().exit_code, 0);
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items"), "3");
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items WHERE identity LIKE 'guid:%'"), "1");
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items WHERE identity LIKE 'link:%'"), "1");
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items WHERE identity LIKE 'hash:%'"), "1");
}

TEST(HostilePoll, HostileDocumentsFromTheServerNeverCrashTheCycle) {
  Workspace ws;
  std::vector<std::string> names{"wire"};
  serve_healthy(ws);
  for (const auto& f : std::filesystem::directory_iterator(std::string(REDLINE_TEST_DATA) + "/hostile")) {
    if (f.path().extension() != ".xml" && f.path().extension() != ".html") continue;
    const auto name = f.path().stem().string();
    ws.serve(name, read_file(f.path().string()));
    names.push_back(name);
  }
  ws.write_config(names);
  RunOptions options;
  options.timeout = std::chrono::seconds(90);
  const auto r = run_redline({"poll", "--once", "--config", ws.config_path()}, options);
  ASSERT_FALSE(r.timed_out);
  EXPECT_LT(r.exit_code, 128) << r.err;
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.name = 'wire'"), "2");
  EXPECT_EQ(r.out.find("root:"), std::string::npos);
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM item_revisions WHERE title LIKE '%root:%' OR summary LIKE '%root:%'"), "0");
  EXPECT_EQ(sql(ws.db_path(), "SELECT count(*) FROM items WHERE link LIKE 'javascript:%'"), "0");
}

}  // namespace
}  // namespace redline::test
