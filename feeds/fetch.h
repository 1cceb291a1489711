// Fetching feeds over HTTP(S) on the shared CurlMulti: conditional GET, compression, redirects
// (capped, http/https only), a decoded-size limit, private-address refusal, and an outcome that
// says what the scheduler should do next (store, skip, back off, honour Retry-After, disable).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "net/curl_multi.h"
#include "net/safety.h"

namespace redline {

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  bool allow_private = false;
  std::string ca_file;  // extra CA bundle for this feed, or empty
};

enum class FetchStatus {
  ok,             // 2xx with a body: parse it
  not_modified,   // 304
  gone,           // 410: disable the feed
  rate_limited,   // 429 / 503: wait retry_after (or back off)
  http_error,     // other non-2xx
  too_large,      // decoded body over the limit
  blocked,        // refused by policy (private address, protocol)
  network_error,  // DNS, connect, TLS, timeout, reset, ...
  cancelled,      // shut down before it finished
};

struct FetchResult {
  FetchStatus status = FetchStatus::network_error;
  long http_code = 0;
  std::string body;  // decoded body when ok
  std::string etag;
  std::string last_modified;
  std::string content_type;  // as sent, e.g. "application/rss+xml; charset=utf-8"
  std::string final_url;     // after redirects
  std::string permanent_redirect;  // new URL when every redirect on the way was 301/308 and
                                   // does not downgrade https to http; else empty
  std::optional<std::chrono::seconds> retry_after;  // from Retry-After
  std::optional<std::chrono::seconds> max_age;      // from Cache-Control
  std::string error;  // one line, when not ok / not_modified
  std::chrono::milliseconds elapsed{0};
};

const char* to_string(FetchStatus s);

class Fetcher {
 public:
  using Done = std::function<void(FetchResult)>;

  Fetcher(net::CurlMulti& multi, net::TransferLimits limits);

  // Starts one fetch; `done` runs on the io_context exactly once.
  void fetch(const FetchRequest& request, Done done);

 private:
  net::CurlMulti& multi_;
  net::TransferLimits limits_;
};

}  // namespace redline
