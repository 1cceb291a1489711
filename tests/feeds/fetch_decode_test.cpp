// decode_body: the daemon asks for gzip and deflate bodies as sent (FetchRequest::keep_encoded)
// and inflates them on its worker thread. What it promises: the same bytes libcurl's decoding
// gave, the same cap on decoded size (a bomb stops there), and a one-line error for a body it
// cannot decode, never a crash or a half body.
#include <gtest/gtest.h>
#include <zlib.h>

#include "feeds/fetch.h"
#include "feeds/fetch_test_helpers.h"

namespace redline::fetch_test {
namespace {

// `text` compressed by zlib with the given window bits: 15 + 16 gzip, 15 zlib, -15 bare deflate.
std::string compressed(const std::string& text, int window_bits) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, text.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

FetchResult encoded(std::string body, std::string coding) {
  FetchResult r;
  r.status = FetchStatus::ok;
  r.http_code = 200;
  r.body = std::move(body);
  r.content_encoding = std::move(coding);
  return r;
}

constexpr std::size_t kCap = 1024 * 1024;

TEST(DecodeBody, InflatesAGzipBody) {
  auto r = encoded(compressed(kFeed, 15 + 16), "gzip");
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::ok);
  EXPECT_EQ(r.body, kFeed);
  EXPECT_EQ(r.content_encoding, "");
}

TEST(DecodeBody, ReadsTheCodingNameAsHttpDoes) {
  for (const char* coding : {"x-gzip", "GZIP", " gzip "}) {
    auto r = encoded(compressed(kFeed, 15 + 16), coding);
    decode_body(r, kCap);
    EXPECT_EQ(r.body, kFeed) << coding;
  }
}

TEST(DecodeBody, InflatesDeflateAsAZlibStreamAndAsBareData) {
  for (int bits : {15, -15}) {
    auto r = encoded(compressed(kFeed, bits), "deflate");
    decode_body(r, kCap);
    EXPECT_EQ(r.status, FetchStatus::ok) << r.error;
    EXPECT_EQ(r.body, kFeed) << "window bits " << bits;
  }
}

TEST(DecodeBody, ReadsEveryMemberOfAGzipBody) {
  auto r = encoded(
      compressed("<rss version=\"2.0\">", 15 + 16) + compressed("<channel/></rss>", 15 + 16),
      "gzip");
  decode_body(r, kCap);
  EXPECT_EQ(r.body, "<rss version=\"2.0\"><channel/></rss>");
}

// The buffer is sized by the last member's trailer: a larger first member makes it grow, and the
// cap still holds over all members together.
TEST(DecodeBody, GrowsPastTheSizeTheLastMemberGivesAndCapsTheWhole) {
  const std::string big(200000, 'b');
  auto r = encoded(compressed(big, 15 + 16) + compressed("</rss>", 15 + 16), "gzip");
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::ok) << r.error;
  EXPECT_EQ(r.body, big + "</rss>");

  const std::string half(kCap / 2 + 1, 'h');
  auto over = encoded(compressed(half, 15 + 16) + compressed(half, 15 + 16), "gzip");
  decode_body(over, kCap);
  EXPECT_EQ(over.status, FetchStatus::too_large);
  EXPECT_EQ(over.body, "");
}

TEST(DecodeBody, LeavesABodyWithoutACodingAlone) {
  for (const char* coding : {"", "identity"}) {
    auto r = encoded(kFeed, coding);
    decode_body(r, kCap);
    EXPECT_EQ(r.status, FetchStatus::ok);
    EXPECT_EQ(r.body, kFeed) << coding;
  }
}

TEST(DecodeBody, LeavesAResultThatIsNotOkAlone) {
  auto r = encoded("not gzip", "gzip");
  r.status = FetchStatus::http_error;
  r.error = "HTTP 500";
  decode_body(r, kCap);
  EXPECT_EQ(r.error, "HTTP 500");
  EXPECT_EQ(r.body, "not gzip");
}

TEST(DecodeBody, StopsABombAtTheCap) {
  const std::string zeros(16 * kCap, '\0');
  auto r = encoded(compressed(zeros, 15 + 16), "gzip");
  ASSERT_LT(r.body.size(), kCap / 16);  // a few KiB that would inflate to 16 MiB
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::too_large);
  EXPECT_EQ(r.error, "body exceeds 1 MiB");
  EXPECT_EQ(r.body, "");
}

TEST(DecodeBody, AcceptsABodyOfExactlyTheCap) {
  const std::string text(kCap, 'x');
  auto r = encoded(compressed(text, 15 + 16), "gzip");
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::ok);
  EXPECT_EQ(r.body.size(), kCap);
}

TEST(DecodeBody, ACorruptStreamIsOneLineOfError) {
  auto body = compressed(kFeed, 15 + 16);
  body[body.size() / 2] = static_cast<char>(body[body.size() / 2] ^ 0x5a);
  body[body.size() / 2 + 1] = static_cast<char>(body[body.size() / 2 + 1] ^ 0xa5);
  auto r = encoded(body, "gzip");
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::network_error);
  EXPECT_EQ(r.error.find('\n'), std::string::npos);
  EXPECT_EQ(r.error.rfind("bad gzip body: ", 0), 0u) << r.error;
  EXPECT_EQ(r.body, "");

  auto plain = encoded(kFeed, "gzip");  // said gzip, sent plain text
  decode_body(plain, kCap);
  EXPECT_EQ(plain.status, FetchStatus::network_error);
  EXPECT_EQ(plain.error.rfind("bad gzip body: ", 0), 0u) << plain.error;
}

TEST(DecodeBody, ATruncatedStreamIsAnError) {
  auto body = compressed(std::string(20000, 'a') + kFeed, 15 + 16);
  body.resize(body.size() / 2);
  auto r = encoded(body, "gzip");
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::network_error);
  EXPECT_EQ(r.error, "the gzip body ends before its stream does");
  EXPECT_EQ(r.body, "");
}

TEST(DecodeBody, ACodingThatWasNotAskedForIsRefused) {
  auto r = encoded("\x1b\x2b\x00", "br");
  decode_body(r, kCap);
  EXPECT_EQ(r.status, FetchStatus::network_error);
  EXPECT_EQ(r.error, "unsupported Content-Encoding: br");
}

// Through a real transfer: the request asks for gzip and deflate only, the body arrives as
// sent and names its coding, and decoding gives the file back.
TEST_F(FetchTest, KeepsTheBodyEncodedWhenAskedTo) {
  auto ask = request("/headers");
  ask.keep_encoded = true;
  auto headers = fetch(ask);
  decode_body(headers, kCap);
  EXPECT_NE(headers.body.find("gzip, deflate"), std::string::npos) << headers.body;
  EXPECT_EQ(headers.body.find("zstd"), std::string::npos) << headers.body;

  auto feed = request("/feed.rss");
  feed.keep_encoded = true;
  FetchResult r = fetch(feed);
  ASSERT_EQ(r.status, FetchStatus::ok);
  EXPECT_EQ(r.content_encoding, "gzip");
  EXPECT_NE(r.body, kFeed);
  decode_body(r, kCap);
  EXPECT_EQ(r.body, kFeed);
}

TEST_F(FetchTest, StopsAGzipBombKeptEncodedAtTheCapWithBoundedMemory) {
  const long before = max_rss_kib();
  auto bomb = request("/gzip-bomb");
  bomb.keep_encoded = true;
  FetchResult r = fetch(bomb);
  ASSERT_EQ(r.status, FetchStatus::ok) << r.error;  // about 1 MiB on the wire
  decode_body(r, 8 * kCap);
  EXPECT_EQ(r.status, FetchStatus::too_large);
  EXPECT_EQ(r.error, "body exceeds 8 MiB");
  EXPECT_EQ(r.body, "");
  EXPECT_LT(max_rss_kib() - before, 200 * 1024);
}

}  // namespace
}  // namespace redline::fetch_test
