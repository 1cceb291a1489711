// The HTTP response details a feed fetch acts on, read from raw header lines as libcurl hands
// them over (one call per line, every response of a redirect chain in turn): each hop's status
// and URL, the final response's validators, Retry-After and Cache-Control. Pure functions, so
// hostile header values are tested without a network.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace redline::fetch_detail {

// One response on the way: its status and the URL it answered.
struct Hop {
  long status = 0;
  std::string url;
};

// Headers of the latest (final, once the transfer is done) response, plus all hops.
struct ResponseHeaders {
  std::vector<Hop> hops;
  std::string etag;
  std::string last_modified;
  std::string content_type;
  std::string content_encoding;
  std::string retry_after;    // raw value
  std::string cache_control;  // raw value(s), comma-joined

  // Feeds one header line ("HTTP/1.1 301 Moved Permanently\r\n", "ETag: \"x\"\r\n", ...).
  // A status line other than 1xx starts a new hop at `url` and forgets the previous
  // response's headers. Returns the status when the line was a status line, else 0.
  long add_line(std::string_view line, std::string_view url);
};

// Status of an HTTP status line ("HTTP/2 200", "HTTP/1.1 404 Not Found"); 0 when not one.
long parse_status_line(std::string_view line);

// Retry-After as delta-seconds or an HTTP-date (relative to `now`), clamped to [0, 7 days];
// nullopt when unreadable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

// max-age from a Cache-Control value ("public, max-age=300"); nullopt when absent.
std::optional<std::chrono::seconds> parse_max_age(std::string_view cache_control);

// The URL a client may adopt for good: the final URL when every redirect on the way was 301 or
// 308, none went from https to http, and the final response was 2xx or 304; else "".
std::string permanent_redirect(const std::vector<Hop>& hops);

// `s` without leading and trailing spaces, tabs, CR and LF.
std::string_view trim(std::string_view s);
// ASCII case-insensitive equality (header names, content codings).
bool iequals(std::string_view a, std::string_view b);

// "8 MiB", "512 KiB", "1000 bytes".
std::string describe_size(std::size_t bytes);

// True when a value is safe to send back as a request header (no CR, LF or NUL).
bool safe_header_value(std::string_view value);

}  // namespace redline::fetch_detail
