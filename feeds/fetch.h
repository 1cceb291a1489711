// Fetching feeds over HTTP(S) on the shared CurlMulti: conditional GET, compression, redirects
// (capped, http/https only), a decoded-size limit, private-address refusal, and an outcome that
// says what the scheduler should do next (store, skip, back off, honour Retry-After, disable).
// Politeness: at most max_concurrent fetches in flight and max_per_host to one host; the rest
// wait in a FIFO queue (a request whose host is busy lets later ones for other hosts pass).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
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
  // The caller decodes the body (decode_body, on any thread): only gzip and deflate are asked
  // for, and FetchResult::content_encoding names the coding of the bytes in `body`. The size
  // limit then applies to the bytes received and again to the decoded ones.
  bool keep_encoded = false;
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
  std::string body;  // decoded body when ok (as received with keep_encoded)
  std::string content_encoding;  // with keep_encoded: the body's coding as sent ("" if none)
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

// Decodes the body of an ok result fetched with keep_encoded (gzip, x-gzip, deflate; nothing to
// do for none or identity) and clears content_encoding. Over `max_bytes` decoded: too_large,
// "body exceeds N" (the cap, as for a decoded fetch); a corrupt or truncated stream, or a
// coding that was not asked for: network_error with a one-line reason. Both drop the body.
// Pure: safe on any thread.
void decode_body(FetchResult& result, std::size_t max_bytes);

struct FetcherOptions {
  net::TransferLimits limits;
  int max_concurrent = 16;  // fetches in flight, all hosts (LimitsConfig::max_concurrent)
  int max_per_host = 2;     // fetches in flight to one host name (LimitsConfig::max_per_host)
};

class Fetcher {
 public:
  using Done = std::function<void(FetchResult)>;

  // `multi` must outlive the Fetcher.
  Fetcher(net::CurlMulti& multi, net::TransferLimits limits);  // default concurrency limits
  Fetcher(net::CurlMulti& multi, FetcherOptions options);
  ~Fetcher();  // cancel_all()
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Starts (or queues) one fetch; `done` runs on the io_context exactly once, never from
  // inside fetch().
  void fetch(const FetchRequest& request, Done done);

  // Every queued and in-flight fetch completes with `cancelled`. A CurlMulti::cancel_all()
  // (shutdown) has the same effect on this Fetcher's queue.
  void cancel_all();

  std::size_t in_flight() const;
  std::size_t queued() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace redline
