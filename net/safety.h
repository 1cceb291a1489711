// What every outgoing transfer must respect, whoever makes it (feed fetch, webhook, SMTP):
// allowed protocols (also after redirects), a redirect cap, time limits, a decoded-size cap,
// TLS verification, and no private, loopback or link-local peers unless explicitly allowed
// (checked on the address actually connected to, so DNS tricks and redirects are covered).
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace redline::net {

struct TransferLimits {
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds total_timeout{60};
  long low_speed_bytes = 64;                // below this many bytes/s ...
  std::chrono::seconds low_speed_time{20};  // ... for this long, abort
  std::size_t max_body_bytes = 8 * 1024 * 1024;  // decoded bytes; counted by the caller
  long max_redirects = 5;
};

// True when addr (numeric IPv4 or IPv6 in any spelling curl may hand us, including
// IPv4-mapped IPv6) is loopback, private, link-local, CGNAT, multicast, unspecified or reserved.
bool is_private_address(std::string_view addr);

// Applies the shared limits and protections to an easy handle. `protocols` is a comma-separated
// list for CURLOPT_PROTOCOLS_STR ("http,https" or "smtp,smtps"); redirects only for http(s).
// The peer-address check is installed with CURLOPT_OPENSOCKETFUNCTION unless allow_private
// (so callers must not set their own open-socket callback). Proxies from the environment are
// disabled. Throws std::runtime_error if libcurl refuses an option.
void apply_safety(CURL* easy, const TransferLimits& limits, bool allow_private,
                  const char* protocols = "http,https");

// The CURLOPT_OPENSOCKETFUNCTION apply_safety installs (with the easy handle as its clientp):
// refuses private peers with CURL_SOCKET_BAD and records them for blocked_peer().
curl_socket_t open_checked_socket(void* easy, curlsocktype purpose,
                                  curl_sockaddr* address) noexcept;

// The peer address the connect-time check refused during the handle's latest transfer (for
// example "127.0.0.1"), or "" when none was. When set, a failed transfer failed because of it:
// report "blocked: private address <it>". Cleared by apply_safety and by net::EasyDeleter.
std::string blocked_peer(const CURL* easy);
void forget_blocked_peer(const CURL* easy);

// The User-Agent redline sends: "redline/<version> (news monitor)".
const std::string& user_agent();

}  // namespace redline::net
