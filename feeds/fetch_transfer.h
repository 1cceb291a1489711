// One feed fetch as a libcurl transfer: the easy handle's configuration (safety, conditional
// GET, compression, callbacks) and the mapping of its outcome to a FetchResult. The Fetcher
// owns scheduling; this owns HTTP.
#pragma once

#include <chrono>
#include <string>
#include <system_error>

#include "feeds/fetch.h"
#include "feeds/fetch_headers.h"

namespace redline::fetch_detail {

// Everything libcurl's callbacks write into. Must stay at one address until the transfer ends.
struct Transfer {
  FetchRequest request;
  net::TransferLimits limits;
  CURL* easy = nullptr;
  std::string body;          // body of a 2xx response, decoded unless request.keep_encoded
  std::size_t received = 0;  // bytes of every response body so far, as `body` holds them
  bool too_large = false;    // the write callback stopped the transfer at the cap
  ResponseHeaders headers;
  char error[CURL_ERROR_SIZE] = {};
  net::Slist request_headers;
  std::chrono::steady_clock::time_point started;
};

// A configured easy handle for t.request under t.limits. Throws std::runtime_error when libcurl
// refuses an option.
net::EasyHandle make_transfer(Transfer& t);

// The outcome, from the transfer's error code (as CurlMulti reports it) and its easy handle.
FetchResult finish_transfer(Transfer& t, std::error_code ec, CURL* easy);

// Lower-cased host name of a URL, "" when it has none (the per-host politeness key).
std::string host_of(const std::string& url);

}  // namespace redline::fetch_detail
