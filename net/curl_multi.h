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

// Cleans up the handle and forgets what the peer check recorded for it (net/safety.h).
struct EasyDeleter {
  void operator()(CURL* h) const;
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
std::error_code make_curl_multi_error(CURLMcode code);

// A new easy handle; throws std::runtime_error if libcurl cannot make one.
EasyHandle make_easy();

class CurlMulti {
 public:
  // Called once per transfer, from the io_context, with the transfer's result (empty error code
  // on CURLE_OK, else curl_category()) and the easy handle back (so the caller can read
  // CURLINFO_*). "operation_aborted" below is std::errc::operation_canceled (ECANCELED, equal
  // to Asio's operation_aborted).
  using Done = std::function<void(std::error_code, EasyHandle)>;

  // `io` must outlive this object. max_total_connections caps open connections
  // (CURLMOPT_MAX_TOTAL_CONNECTIONS); transfers beyond it wait inside libcurl, with their
  // timeouts running, so callers should queue their own work well below it.
  explicit CurlMulti(boost::asio::io_context& io, long max_total_connections = 64);
  // Destroying the multi is cancel_all(): each `done` is posted with operation_aborted.
  ~CurlMulti();
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;

  // Starts a configured transfer. Buffers the easy handle's callbacks write to must outlive the
  // transfer (keep them in `done`'s captures). `done` is never called from inside add(); a
  // transfer libcurl refuses to start completes (posted) with the CURLMcode as error.
  void add(EasyHandle easy, Done done);

  // Aborts every transfer in flight; each `done` is posted with operation_aborted. Must not be
  // called from inside a libcurl callback (write, header, ...): post it instead.
  void cancel_all();

  // Aborts one transfer (the handle given to add()); its `done` is posted with
  // operation_aborted. False when it is not in flight (already finished or never added).
  bool cancel(CURL* easy);

  // Transfers in flight.
  std::size_t active() const;

  // The io_context's executor, for posting completions in the same order as the multi's.
  boost::asio::io_context::executor_type get_executor() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;  // shared so pending handlers can tell it is gone
};

}  // namespace redline::net
