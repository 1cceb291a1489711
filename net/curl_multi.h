// CurlMulti: libcurl's multi interface driven by one Boost.Asio io_context. Every HTTP and SMTP
// transfer redline makes goes through it: no thread per transfer, no sleeping threads. Owners of
// easy handles hand them in and get them back, with the outcome, exactly once, from the loop.
#pragma once

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <functional>
#include <memory>
#include <system_error>

namespace redline::net {

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

// CURLcode / CURLMcode as std::error_code.
const std::error_category& curl_category();
const std::error_category& curl_multi_category();
std::error_code make_curl_error(CURLcode code);

// A new easy handle; throws std::runtime_error if libcurl cannot make one.
EasyHandle make_easy();

class CurlMulti {
 public:
  // Called once per transfer, from the io_context, with the transfer's result (empty error code
  // on CURLE_OK) and the easy handle back (so the caller can read CURLINFO_*).
  using Done = std::function<void(std::error_code, EasyHandle)>;

  explicit CurlMulti(boost::asio::io_context& io);
  ~CurlMulti();
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;

  // Starts a configured transfer. Buffers the easy handle's callbacks write to must outlive the
  // transfer (keep them in `done`'s captures). `done` is never called from inside add().
  void add(EasyHandle easy, Done done);

  // Aborts every transfer in flight; each `done` is called with operation_aborted.
  void cancel_all();

  // Transfers in flight.
  std::size_t active() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace redline::net
