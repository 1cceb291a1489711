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
// The peer-address check is installed with CURLOPT_OPENSOCKETFUNCTION unless allow_private.
void apply_safety(CURL* easy, const TransferLimits& limits, bool allow_private,
                  const char* protocols = "http,https");

// The User-Agent redline sends: "redline/<version> (news monitor; libcurl)".
const std::string& user_agent();

}  // namespace redline::net
