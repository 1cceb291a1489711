// Classification of peer addresses: which IPv4 and IPv6 ranges redline refuses to connect to
// unless a feed or sink explicitly allows private peers. Numeric checks only; the textual entry
// point accepts every spelling libcurl would accept for a numeric host.
#include "net/address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <string>

#include "net/safety.h"

namespace redline::net {
namespace {

struct V4Range {
  std::uint32_t base;
  int prefix;
};

constexpr std::uint32_t v4(int a, int b, int c, int d) {
  return (std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) |
         std::uint32_t(d);
}

// Not reachable on the public Internet, or not meant to be: RFC 6890 special-purpose ranges.
constexpr std::array kPrivateV4{
    V4Range{v4(0, 0, 0, 0), 8},       // "this network", 0.0.0.0
    V4Range{v4(10, 0, 0, 0), 8},      // private
    V4Range{v4(100, 64, 0, 0), 10},   // carrier-grade NAT
    V4Range{v4(127, 0, 0, 0), 8},     // loopback
    V4Range{v4(169, 254, 0, 0), 16},  // link-local (cloud metadata lives here)
    V4Range{v4(172, 16, 0, 0), 12},   // private
    V4Range{v4(192, 0, 0, 0), 24},    // IETF protocol assignments
    V4Range{v4(192, 0, 2, 0), 24},    // documentation
    V4Range{v4(192, 168, 0, 0), 16},  // private
    V4Range{v4(198, 18, 0, 0), 15},   // benchmarking
    V4Range{v4(198, 51, 100, 0), 24}, // documentation
    V4Range{v4(203, 0, 113, 0), 24},  // documentation
    V4Range{v4(224, 0, 0, 0), 4},     // multicast
    V4Range{v4(240, 0, 0, 0), 4},     // reserved, and 255.255.255.255 broadcast
};

bool prefix_match_v6(const std::uint8_t* a, std::initializer_list<std::uint8_t> prefix, int bits) {
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : std::uint8_t(0xff << (8 - bits));
    const std::uint8_t want = i < prefix.size() ? prefix.begin()[i] : 0;
    if ((a[i] & mask) != (want & mask)) return false;
  }
  return true;
}

std::uint32_t v4_at(const std::uint8_t* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) |
         std::uint32_t(p[3]);
}

bool all_zero(const std::uint8_t* p, int n) {
  return std::all_of(p, p + n, [](std::uint8_t b) { return b == 0; });
}

}  // namespace

bool is_private_v4(std::uint32_t host_order) {
  return std::any_of(kPrivateV4.begin(), kPrivateV4.end(), [&](const V4Range& r) {
    const std::uint32_t mask = r.prefix == 0 ? 0 : ~std::uint32_t(0) << (32 - r.prefix);
    return (host_order & mask) == r.base;
  });
}

bool is_private_v6(const std::uint8_t (&a)[16]) {
  const std::uint8_t* p = a;
  // ::, ::1 and IPv4-compatible ::a.b.c.d (deprecated, but still routed by some stacks).
  if (all_zero(p, 12)) return all_zero(p + 12, 3) || is_private_v4(v4_at(p + 12));
  // IPv4-mapped ::ffff:a.b.c.d and IPv4-translated ::ffff:0:a.b.c.d.
  if (all_zero(p, 10) && p[10] == 0xff && p[11] == 0xff) return is_private_v4(v4_at(p + 12));
  if (all_zero(p, 8) && p[8] == 0xff && p[9] == 0xff && all_zero(p + 10, 2)) {
    return is_private_v4(v4_at(p + 12));
  }
  // NAT64 64:ff9b::/96 embeds the IPv4 target; 64:ff9b:1::/48 is for local use only.
  if (prefix_match_v6(p, {0x00, 0x64, 0xff, 0x9b}, 96)) return is_private_v4(v4_at(p + 12));
  if (prefix_match_v6(p, {0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48)) return true;
  // 6to4 2002:a.b.c.d::/48 embeds the IPv4 site.
  if (prefix_match_v6(p, {0x20, 0x02}, 16)) return is_private_v4(v4_at(p + 2));
  // Teredo 2001:0::/32: server in bits 32..63, client inverted in the last 32 bits.
  if (prefix_match_v6(p, {0x20, 0x01, 0x00, 0x00}, 32)) {
    return is_private_v4(v4_at(p + 4)) || is_private_v4(~v4_at(p + 12));
  }
  return prefix_match_v6(p, {0xfc}, 7)                      // unique local
         || prefix_match_v6(p, {0xfe, 0x80}, 10)            // link-local
         || prefix_match_v6(p, {0xfe, 0xc0}, 10)            // site-local (deprecated)
         || prefix_match_v6(p, {0xff}, 8)                   // multicast
         || prefix_match_v6(p, {0x20, 0x01, 0x0d, 0xb8}, 32)  // documentation
         || prefix_match_v6(p, {0x01, 0x00}, 64);           // discard-only
}

bool is_private_sockaddr(const sockaddr* addr, std::string* text) {
  char buf[INET6_ADDRSTRLEN] = "";
  bool refused = true;
  if (addr->sa_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
    refused = is_private_v4(ntohl(in->sin_addr.s_addr));
  } else if (addr->sa_family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    std::uint8_t bytes[16];
    std::memcpy(bytes, &in6->sin6_addr, sizeof bytes);
    inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
    refused = is_private_v6(bytes);
  } else {
    std::strcpy(buf, "non-IP socket");
  }
  if (text) *text = buf;
  return refused;
}

bool is_private_address(std::string_view addr) {
  std::string s(addr);
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') s = s.substr(1, s.size() - 2);
  if (auto zone = s.find('%'); zone != std::string::npos) s.resize(zone);  // fe80::1%eth0
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!s.empty() && s.back() == '.') s.pop_back();  // "localhost." and "127.0.0.1."

  in6_addr a6{};
  if (inet_pton(AF_INET6, s.c_str(), &a6) == 1) {
    std::uint8_t bytes[16];
    std::memcpy(bytes, &a6, sizeof bytes);
    return is_private_v6(bytes);
  }
  // inet_aton takes the legacy spellings curl and browsers accept: "127.1", "0x7f.1",
  // "2130706433", "017700000001".
  in_addr a4{};
  if (!s.empty() && std::isxdigit(static_cast<unsigned char>(s[0])) &&
      inet_aton(s.c_str(), &a4) == 1) {
    return is_private_v4(ntohl(a4.s_addr));
  }
  // Not numeric: only the names that are loopback by definition (RFC 6761).
  return s == "localhost" || (s.size() > 10 && s.ends_with(".localhost"));
}

}  // namespace redline::net
