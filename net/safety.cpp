// apply_safety: the options every outgoing transfer gets, and the connect-time peer check.
// The check runs in CURLOPT_OPENSOCKETFUNCTION, which libcurl calls with the resolved address
// for every connection it opens (each redirect hop, each happy-eyeballs attempt), so numeric
// spellings, DNS answers and redirects all end up judged on the address actually dialled.
#include "net/safety.h"

#include <sys/socket.h>

#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "net/address.h"

namespace redline::net {
namespace {

// Refusals by easy handle: the open-socket callback cannot report a reason through libcurl, so
// it leaves it here for whoever reads the transfer's outcome (blocked_peer()).
struct BlockedPeers {
  std::mutex mutex;
  std::unordered_map<const CURL*, std::string> by_handle;
};

BlockedPeers& blocked_peers() {
  static BlockedPeers peers;
  return peers;
}

void record_blocked(const CURL* easy, std::string address) {
  auto& peers = blocked_peers();
  std::lock_guard lock(peers.mutex);
  peers.by_handle[easy] = std::move(address);
}

template <class T>
void set(CURL* easy, CURLoption option, T value) {
  if (CURLcode rc = curl_easy_setopt(easy, option, value); rc != CURLE_OK) {
    throw std::runtime_error(std::string("libcurl refused an option: ") + curl_easy_strerror(rc));
  }
}

long ms(std::chrono::milliseconds d) { return static_cast<long>(d.count()); }

}  // namespace

curl_socket_t open_checked_socket(void* easy, curlsocktype purpose,
                                  curl_sockaddr* address) noexcept {
  try {
    std::string text;
    if (is_private_sockaddr(&address->addr, &text)) {
      record_blocked(static_cast<const CURL*>(easy), std::move(text));
      return CURL_SOCKET_BAD;
    }
    (void)purpose;
    return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  } catch (...) {  // no exception crosses libcurl
    return CURL_SOCKET_BAD;
  }
}

void apply_safety(CURL* easy, const TransferLimits& limits, bool allow_private,
                  const char* protocols) {
  const bool http = std::string_view(protocols).find("http") != std::string_view::npos;
  set(easy, CURLOPT_PROTOCOLS_STR, protocols);
  set(easy, CURLOPT_REDIR_PROTOCOLS_STR, http ? "http,https" : protocols);
  set(easy, CURLOPT_FOLLOWLOCATION, http ? 1L : 0L);
  set(easy, CURLOPT_MAXREDIRS, limits.max_redirects);
  set(easy, CURLOPT_CONNECTTIMEOUT_MS, ms(limits.connect_timeout));
  set(easy, CURLOPT_TIMEOUT_MS, ms(limits.total_timeout));
  set(easy, CURLOPT_LOW_SPEED_LIMIT, limits.low_speed_bytes);
  set(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(limits.low_speed_time.count()));
  // A declared Content-Length over the cap fails early; undeclared and compressed bodies are
  // counted (decoded) by the caller's write callback.
  set(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_body_bytes));
  set(easy, CURLOPT_NOSIGNAL, 1L);
  set(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  set(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  set(easy, CURLOPT_USERAGENT, user_agent().c_str());
  // No proxy from the environment: the peer check must see the real destination.
  set(easy, CURLOPT_PROXY, "");
  {
    auto& peers = blocked_peers();
    std::lock_guard lock(peers.mutex);
    peers.by_handle.erase(easy);
  }
  if (allow_private) {
    set(easy, CURLOPT_OPENSOCKETFUNCTION, static_cast<curl_opensocket_callback>(nullptr));
    set(easy, CURLOPT_OPENSOCKETDATA, static_cast<void*>(nullptr));
  } else {
    set(easy, CURLOPT_OPENSOCKETFUNCTION, &open_checked_socket);
    set(easy, CURLOPT_OPENSOCKETDATA, static_cast<void*>(easy));
  }
}

std::string blocked_peer(const CURL* easy) {
  auto& peers = blocked_peers();
  std::lock_guard lock(peers.mutex);
  auto it = peers.by_handle.find(easy);
  return it == peers.by_handle.end() ? std::string() : it->second;
}

void forget_blocked_peer(const CURL* easy) {
  auto& peers = blocked_peers();
  std::lock_guard lock(peers.mutex);
  peers.by_handle.erase(easy);
}

const std::string& user_agent() {
  static const std::string agent = "redline/" REDLINE_VERSION " (news monitor)";
  return agent;
}

}  // namespace redline::net
