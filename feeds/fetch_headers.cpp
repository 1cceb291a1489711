// Response-header reading for feed fetches; see fetch_headers.h.
#include "feeds/fetch_headers.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace redline::fetch_detail {
namespace {

constexpr std::chrono::seconds kMaxRetryAfter{7 * 24 * 3600};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whole seconds from a run of digits, saturating instead of overflowing.
long long to_seconds(std::string_view digits) {
  long long v = 0;
  for (char c : digits) {
    v = v * 10 + (c - '0');
    if (v > 1'000'000'000LL) return 1'000'000'000LL;
  }
  return v;
}

bool starts_with_scheme(std::string_view url, std::string_view scheme) {
  return url.size() > scheme.size() && iequals(url.substr(0, scheme.size()), scheme) &&
         url[scheme.size()] == ':';
}

}  // namespace

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

long parse_status_line(std::string_view line) {
  line = trim(line);
  if (line.size() < 8 || !iequals(line.substr(0, 5), "HTTP/")) return 0;
  const auto space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  const std::string_view code = line.substr(space + 1, 3);
  if (code.size() != 3 || !all_digits(code)) return 0;
  return std::stol(std::string(code));
}

long ResponseHeaders::add_line(std::string_view line, std::string_view url) {
  if (const long status = parse_status_line(line)) {
    if (status >= 200) {
      hops.push_back({status, std::string(url)});
      etag.clear(), last_modified.clear(), content_type.clear(), content_encoding.clear();
      retry_after.clear(), cache_control.clear();
    }
    return status;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return 0;
  const std::string_view name = trim(line.substr(0, colon));
  const std::string value(trim(line.substr(colon + 1)));
  if (iequals(name, "etag"))
    etag = value;
  else if (iequals(name, "last-modified"))
    last_modified = value;
  else if (iequals(name, "content-type"))
    content_type = value;
  else if (iequals(name, "content-encoding"))
    content_encoding = value;
  else if (iequals(name, "retry-after"))
    retry_after = value;
  else if (iequals(name, "cache-control")) {
    cache_control += cache_control.empty() ? value : ", " + value;
  }
  return 0;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (all_digits(value)) {
    return std::min(std::chrono::seconds(to_seconds(value)), kMaxRetryAfter);
  }
  const time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  const auto delta = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::system_clock::from_time_t(when) - now);
  return std::clamp(delta, std::chrono::seconds(0), kMaxRetryAfter);
}

std::optional<std::chrono::seconds> parse_max_age(std::string_view cache_control) {
  while (!cache_control.empty()) {
    const auto comma = cache_control.find(',');
    std::string_view directive = trim(cache_control.substr(0, comma));
    cache_control = comma == std::string_view::npos ? "" : cache_control.substr(comma + 1);
    const auto eq = directive.find('=');
    if (eq == std::string_view::npos || !iequals(trim(directive.substr(0, eq)), "max-age")) {
      continue;
    }
    std::string_view v = trim(directive.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    if (all_digits(v)) return std::chrono::seconds(to_seconds(v));
  }
  return std::nullopt;
}

std::string permanent_redirect(const std::vector<Hop>& hops) {
  if (hops.size() < 2) return {};
  const long final_status = hops.back().status;
  if (!((final_status >= 200 && final_status < 300) || final_status == 304)) return {};
  for (std::size_t i = 0; i + 1 < hops.size(); ++i) {
    if (hops[i].status != 301 && hops[i].status != 308) return {};
    if (starts_with_scheme(hops[i].url, "https") && starts_with_scheme(hops[i + 1].url, "http")) {
      return {};
    }
  }
  return hops.back().url;
}

std::string describe_size(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024, kMiB = 1024 * 1024;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

bool safe_header_value(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

}  // namespace redline::fetch_detail
