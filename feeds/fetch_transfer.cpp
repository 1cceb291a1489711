// A feed fetch as a libcurl transfer; see fetch_transfer.h.
//
// Size is enforced on decoded bytes in the write callback (CURLOPT_MAXFILESIZE only sees the
// declared, compressed length), so gzip bombs and bodies without a length stop at the cap with
// one buffer of memory over it. A request with keep_encoded gets the bytes as sent, and the cap
// applies to them here and to the decoded bytes in decode_body. Every response of a redirect
// chain passes through the header callback, which is how each hop's status is known.
#include "feeds/fetch_transfer.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace redline::fetch_detail {
namespace {

constexpr const char* kAccept =
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* userp) noexcept {
  auto* t = static_cast<Transfer*>(userp);
  const std::size_t n = size * count;
  t->received += n;
  if (t->received > t->limits.max_body_bytes) {
    t->too_large = true;
    return 0;  // a short write aborts the transfer (CURLE_WRITE_ERROR)
  }
  const long status = t->headers.hops.empty() ? 0 : t->headers.hops.back().status;
  if (status >= 200 && status < 300) {
    try {
      t->body.append(data, n);
    } catch (...) {  // out of memory: abort rather than let the exception cross libcurl
      return 0;
    }
  }
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* userp) noexcept {
  auto* t = static_cast<Transfer*>(userp);
  const std::size_t n = size * count;
  try {
    char* url = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &url);
    t->headers.add_line(std::string_view(data, n), url ? url : "");
  } catch (...) {
    return 0;
  }
  return n;
}

std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

template <class T>
void set(CURL* easy, CURLoption option, T value) {
  if (CURLcode rc = curl_easy_setopt(easy, option, value); rc != CURLE_OK) {
    throw std::runtime_error(std::string("libcurl refused an option: ") + curl_easy_strerror(rc));
  }
}

net::Slist request_headers(const FetchRequest& request) {
  net::Slist list;
  auto append = [&](const std::string& line) {
    curl_slist* next = curl_slist_append(list.get(), line.c_str());
    if (!next) throw std::runtime_error("out of memory building request headers");
    (void)list.release();
    list.reset(next);
  };
  append(std::string("Accept: ") + kAccept);
  // Validators come from a server's earlier answer: never let one smuggle a header line in.
  if (!request.etag.empty() && safe_header_value(request.etag)) {
    append("If-None-Match: " + request.etag);
  }
  if (!request.last_modified.empty() && safe_header_value(request.last_modified)) {
    append("If-Modified-Since: " + request.last_modified);
  }
  return list;
}

FetchStatus status_for_http(long code) {
  if (code >= 200 && code < 300) return FetchStatus::ok;
  if (code == 304) return FetchStatus::not_modified;
  if (code == 410) return FetchStatus::gone;
  if (code == 429 || code == 503) return FetchStatus::rate_limited;
  return FetchStatus::http_error;
}

// Fills status and error for a transfer that did not complete normally; false when it did.
bool classify_failure(Transfer& t, std::error_code ec, CURL* easy, FetchResult& r) {
  if (ec == std::errc::operation_canceled) {
    r.status = FetchStatus::cancelled;
    r.error = "cancelled";
  } else if (t.too_large || ec == net::make_curl_error(CURLE_FILESIZE_EXCEEDED)) {
    r.status = FetchStatus::too_large;
    r.error = "body exceeds " + describe_size(t.limits.max_body_bytes);
  } else if (!ec) {
    return false;
  } else if (std::string peer = net::blocked_peer(easy); !peer.empty()) {
    r.status = FetchStatus::blocked;
    r.error = "blocked: private address " + peer;
  } else {
    const std::string message = one_line(t.error[0] ? t.error : ec.message());
    const bool refused_protocol = ec == net::make_curl_error(CURLE_UNSUPPORTED_PROTOCOL);
    r.status = refused_protocol ? FetchStatus::blocked : FetchStatus::network_error;
    r.error = refused_protocol ? "blocked: " + message : message;
  }
  return true;
}

}  // namespace

net::EasyHandle make_transfer(Transfer& t) {
  net::EasyHandle easy = net::make_easy();
  CURL* h = easy.get();
  t.easy = h;
  net::apply_safety(h, t.limits, t.request.allow_private, "http,https");
  t.request_headers = request_headers(t.request);
  set(h, CURLOPT_URL, t.request.url.c_str());
  set(h, CURLOPT_HTTPGET, 1L);
  set(h, CURLOPT_HTTPHEADER, t.request_headers.get());
  if (t.request.keep_encoded) {
    // The caller inflates (decode_body), off the thread that runs every transfer.
    set(h, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    set(h, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  } else {
    set(h, CURLOPT_ACCEPT_ENCODING, "");  // every coding this libcurl decodes
  }
  set(h, CURLOPT_ERRORBUFFER, t.error);
  set(h, CURLOPT_WRITEFUNCTION, &on_body);
  set(h, CURLOPT_WRITEDATA, static_cast<void*>(&t));
  set(h, CURLOPT_HEADERFUNCTION, &on_header);
  set(h, CURLOPT_HEADERDATA, static_cast<void*>(&t));
  if (!t.request.ca_file.empty()) set(h, CURLOPT_CAINFO, t.request.ca_file.c_str());
  t.started = std::chrono::steady_clock::now();
  return easy;
}

FetchResult finish_transfer(Transfer& t, std::error_code ec, CURL* easy) {
  FetchResult r;
  r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - t.started);
  char* url = nullptr;
  if (easy) {
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &r.http_code);
    curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &url);
  }
  r.final_url = url ? url : t.request.url;
  r.etag = t.headers.etag;
  r.last_modified = t.headers.last_modified;
  r.content_type = t.headers.content_type;
  r.max_age = parse_max_age(t.headers.cache_control);
  if (classify_failure(t, ec, easy, r)) return r;

  r.status = status_for_http(r.http_code);
  switch (r.status) {
    case FetchStatus::ok:
      r.body = std::move(t.body);
      if (t.request.keep_encoded) r.content_encoding = t.headers.content_encoding;
      [[fallthrough]];
    case FetchStatus::not_modified:
      r.permanent_redirect = permanent_redirect(t.headers.hops);
      break;
    case FetchStatus::rate_limited:
      r.retry_after = parse_retry_after(t.headers.retry_after, std::chrono::system_clock::now());
      r.error = "HTTP " + std::to_string(r.http_code);
      break;
    default:
      r.error = "HTTP " + std::to_string(r.http_code);
  }
  return r;
}

std::string host_of(const std::string& url) {
  struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
  };
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return {};
  char* host = nullptr;
  if (curl_url_get(parsed.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK || !host) return {};
  std::string out(host);
  curl_free(host);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace redline::fetch_detail
