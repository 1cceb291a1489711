// Numeric address classification behind net::is_private_address and the connect-time peer
// check: one table of special-purpose IPv4 ranges, and IPv6 ranges including the formats that
// embed an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo), which are judged
// by the address they embed.
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <string>

namespace redline::net {

// True for loopback, private, link-local, CGNAT, multicast, broadcast, unspecified,
// documentation and reserved IPv4 addresses (host byte order).
bool is_private_v4(std::uint32_t host_order);

// Same for IPv6 (network byte order), including IPv4 addresses embedded in IPv6 ones.
bool is_private_v6(const std::uint8_t (&address)[16]);

// The check applied at connect time: true unless `addr` is a public IPv4 or IPv6 address
// (non-IP families are refused too). Writes the numeric address to *text when given.
bool is_private_sockaddr(const sockaddr* addr, std::string* text);

}  // namespace redline::net
