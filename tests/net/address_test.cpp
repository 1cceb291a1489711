#include <gtest/gtest.h>

#include "net/safety.h"

namespace redline::net {
namespace {

TEST(PrivateAddress, RefusesLoopbackInEverySpellingCurlAccepts) {
  for (const char* a : {"127.0.0.1", "127.1", "127.255.255.254", "0x7f.1", "0x7f000001",
                        "2130706433", "017700000001", "0177.0.0.1", "127.0.0.1.", "::1", "[::1]",
                        "::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1",
                        "0:0:0:0:0:ffff:127.0.0.1", "::127.0.0.1", "localhost", "LocalHost.",
                        "db.localhost"}) {
    EXPECT_TRUE(is_private_address(a)) << a;
  }
}

TEST(PrivateAddress, RefusesPrivateLinkLocalAndSpecialIpv4Ranges) {
  for (const char* a : {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255",
                        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255",
                        "0.0.0.0", "0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
                        "255.255.255.255", "240.0.0.1", "192.0.2.10", "198.18.0.1"}) {
    EXPECT_TRUE(is_private_address(a)) << a;
  }
}

TEST(PrivateAddress, RefusesPrivateIpv6RangesAndEmbeddedPrivateIpv4) {
  for (const char* a : {"::", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0",
                        "[fe80::1%25eth0]", "febf::1", "ff02::1", "2001:db8::1",
                        "64:ff9b::a00:1",        // NAT64 of 10.0.0.1
                        "64:ff9b::127.0.0.1",    // NAT64 of loopback
                        "2002:7f00:1::1",        // 6to4 of 127.0.0.1
                        "2002:c0a8:101::1",      // 6to4 of 192.168.1.1
                        "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::ffff:0:127.0.0.1"}) {
    EXPECT_TRUE(is_private_address(a)) << a;
  }
}

TEST(PrivateAddress, AllowsPublicAddresses) {
  for (const char* a : {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "172.15.255.255",
                        "100.128.0.1", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111",
                        "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808",
                        "2002:808:808::1"}) {
    EXPECT_FALSE(is_private_address(a)) << a;
  }
}

TEST(PrivateAddress, TreatsOrdinaryHostNamesAsNotNumeric) {
  EXPECT_FALSE(is_private_address("example.com"));
  EXPECT_FALSE(is_private_address("feeds.bbci.co.uk"));
  EXPECT_FALSE(is_private_address("localhost.example.com"));
  EXPECT_FALSE(is_private_address(""));
}

}  // namespace
}  // namespace redline::net
