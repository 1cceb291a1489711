// Fetcher: the politeness queue in front of the shared CurlMulti. A request starts when fewer
// than max_concurrent fetches are in flight and fewer than max_per_host to its host; otherwise
// it waits in a FIFO queue and is started as others finish. HTTP itself is fetch_transfer.cpp.
#include "feeds/fetch.h"

#include <boost/asio/post.hpp>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "feeds/fetch_transfer.h"

namespace redline {

const char* to_string(FetchStatus s) {
  switch (s) {
    case FetchStatus::ok: return "ok";
    case FetchStatus::not_modified: return "not_modified";
    case FetchStatus::gone: return "gone";
    case FetchStatus::rate_limited: return "rate_limited";
    case FetchStatus::http_error: return "http_error";
    case FetchStatus::too_large: return "too_large";
    case FetchStatus::blocked: return "blocked";
    case FetchStatus::network_error: return "network_error";
    case FetchStatus::cancelled: return "cancelled";
  }
  return "unknown";
}

struct Fetcher::State : std::enable_shared_from_this<State> {
  struct Pending {
    FetchRequest request;
    Done done;
    std::string host;
  };

  State(net::CurlMulti& multi, FetcherOptions options) : multi(multi), options(options) {}

  void pump();
  void start(Pending p);
  void finished(const std::string& host, CURL* easy);
  void cancel_queued();
  void complete_later(Done done, FetchResult result);

  net::CurlMulti& multi;
  FetcherOptions options;
  std::deque<Pending> queue;
  std::unordered_map<std::string, int> per_host;  // in flight by host
  std::unordered_set<CURL*> running;              // this Fetcher's transfers in the multi
};

void Fetcher::State::pump() {
  const auto max_total = static_cast<std::size_t>(std::max(1, options.max_concurrent));
  const int max_host = std::max(1, options.max_per_host);
  for (auto it = queue.begin(); it != queue.end() && running.size() < max_total;) {
    if (per_host[it->host] >= max_host) {
      ++it;
      continue;
    }
    Pending p = std::move(*it);
    it = queue.erase(it);
    start(std::move(p));
  }
}

void Fetcher::State::start(Pending p) {
  auto transfer = std::make_shared<fetch_detail::Transfer>();
  transfer->request = std::move(p.request);
  transfer->limits = options.limits;
  net::EasyHandle easy;
  try {
    easy = fetch_detail::make_transfer(*transfer);
  } catch (const std::exception& e) {
    FetchResult r;
    r.error = e.what();
    complete_later(std::move(p.done), std::move(r));
    return;
  }
  ++per_host[p.host];
  running.insert(easy.get());
  multi.add(std::move(easy), [self = shared_from_this(), transfer, host = std::move(p.host),
                              done = std::move(p.done)](std::error_code ec, net::EasyHandle h) {
    FetchResult result = fetch_detail::finish_transfer(*transfer, ec, h.get());
    self->finished(host, h.get());
    if (result.status == FetchStatus::cancelled) {
      self->cancel_queued();  // the multi was shut down: start nothing new
    } else {
      self->pump();
    }
    done(std::move(result));
  });
}

void Fetcher::State::finished(const std::string& host, CURL* easy) {
  running.erase(easy);
  if (auto it = per_host.find(host); it != per_host.end() && --it->second <= 0) {
    per_host.erase(it);
  }
}

void Fetcher::State::cancel_queued() {
  std::deque<Pending> cancelled;
  cancelled.swap(queue);
  for (auto& p : cancelled) {
    FetchResult r;
    r.status = FetchStatus::cancelled;
    r.error = "cancelled";
    r.final_url = p.request.url;
    complete_later(std::move(p.done), std::move(r));
  }
}

void Fetcher::State::complete_later(Done done, FetchResult result) {
  boost::asio::post(multi.get_executor(), [done = std::move(done), r = std::move(result)]() mutable {
    done(std::move(r));
  });
}

Fetcher::Fetcher(net::CurlMulti& multi, net::TransferLimits limits)
    : Fetcher(multi, FetcherOptions{limits}) {}

Fetcher::Fetcher(net::CurlMulti& multi, FetcherOptions options)
    : state_(std::make_shared<State>(multi, std::move(options))) {}

Fetcher::~Fetcher() { cancel_all(); }

void Fetcher::fetch(const FetchRequest& request, Done done) {
  state_->queue.push_back({request, std::move(done), fetch_detail::host_of(request.url)});
  state_->pump();
}

void Fetcher::cancel_all() {
  state_->cancel_queued();
  std::vector<CURL*> handles(state_->running.begin(), state_->running.end());
  for (CURL* easy : handles) state_->multi.cancel(easy);
}

std::size_t Fetcher::in_flight() const { return state_->running.size(); }
std::size_t Fetcher::queued() const { return state_->queue.size(); }

}  // namespace redline
