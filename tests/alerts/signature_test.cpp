#include "alerts/signature.h"

#include <gtest/gtest.h>

#include "alerts/alerts.h"
#include "independent_hmac.h"

namespace redline {
namespace {

using testing::evp_mac_sha256;

TEST(Signature, MatchesRfc4231TestCase2) {
  EXPECT_EQ(to_hex(hmac_sha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Signature, WebhookSignatureIsSha256HexOfBodyUnderSecret) {
  const std::string secret = "s3cret with spaces and \xC3\xA9";
  const std::string body = R"({"id":"rl-7-hook","title":"US strikes cartel lab"})";
  EXPECT_EQ(webhook_signature(secret, body), "sha256=" + to_hex(evp_mac_sha256(secret, body)));
}

TEST(Signature, ChangesWhenOneByteOfTheBodyChanges) {
  EXPECT_NE(webhook_signature("k", R"({"a":1})"), webhook_signature("k", R"({"a":2})"));
}

TEST(Signature, StandardWebhooksSignsIdTimestampAndBody) {
  const std::string body = R"({"id":"rl-1-a"})";
  const std::string expected =
      "v1," + base64_encode(evp_mac_sha256("raw-secret", "rl-1-a.1764000000." + body));
  EXPECT_EQ(standard_webhooks_signature("raw-secret", "rl-1-a", 1764000000, body), expected);
}

TEST(Signature, WhsecPrefixedSecretIsBase64Key) {
  const std::string key("\x01\x02\x03\xff\x00key", 8);
  const std::string secret = "whsec_" + base64_encode(key);
  EXPECT_EQ(standard_webhooks_key(secret), key);
  EXPECT_EQ(standard_webhooks_signature(secret, "id", 5, "b"),
            "v1," + base64_encode(evp_mac_sha256(key, "id.5.b")));
}

TEST(Signature, WhsecWithInvalidBase64IsUsedRaw) {
  EXPECT_EQ(standard_webhooks_key("whsec_not base64!"), "whsec_not base64!");
}

TEST(Base64, RoundTripsEveryLengthAndRejectsGarbage) {
  std::string bytes;
  for (int n = 0; n < 40; ++n) {
    std::string back;
    ASSERT_TRUE(base64_decode(base64_encode(bytes), back));
    EXPECT_EQ(back, bytes);
    bytes.push_back(static_cast<char>(n * 37));
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  std::string out;
  EXPECT_FALSE(base64_decode("Zm9", out));
  EXPECT_FALSE(base64_decode("Zm=v", out));
  EXPECT_FALSE(base64_decode("Z!9v", out));
}

}  // namespace
}  // namespace redline
