// decode_body: the content coding of a body fetched with FetchRequest::keep_encoded, undone with
// zlib off the thread that runs the transfers (issue #8: inflating was most of what libcurl
// cost the daemon's loop in a cold poll). The limits are the ones libcurl's decoding had: the
// decoded size is capped (a gzip bomb stops at the cap, with one buffer over it), a corrupt
// stream is one line of error.
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <memory>

#include "feeds/fetch.h"
#include "feeds/fetch_headers.h"

namespace redline {

namespace {

void fail(FetchResult& r, FetchStatus status, std::string error) {
  r.status = status;
  r.error = std::move(error);
  std::string().swap(r.body);
}

struct Inflater {
  z_stream z{};
  bool open = false;
  explicit Inflater(int window_bits) { open = inflateInit2(&z, window_bits) == Z_OK; }
  ~Inflater() {
    if (open) inflateEnd(&z);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
};

// RFC 9110's "deflate" is a zlib stream; some servers send bare deflate data. A zlib stream
// starts with a header whose two bytes are a multiple of 31 and name method 8.
int deflate_window_bits(const std::string& body) {
  if (body.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(body[0]);
    const auto b1 = static_cast<unsigned char>(body[1]);
    if ((b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0) return 15;
  }
  return -15;
}

struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// The decoded size a gzip body gives for itself: its last member's trailer (RFC 1952 ISIZE, the
// size modulo 2^32). A hint only: a body of several members, or a lying one, is larger.
std::size_t gzip_size_hint(const std::string& body) {
  if (body.size() < 18) return 0;
  std::uint32_t size = 0;
  for (int k = 3; k >= 0; --k) {
    size = (size << 8) |
           static_cast<unsigned char>(body[body.size() - 4 + static_cast<std::size_t>(k)]);
  }
  return size;
}

// A gzip body inflated whole by libdeflate, about twice as fast as zlib's stream (a tenth of the
// worker's time in a cold poll went to inflating; issue #8), into a buffer of the size the body
// gives, grown when it was wrong. False, with `out` undefined, when the data is bad: zlib then
// says why (decode_body). Sets too_large when the body decodes to more than max_bytes.
bool inflate_gzip_whole(const std::string& body, std::size_t max_bytes, std::string& out,
                        bool& too_large) {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(
      libdeflate_alloc_decompressor());
  if (!d) return false;
  too_large = false;
  std::size_t capacity = gzip_size_hint(body);
  if (capacity == 0 || capacity > max_bytes) capacity = std::min(max_bytes, body.size() * 4 + 4096);
  out.clear();
  std::size_t in = 0;
  while (in < body.size()) {  // one member at a time (RFC 1952: members one after the other)
    const std::size_t start = out.size();
    for (;;) {
      out.resize(std::max(capacity, start + 1));
      std::size_t used = 0, produced = 0;
      const auto rc =
          libdeflate_gzip_decompress_ex(d.get(), body.data() + in, body.size() - in,
                                        out.data() + start, out.size() - start, &used, &produced);
      if (rc == LIBDEFLATE_SUCCESS) {
        out.resize(start + produced);
        in += used;
        break;
      }
      if (rc != LIBDEFLATE_INSUFFICIENT_SPACE) return false;
      if (out.size() > max_bytes) {
        too_large = true;
        return false;
      }
      capacity = std::min(max_bytes + 1, out.size() * 2);  // one byte over: too large
    }
    if (out.size() > max_bytes) {
      too_large = true;
      return false;
    }
  }
  return true;
}

}  // namespace

void decode_body(FetchResult& r, std::size_t max_bytes) {
  if (r.status != FetchStatus::ok) return;
  using fetch_detail::iequals;
  const std::string sent = std::move(r.content_encoding);
  r.content_encoding.clear();
  const std::string_view name = fetch_detail::trim(sent);
  if (name.empty() || iequals(name, "identity")) return;
  const bool gzip = iequals(name, "gzip") || iequals(name, "x-gzip");
  if (!gzip && !iequals(name, "deflate")) {
    fail(r, FetchStatus::network_error, "unsupported Content-Encoding: " + std::string(name));
    return;
  }
  const std::string coding = gzip ? "gzip" : "deflate";  // as the errors name it
  if (gzip) {
    std::string whole;
    bool too_large = false;
    if (inflate_gzip_whole(r.body, max_bytes, whole, too_large)) {
      r.body = std::move(whole);
      return;
    }
    if (too_large) {
      fail(r, FetchStatus::too_large, "body exceeds " + fetch_detail::describe_size(max_bytes));
      return;
    }
    // Bad data: zlib's stream below finds where and says why.
  }
  Inflater in(gzip ? 15 + 16 : deflate_window_bits(r.body));
  if (!in.open) {
    fail(r, FetchStatus::network_error, "cannot start inflating the body");
    return;
  }
  std::string out;
  out.reserve(std::min<std::size_t>(max_bytes, r.body.size() * 4 + 4096));
  in.z.next_in = reinterpret_cast<Bytef*>(r.body.data());
  in.z.avail_in = static_cast<uInt>(r.body.size());
  char buffer[64 * 1024];
  for (;;) {
    in.z.next_out = reinterpret_cast<Bytef*>(buffer);
    in.z.avail_out = sizeof buffer;
    const int rc = inflate(&in.z, Z_NO_FLUSH);
    const std::size_t produced = sizeof buffer - in.z.avail_out;
    if (out.size() + produced > max_bytes) {
      fail(r, FetchStatus::too_large, "body exceeds " + fetch_detail::describe_size(max_bytes));
      return;
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) {
      // A gzip body may be several members one after the other (RFC 1952): go on.
      if (gzip && in.z.avail_in > 0 && inflateReset(&in.z) == Z_OK) continue;
      break;
    }
    if (rc == Z_BUF_ERROR && in.z.avail_in == 0) {
      fail(r, FetchStatus::network_error, "the " + coding + " body ends before its stream does");
      return;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      fail(r, FetchStatus::network_error,
           "bad " + coding + " body: " + (in.z.msg ? in.z.msg : "corrupt data"));
      return;
    }
  }
  r.body = std::move(out);
}

}  // namespace redline
