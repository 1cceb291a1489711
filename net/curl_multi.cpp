// CurlMulti: the libcurl "multi_socket" protocol on one io_context.
//
// libcurl tells us, through two C callbacks, which sockets to watch in which direction and when
// to call it back; we answer with curl_multi_socket_action and read finished transfers with
// curl_multi_info_read after every call. The shape of the safe version:
//   - One Socket per descriptor curl watches, holding an asio stream_descriptor assigned to the
//     fd but never owning it (released, not closed, when curl says REMOVE: curl closes its fds).
//   - At most one pending wait per direction; a wait is re-armed only while curl still wants
//     that direction. Handlers hold the Socket by shared_ptr and drop any completion once curl
//     has removed it, since the fd number may already belong to a new connection.
//   - Asio's epoll reactor is edge-triggered and its waits are not speculative, so readiness
//     that arrived while no wait was queued would be lost: arming polls the fd first and
//     completes at once (posted) when it is ready already.
//   - The timer callback only sets the steady_timer (a zero timeout becomes a posted expiry);
//     nothing calls into curl from inside a curl callback, and no exception crosses one.
//   - `done` callbacks are posted, never run from inside add() or from curl's call stack.
#include "net/curl_multi.h"

#include <poll.h>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "net/safety.h"

namespace redline::net {
namespace {

class CurlCategory : public std::error_category {
 public:
  const char* name() const noexcept override { return "curl"; }
  std::string message(int code) const override {
    return curl_easy_strerror(static_cast<CURLcode>(code));
  }
};

class CurlMultiCategory : public std::error_category {
 public:
  const char* name() const noexcept override { return "curl_multi"; }
  std::string message(int code) const override {
    return curl_multi_strerror(static_cast<CURLMcode>(code));
  }
};

void global_init() {
  static const CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) throw std::runtime_error("curl_global_init failed");
}

enum Direction { kRead = 0, kWrite = 1 };

// What cancelled transfers report: compares equal to std::errc::operation_canceled (and to
// Asio's operation_aborted, which is the same ECANCELED).
std::error_code aborted() {
  return std::make_error_code(std::errc::operation_canceled);
}

bool ready_now(curl_socket_t fd, Direction dir) {
  pollfd p{fd, static_cast<short>(dir == kRead ? POLLIN : POLLOUT), 0};
  return ::poll(&p, 1, 0) > 0 && p.revents != 0;
}

}  // namespace

const std::error_category& curl_category() {
  static const CurlCategory category;
  return category;
}

const std::error_category& curl_multi_category() {
  static const CurlMultiCategory category;
  return category;
}

std::error_code make_curl_error(CURLcode code) {
  return {static_cast<int>(code), curl_category()};
}

std::error_code make_curl_multi_error(CURLMcode code) {
  return {static_cast<int>(code), curl_multi_category()};
}

void EasyDeleter::operator()(CURL* h) const {
  forget_blocked_peer(h);
  curl_easy_cleanup(h);
}

EasyHandle make_easy() {
  global_init();
  EasyHandle easy(curl_easy_init());
  if (!easy) throw std::runtime_error("libcurl could not create a transfer handle");
  return easy;
}

struct CurlMulti::Impl : std::enable_shared_from_this<Impl> {
  // Nested, not in the file's anonymous namespace: a member's type must not have less linkage
  // than the class (GCC warns when the file is compiled inside a unity build).
  struct MultiDeleter {
    void operator()(CURLM* m) const { curl_multi_cleanup(m); }
  };
  using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

  // A descriptor curl asked us to watch. Lives until curl says REMOVE (or the multi goes).
  struct Socket {
    Socket(boost::asio::io_context& io, curl_socket_t fd) : descriptor(io), fd(fd) {
      descriptor.assign(fd);
    }
    boost::asio::posix::stream_descriptor descriptor;
    curl_socket_t fd;
    int want = 0;  // CURL_POLL_IN / CURL_POLL_OUT bits curl asked for last
    bool waiting[2] = {false, false};
    bool closed = false;
  };
  using SocketPtr = std::shared_ptr<Socket>;

  struct Transfer {
    EasyHandle easy;
    Done done;
  };

  explicit Impl(boost::asio::io_context& io) : io(io), timer(io) {}

  void start(long max_total_connections);
  void shutdown();

  // libcurl's C callbacks; they forward to on_socket / on_timer and catch everything.
  static int socket_callback(CURL*, curl_socket_t fd, int what, void* userp, void*) noexcept;
  static int timer_callback(CURLM*, long timeout_ms, void* userp) noexcept;
  void on_socket(curl_socket_t fd, int what, void* socketp);
  void on_timer(long timeout_ms);

  void arm(const SocketPtr& s, Direction dir);
  void on_ready(const SocketPtr& s, Direction dir, boost::system::error_code ec);
  void close_socket(curl_socket_t fd);
  void socket_action(curl_socket_t fd, int flags);
  void drain();
  bool finish(CURL* easy, std::error_code ec);
  void fail_all(std::error_code ec);

  boost::asio::io_context& io;
  MultiHandle multi;
  boost::asio::steady_timer timer;
  std::uint64_t timer_generation = 0;
  std::unordered_map<curl_socket_t, SocketPtr> sockets;
  std::unordered_map<CURL*, Transfer> transfers;
};

int CurlMulti::Impl::socket_callback(CURL*, curl_socket_t fd, int what, void* userp,
                                     void* socketp) noexcept {
  try {
    static_cast<Impl*>(userp)->on_socket(fd, what, socketp);
    return 0;
  } catch (...) {  // libcurl then fails the transfers; the exception must not cross it
    return -1;
  }
}

int CurlMulti::Impl::timer_callback(CURLM*, long timeout_ms, void* userp) noexcept {
  try {
    static_cast<Impl*>(userp)->on_timer(timeout_ms);
    return 0;
  } catch (...) {
    return -1;
  }
}

void CurlMulti::Impl::start(long max_total_connections) {
  global_init();
  multi.reset(curl_multi_init());
  if (!multi) throw std::runtime_error("libcurl could not create a multi handle");
  curl_multi_setopt(multi.get(), CURLMOPT_SOCKETFUNCTION, &socket_callback);
  curl_multi_setopt(multi.get(), CURLMOPT_SOCKETDATA, static_cast<void*>(this));
  curl_multi_setopt(multi.get(), CURLMOPT_TIMERFUNCTION, &timer_callback);
  curl_multi_setopt(multi.get(), CURLMOPT_TIMERDATA, static_cast<void*>(this));
  curl_multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, max_total_connections);
}

void CurlMulti::Impl::shutdown() {
  fail_all(aborted());
  multi.reset();  // may still call on_socket(REMOVE) while closing cached connections
  for (auto& [fd, s] : sockets) {
    s->closed = true;
    s->descriptor.release();
  }
  sockets.clear();
  ++timer_generation;
  timer.cancel();
}

void CurlMulti::Impl::on_socket(curl_socket_t fd, int what, void* socketp) {
  if (what == CURL_POLL_REMOVE) {
    close_socket(fd);
    return;
  }
  // curl hands back the pointer we assigned to its socket entry; a different one means curl
  // sees a new socket on a reused fd number, so whatever we still hold for that fd is stale.
  if (auto it = sockets.find(fd); it != sockets.end() && it->second.get() != socketp) {
    close_socket(fd);
  }
  SocketPtr& s = sockets[fd];
  if (!s) {
    s = std::make_shared<Socket>(io, fd);
    curl_multi_assign(multi.get(), fd, s.get());
  }
  s->want = what;
  if (what & CURL_POLL_IN) arm(s, kRead);
  if (what & CURL_POLL_OUT) arm(s, kWrite);
}

void CurlMulti::Impl::on_timer(long timeout_ms) {
  const std::uint64_t generation = ++timer_generation;
  if (timeout_ms < 0) {
    timer.cancel();
    return;
  }
  auto expired = [weak = weak_from_this(), generation] {
    auto self = weak.lock();
    if (!self || generation != self->timer_generation) return;  // superseded by a later setting
    self->socket_action(CURL_SOCKET_TIMEOUT, 0);
  };
  // "Now" (every added transfer asks for it): a handler on the loop's queue, not the timer,
  // whose every setting rewrites the loop's timer descriptor (a system call; 1,000 of them in
  // a cold poll of a thousand feeds). A timer still armed for later has a stale generation.
  if (timeout_ms == 0) {
    boost::asio::post(io, std::move(expired));
    return;
  }
  timer.expires_after(std::chrono::milliseconds(timeout_ms));
  timer.async_wait([expired = std::move(expired)](boost::system::error_code ec) {
    if (ec != boost::asio::error::operation_aborted) expired();
  });
}

void CurlMulti::Impl::arm(const SocketPtr& s, Direction dir) {
  if (s->closed || s->waiting[dir]) return;
  s->waiting[dir] = true;
  auto handler = [weak = weak_from_this(), s, dir](boost::system::error_code ec) {
    if (auto self = weak.lock()) self->on_ready(s, dir, ec);
  };
  if (ready_now(s->fd, dir)) {
    boost::asio::post(io, [handler] { handler({}); });
    return;
  }
  s->descriptor.async_wait(dir == kRead ? boost::asio::posix::stream_descriptor::wait_read
                                        : boost::asio::posix::stream_descriptor::wait_write,
                           handler);
}

void CurlMulti::Impl::on_ready(const SocketPtr& s, Direction dir, boost::system::error_code ec) {
  s->waiting[dir] = false;
  if (s->closed || ec == boost::asio::error::operation_aborted) return;
  const int bit = dir == kRead ? CURL_POLL_IN : CURL_POLL_OUT;
  if (!(s->want & bit)) return;  // curl stopped caring about this direction meanwhile
  int flags = dir == kRead ? CURL_CSELECT_IN : CURL_CSELECT_OUT;
  if (ec) flags |= CURL_CSELECT_ERR;
  socket_action(s->fd, flags);
  if (!s->closed && (s->want & bit)) arm(s, dir);
}

void CurlMulti::Impl::close_socket(curl_socket_t fd) {
  auto it = sockets.find(fd);
  if (it == sockets.end()) return;
  SocketPtr s = std::move(it->second);
  sockets.erase(it);
  s->closed = true;
  boost::system::error_code ignored;
  s->descriptor.cancel(ignored);
  s->descriptor.release();  // curl owns and closes the fd
}

void CurlMulti::Impl::socket_action(curl_socket_t fd, int flags) {
  if (!multi) return;
  int running = 0;
  const CURLMcode rc = curl_multi_socket_action(multi.get(), fd, flags, &running);
  drain();
  // BAD_SOCKET: curl dropped the fd between our wait and this call; nothing to do. Anything
  // else means the multi handle is unusable: fail what is in flight rather than hang.
  if (rc != CURLM_OK && rc != CURLM_BAD_SOCKET) fail_all(make_curl_multi_error(rc));
}

void CurlMulti::Impl::drain() {
  std::vector<std::pair<CURL*, CURLcode>> finished;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi.get(), &left)) {
    if (msg->msg == CURLMSG_DONE) finished.emplace_back(msg->easy_handle, msg->data.result);
  }
  for (auto [easy, result] : finished) finish(easy, make_curl_error(result));
}

bool CurlMulti::Impl::finish(CURL* easy, std::error_code ec) {
  auto it = transfers.find(easy);
  if (it == transfers.end()) return false;
  Transfer t = std::move(it->second);
  transfers.erase(it);
  if (multi) curl_multi_remove_handle(multi.get(), easy);
  boost::asio::post(io, [done = std::move(t.done), easy = std::move(t.easy), ec]() mutable {
    done(ec, std::move(easy));
  });
  return true;
}

void CurlMulti::Impl::fail_all(std::error_code ec) {
  std::vector<CURL*> handles;
  handles.reserve(transfers.size());
  for (auto& [easy, t] : transfers) handles.push_back(easy);
  for (CURL* easy : handles) finish(easy, ec);
}

CurlMulti::CurlMulti(boost::asio::io_context& io, long max_total_connections)
    : impl_(std::make_shared<Impl>(io)) {
  impl_->start(max_total_connections);
}

CurlMulti::~CurlMulti() {
  impl_->shutdown();
}

void CurlMulti::add(EasyHandle easy, Done done) {
  CURL* h = easy.get();
  impl_->transfers.emplace(h, Impl::Transfer{std::move(easy), std::move(done)});
  if (CURLMcode rc = curl_multi_add_handle(impl_->multi.get(), h); rc != CURLM_OK) {
    auto node = impl_->transfers.extract(h);
    boost::asio::post(impl_->io, [t = std::move(node.mapped()), rc]() mutable {
      t.done(make_curl_multi_error(rc), std::move(t.easy));
    });
  }
}

void CurlMulti::cancel_all() {
  impl_->fail_all(aborted());
}

bool CurlMulti::cancel(CURL* easy) {
  return impl_->finish(easy, aborted());
}

std::size_t CurlMulti::active() const {
  return impl_->transfers.size();
}

boost::asio::io_context::executor_type CurlMulti::get_executor() const {
  return impl_->io.get_executor();
}

}  // namespace redline::net
