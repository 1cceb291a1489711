#include "config/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "util/time.h"

namespace redline {

namespace {

// Thrown inside the loader only; becomes the Result's Error.
struct ConfigError {
  std::string message;
};

class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& reason) const {
    std::string where = path_;
    if (node && node->source().begin.line > 0) {
      where += ":" + std::to_string(node->source().begin.line);
    } else {
      where += ":1";
    }
    throw ConfigError{where + ": " + reason};
  }

  // Rejects keys of `table` that are not in `allowed`.
  void only_keys(const toml::table& table, std::initializer_list<const char*> allowed,
                 const std::string& section) const {
    std::set<std::string_view> ok(allowed.begin(), allowed.end());
    for (const auto& [key, value] : table) {
      if (!ok.count(key.str())) {
        fail(&value, "unknown key \"" + std::string(key.str()) + "\" in " + section);
      }
    }
  }

  std::string string(const toml::table& t, const char* key, std::string fallback = {}) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_string()) fail(n, std::string(key) + " must be a string");
    return std::string(n->as_string()->get());
  }

  bool boolean(const toml::table& t, const char* key, bool fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_boolean()) fail(n, std::string(key) + " must be true or false");
    return n->as_boolean()->get();
  }

  std::int64_t integer(const toml::table& t, const char* key, std::int64_t fallback,
                       std::int64_t min, std::int64_t max) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (!n->is_integer()) fail(n, std::string(key) + " must be an integer");
    const auto v = n->as_integer()->get();
    if (v < min || v > max) {
      fail(n, std::string(key) + " must be between " + std::to_string(min) + " and " +
                  std::to_string(max));
    }
    return v;
  }

  // "90s", "10m", "6h", "1d" or an integer number of seconds.
  std::chrono::seconds duration(const toml::table& t, const char* key,
                                std::chrono::seconds fallback, std::chrono::seconds min) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    std::chrono::seconds d{};
    if (n->is_integer()) {
      d = std::chrono::seconds{n->as_integer()->get()};
    } else if (n->is_string()) {
      const auto parsed = parse_duration(n->as_string()->get());
      if (!parsed) fail(n, std::string(key) + ": " + parsed.error().message);
      d = *parsed;
    } else {
      fail(n, std::string(key) + " must be a duration such as \"90s\" or \"10m\"");
    }
    if (d < min) fail(n, std::string(key) + " must be at least " + format_duration(min));
    return d;
  }

  const toml::table* table(const toml::table& t, const char* key) const {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) fail(n, std::string("[") + key + "] must be a table");
    return n->as_table();
  }

  // [[key]]: an array of tables (absent: empty).
  std::vector<const toml::table*> tables(const toml::table& t, const char* key) const {
    std::vector<const toml::table*> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    if (!n->is_array_of_tables()) fail(n, std::string(key) + " must be written [[" + key + "]]");
    for (const auto& e : *n->as_array()) out.push_back(e.as_table());
    return out;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

bool has_scheme(const std::string& url, std::initializer_list<const char*> schemes) {
  for (const char* s : schemes) {
    const std::string prefix = std::string(s) + "://";
    if (url.size() > prefix.size() && url.compare(0, prefix.size(), prefix) == 0) return true;
  }
  return false;
}

// Control characters, spaces and angle brackets never belong in a URL or a mail address; CR/LF
// in a mail address would let a value write SMTP commands or headers.
bool has_forbidden_chars(const std::string& s, bool allow_space = false) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
    if (!allow_space && c == ' ') return true;
  }
  return false;
}

bool valid_mail_address(const std::string& a) {
  if (a.empty() || a.size() > 254 || has_forbidden_chars(a)) return false;
  if (a.find_first_of("<>,;\"()[]\\") != std::string::npos) return false;
  const auto at = a.find('@');
  return at != std::string::npos && at > 0 && at + 1 < a.size() && a.find('@', at + 1) == std::string::npos;
}

std::string read_secret_file(const Reader& r, const toml::node* n, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) r.fail(n, "cannot read secret file " + file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// A secret given inline, by environment variable, or by file (systemd LoadCredential puts files
// in $CREDENTIALS_DIRECTORY; a relative *_file resolves there when it is set).
std::string resolve_secret(const Reader& r, const toml::table& t, const char* inline_key,
                           const char* env_key, const char* file_key, bool required) {
  const std::string inline_value = inline_key ? r.string(t, inline_key) : "";
  const std::string env = r.string(t, env_key);
  std::string file = r.string(t, file_key);
  int given = !inline_value.empty() + !env.empty() + !file.empty();
  if (given > 1) {
    r.fail(&t, std::string("give only one of ") + (inline_key ? inline_key : "") + " " +
                   env_key + " " + file_key);
  }
  if (!inline_value.empty()) return inline_value;
  if (!env.empty()) {
    const char* v = std::getenv(env.c_str());
    if (!v || !*v) r.fail(t.get(env_key), "environment variable " + env + " is not set");
    return v;
  }
  if (!file.empty()) {
    const char* creds = std::getenv("CREDENTIALS_DIRECTORY");
    if (creds && std::filesystem::path(file).is_relative()) {
      file = (std::filesystem::path(creds) / file).string();
    }
    return read_secret_file(r, t.get(file_key), file);
  }
  if (required) r.fail(&t, std::string("a secret is required: set ") + env_key + " or " + file_key);
  return {};
}

void read_storage(const Reader& r, const toml::table& root, Config& c) {
  c.storage.database = "state/redline.db";
  const auto* t = r.table(root, "storage");
  if (!t) return;
  r.only_keys(*t, {"database"}, "[storage]");
  c.storage.database = r.string(*t, "database", c.storage.database);
  if (c.storage.database.empty()) r.fail(t->get("database"), "database must not be empty");
}

void read_feeds(const Reader& r, const toml::table& root, Config& c) {
  std::set<std::string> names;
  for (const toml::table* t : r.tables(root, "feeds")) {
    r.only_keys(*t, {"url", "name", "interval", "allow_private", "ca_file"}, "[[feeds]]");
    FeedConfig f;
    f.line = static_cast<int>(t->source().begin.line);
    f.url = r.string(*t, "url");
    if (f.url.empty()) r.fail(t, "feed without url");
    if (!has_scheme(f.url, {"http", "https"}) || has_forbidden_chars(f.url)) {
      r.fail(t->get("url"), "feed url must be http:// or https:// without spaces: " + f.url);
    }
    f.name = r.string(*t, "name", f.url);
    if (f.name.empty() || has_forbidden_chars(f.name, true)) r.fail(t->get("name"), "bad feed name");
    if (!names.insert(f.name).second) r.fail(t->get("name"), "duplicate feed name \"" + f.name + "\"");
    f.interval = r.duration(*t, "interval", f.interval, std::chrono::seconds{1});
    f.allow_private = r.boolean(*t, "allow_private", false);
    f.ca_file = r.string(*t, "ca_file");
    c.feeds.push_back(std::move(f));
  }
}

void read_webhooks(const Reader& r, const toml::table& alerts, Config& c, std::set<std::string>& sinks) {
  int n = 0;
  for (const toml::table* t : r.tables(alerts, "webhook")) {
    r.only_keys(*t, {"url", "name", "secret", "secret_env", "secret_file", "format", "allow_private"},
                "[[alerts.webhook]]");
    WebhookConfig w;
    w.line = static_cast<int>(t->source().begin.line);
    w.url = r.string(*t, "url");
    if (!has_scheme(w.url, {"http", "https"}) || has_forbidden_chars(w.url)) {
      r.fail(t->get("url") ? t->get("url") : t, "webhook url must be http:// or https://");
    }
    w.name = r.string(*t, "name", "webhook-" + std::to_string(++n));
    if (!sinks.insert(w.name).second) r.fail(t, "duplicate sink name \"" + w.name + "\"");
    w.format = r.string(*t, "format", "json");
    if (w.format != "json" && w.format != "slack" && w.format != "discord") {
      r.fail(t->get("format"), "format must be \"json\", \"slack\" or \"discord\"");
    }
    w.secret = resolve_secret(r, *t, "secret", "secret_env", "secret_file", w.format == "json");
    w.allow_private = r.boolean(*t, "allow_private", false);
    c.alerts.webhooks.push_back(std::move(w));
  }
}

void read_emails(const Reader& r, const toml::table& alerts, Config& c, std::set<std::string>& sinks) {
  int n = 0;
  for (const toml::table* t : r.tables(alerts, "email")) {
    r.only_keys(*t, {"smtp", "name", "from", "to", "username", "password_env", "password_file",
                     "require_tls", "allow_private"},
                "[[alerts.email]]");
    EmailConfig e;
    e.line = static_cast<int>(t->source().begin.line);
    e.smtp = r.string(*t, "smtp");
    if (!has_scheme(e.smtp, {"smtp", "smtps"}) || has_forbidden_chars(e.smtp)) {
      r.fail(t->get("smtp") ? t->get("smtp") : t, "smtp must be smtp://host[:port] or smtps://host[:port]");
    }
    e.name = r.string(*t, "name", "email-" + std::to_string(++n));
    if (!sinks.insert(e.name).second) r.fail(t, "duplicate sink name \"" + e.name + "\"");
    e.from = r.string(*t, "from");
    if (!valid_mail_address(e.from)) r.fail(t->get("from") ? t->get("from") : t, "from must be one plain mail address");
    const toml::node* to = t->get("to");
    if (to && to->is_string()) {
      e.to.emplace_back(to->as_string()->get());
    } else if (to && to->is_array()) {
      for (const auto& v : *to->as_array()) {
        if (!v.is_string()) r.fail(to, "to must be a list of addresses");
        e.to.emplace_back(v.as_string()->get());
      }
    }
    if (e.to.empty()) r.fail(to ? to : t, "email sink needs at least one address in to");
    for (const auto& a : e.to) {
      if (!valid_mail_address(a)) r.fail(to, "bad mail address in to: " + a);
    }
    e.username = r.string(*t, "username");
    if (has_forbidden_chars(e.username)) r.fail(t->get("username"), "bad username");
    e.password = resolve_secret(r, *t, nullptr, "password_env", "password_file", false);
    e.require_tls = r.boolean(*t, "require_tls", true);
    e.allow_private = r.boolean(*t, "allow_private", false);
    c.alerts.emails.push_back(std::move(e));
  }
}

void read_alerts(const Reader& r, const toml::table& root, Config& c) {
  const auto* t = r.table(root, "alerts");
  if (!t) return;
  r.only_keys(*t, {"webhook", "email", "backlog_window", "retry_for", "update_at_sources"}, "[alerts]");
  std::set<std::string> sinks;
  read_webhooks(r, *t, c, sinks);
  read_emails(r, *t, c, sinks);
  c.alerts.backlog_window = r.duration(*t, "backlog_window", c.alerts.backlog_window, std::chrono::seconds{0});
  c.alerts.retry_for = r.duration(*t, "retry_for", c.alerts.retry_for, std::chrono::seconds{1});
  c.alerts.update_at_sources = static_cast<int>(r.integer(*t, "update_at_sources", 2, 0, 1000));
}

void read_limits(const Reader& r, const toml::table& root, Config& c) {
  const auto* t = r.table(root, "limits");
  if (!t) return;
  r.only_keys(*t, {"max_body_bytes", "connect_timeout", "total_timeout", "low_speed_bytes",
                   "low_speed_time", "max_redirects", "max_concurrent", "max_per_host", "max_items"},
              "[limits]");
  auto& l = c.limits;
  l.transfer.max_body_bytes = static_cast<std::size_t>(
      r.integer(*t, "max_body_bytes", static_cast<std::int64_t>(l.transfer.max_body_bytes), 1024, 1LL << 32));
  l.transfer.connect_timeout = r.duration(*t, "connect_timeout", l.transfer.connect_timeout, std::chrono::seconds{1});
  l.transfer.total_timeout = r.duration(*t, "total_timeout", l.transfer.total_timeout, std::chrono::seconds{1});
  l.transfer.low_speed_bytes = static_cast<long>(r.integer(*t, "low_speed_bytes", l.transfer.low_speed_bytes, 0, 1 << 30));
  l.transfer.low_speed_time = r.duration(*t, "low_speed_time", l.transfer.low_speed_time, std::chrono::seconds{1});
  l.transfer.max_redirects = static_cast<long>(r.integer(*t, "max_redirects", l.transfer.max_redirects, 0, 20));
  l.max_concurrent = static_cast<int>(r.integer(*t, "max_concurrent", l.max_concurrent, 1, 1000));
  l.max_per_host = static_cast<int>(r.integer(*t, "max_per_host", l.max_per_host, 1, 100));
  l.max_items = static_cast<std::size_t>(r.integer(*t, "max_items", static_cast<std::int64_t>(l.max_items), 1, 1000000));
}

void read_watchlist(const Reader& r, const toml::table& root, Config& c) {
  const auto* t = r.table(root, "watchlist");
  std::string file = "watchlists/us-mexico.toml";
  if (t) {
    r.only_keys(*t, {"file"}, "[watchlist]");
    file = r.string(*t, "file", file);
  }
  std::filesystem::path p(file);
  if (p.is_relative()) p = std::filesystem::path(r.path()).parent_path() / p;
  c.watchlist.file = p.lexically_normal().string();
}

Config read_all(const Reader& r, const toml::table& root) {
  r.only_keys(root, {"storage", "feeds", "alerts", "limits", "watchlist"}, "the top level");
  Config c;
  c.path = r.path();
  read_storage(r, root, c);
  read_feeds(r, root, c);
  read_alerts(r, root, c);
  read_limits(r, root, c);
  read_watchlist(r, root, c);
  return c;
}

}  // namespace

std::string default_watchlist_path() {
  const std::filesystem::path local = "config/watchlists/us-mexico.toml";
  std::error_code ec;
  if (std::filesystem::is_regular_file(local, ec)) return local.string();
  return "/etc/redline/watchlists/us-mexico.toml";
}

Result<Config> parse_config(std::string_view text, const std::string& path) {
  try {
    const toml::table root = toml::parse(text, path);
    return read_all(Reader(path), root);
  } catch (const toml::parse_error& e) {
    return make_error(path + ":" + std::to_string(e.source().begin.line) + ": " +
                      std::string(e.description()));
  } catch (const ConfigError& e) {
    return make_error(e.message);
  }
}

Result<Config> load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path + ":0: cannot read the configuration file");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_config(ss.str(), path);
}

}  // namespace redline
