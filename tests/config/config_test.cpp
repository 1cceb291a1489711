#include "config/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace redline {
namespace {

Result<Config> parse(const std::string& text) { return parse_config(text, "/etc/redline/test.toml"); }

std::string error_of(const std::string& text) {
  const auto r = parse(text);
  EXPECT_FALSE(r) << "expected an error for:\n" << text;
  return r ? std::string() : r.error().message;
}

TEST(Config, ShippedConfigurationIsValid) {
  const auto r = load_config(std::string(REDLINE_SOURCE_DIR) + "/config/redline.toml");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_GE(r->feeds.size(), 8u);
  EXPECT_EQ(r->storage.database, "state/redline.db");
  EXPECT_TRUE(r->watchlist.file.ends_with("config/watchlists/us-mexico.toml"));
  for (const auto& f : r->feeds) {
    EXPECT_TRUE(f.url.starts_with("https://")) << f.url;
    EXPECT_GE(f.interval, std::chrono::minutes{5}) << f.name;
  }
}

TEST(Config, ReadsFeedsWithDurations) {
  const auto r = parse(R"(
[[feeds]]
url = "https://example.org/a.xml"
name = "a"
interval = "90s"
[[feeds]]
url = "http://127.0.0.1:8080/b.xml"
interval = "1h30m"
allow_private = true
)");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->feeds.size(), 2u);
  EXPECT_EQ(r->feeds[0].interval.count(), 90);
  EXPECT_EQ(r->feeds[1].name, "http://127.0.0.1:8080/b.xml");
  EXPECT_EQ(r->feeds[1].interval.count(), 5400);
  EXPECT_TRUE(r->feeds[1].allow_private);
  EXPECT_FALSE(r->feeds[0].allow_private);
}

TEST(Config, UnknownKeyIsAnErrorWithFileAndLine) {
  const auto e = error_of("[storage]\ndatabase = \"x.db\"\n\n[[feeds]]\nurl = \"https://a.org/f\"\nintervall = \"5m\"\n");
  EXPECT_EQ(e, "/etc/redline/test.toml:6: unknown key \"intervall\" in [[feeds]]");
}

TEST(Config, SyntaxErrorNamesTheLine) {
  const auto e = error_of("[storage]\ndatabase = \n");
  EXPECT_TRUE(e.starts_with("/etc/redline/test.toml:2: ")) << e;
}

TEST(Config, FeedUrlMustBeHttpOrHttps) {
  EXPECT_NE(error_of("[[feeds]]\nurl = \"file:///etc/passwd\"\n").find(":2: feed url must be http"),
            std::string::npos);
  EXPECT_NE(error_of("[[feeds]]\nurl = \"ftp://a.org/x\"\n").find("http"), std::string::npos);
}

TEST(Config, BadDurationSaysWhy) {
  const auto e = error_of("[[feeds]]\nurl = \"https://a.org/f\"\ninterval = \"10 minutes\"\n");
  EXPECT_NE(e.find(":3: interval: bad duration"), std::string::npos) << e;
}

TEST(Config, DuplicateFeedNamesAreRejected) {
  const auto e = error_of(
      "[[feeds]]\nurl = \"https://a.org/1\"\nname = \"x\"\n[[feeds]]\nurl = \"https://a.org/2\"\nname = \"x\"\n");
  EXPECT_NE(e.find("duplicate feed name"), std::string::npos) << e;
}

TEST(Config, MailAddressWithCrLfIsRejectedAtLoad) {
  const auto e = error_of(R"(
[[alerts.email]]
smtp = "smtp://127.0.0.1:2525"
from = "redline@example.org"
to = ["desk@example.org\r\nRCPT TO:<victim@example.com>"]
)");
  EXPECT_NE(e.find(":5: bad mail address"), std::string::npos) << e;
}

TEST(Config, WebhookSecretComesFromTheEnvironment) {
  ::setenv("REDLINE_TEST_SECRET", "s3cret", 1);
  const auto r = parse(R"(
[[alerts.webhook]]
url = "http://127.0.0.1:9000/hook"
secret_env = "REDLINE_TEST_SECRET"
)");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->alerts.webhooks.at(0).secret, "s3cret");
  EXPECT_EQ(r->alerts.webhooks.at(0).name, "webhook-1");
}

TEST(Config, MissingSecretEnvironmentVariableIsAnError) {
  ::unsetenv("REDLINE_TEST_MISSING");
  const auto e = error_of("[[alerts.webhook]]\nurl = \"https://h.org/x\"\nsecret_env = \"REDLINE_TEST_MISSING\"\n");
  EXPECT_NE(e.find(":3: environment variable REDLINE_TEST_MISSING is not set"), std::string::npos) << e;
}

TEST(Config, SecretFileIsReadFromCredentialsDirectory) {
  const auto dir = std::filesystem::temp_directory_path() / "redline-config-test-creds";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "smtp-password") << "hunter2\n";
  ::setenv("CREDENTIALS_DIRECTORY", dir.c_str(), 1);
  const auto r = parse(R"(
[[alerts.email]]
smtp = "smtps://mail.example.org"
from = "a@example.org"
to = "b@example.org"
password_file = "smtp-password"
)");
  ::unsetenv("CREDENTIALS_DIRECTORY");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->alerts.emails.at(0).password, "hunter2");
  EXPECT_TRUE(r->alerts.emails.at(0).require_tls);
}

TEST(Config, LimitsAreRangeChecked) {
  const auto e = error_of("[limits]\nmax_redirects = 99\n");
  EXPECT_NE(e.find(":2: max_redirects must be between 0 and 20"), std::string::npos) << e;
  const auto r = parse("[limits]\nmax_body_bytes = 2048\ntotal_timeout = \"5s\"\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->limits.transfer.max_body_bytes, 2048u);
  EXPECT_EQ(r->limits.transfer.total_timeout.count(), 5);
}

TEST(Config, WatchlistPathResolvesAgainstTheConfigFolder) {
  const auto r = parse("[watchlist]\nfile = \"lists/q.toml\"\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->watchlist.file, "/etc/redline/lists/q.toml");
}

}  // namespace
}  // namespace redline
