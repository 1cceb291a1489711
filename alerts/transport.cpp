#include "alerts/transport.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>

#include "alerts/email.h"
#include "alerts/text.h"
#include "net/safety.h"

namespace redline {

namespace {

// What a transfer's callbacks write to; owned by the completion handler until curl is done.
struct TransferState {
  std::string upload;       // request body or mail
  std::size_t uploaded = 0;
  std::string response;     // first bytes of the HTTP response body, for the error message
  std::size_t received = 0;
  std::size_t max_received = 0;
  net::Slist list;          // HTTP headers or mail recipients
  char error[CURL_ERROR_SIZE] = {};
};

constexpr std::size_t kResponseKept = 300;

size_t on_response(char* data, size_t size, size_t count, void* user) {
  auto* state = static_cast<TransferState*>(user);
  const size_t n = size * count;
  state->received += n;
  if (state->received > state->max_received) return 0;  // aborts: a sink has no business sending more
  const size_t keep = std::min(n, kResponseKept - std::min(kResponseKept, state->response.size()));
  state->response.append(data, keep);
  return n;
}

size_t on_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* state = static_cast<TransferState*>(user);
  const size_t n = std::min(size * count, state->upload.size() - state->uploaded);
  std::memcpy(buffer, state->upload.data() + state->uploaded, n);
  state->uploaded += n;
  return n;
}

std::string first_line(const std::string& text) {
  return truncate_utf8(clean_text(text.substr(0, text.find_first_of("\r\n"))), 120);
}

long response_code(CURL* easy) {
  long code = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
  return code;
}

std::string network_error(std::error_code ec, const TransferState& state) {
  const std::string detail = state.error[0] != '\0' ? std::string(state.error) : ec.message();
  return "network error: " + clean_text(detail);
}

SendOutcome webhook_outcome(std::error_code ec, CURL* easy, const TransferState& state) {
  const long code = response_code(easy);
  if (code == 0 || (ec && code >= 200 && code < 300)) {
    return SendOutcome{false, false, network_error(ec, state)};
  }
  return classify_http_status(code, first_line(state.response));
}

SendOutcome mail_outcome(std::error_code ec, CURL* easy, const TransferState& state) {
  const long code = response_code(easy);
  if (!ec) return classify_smtp_reply(code);
  if (code >= 400) return classify_smtp_reply(code, state.error[0] != '\0' ? clean_text(state.error) : "");
  return SendOutcome{false, false, network_error(ec, state)};
}

class CurlTransport : public Transport {
 public:
  CurlTransport(net::CurlMulti& multi, net::TransferLimits limits) : multi_(multi), limits_(limits) {}

  void post_webhook(const WebhookConfig& sink, WebhookRequest request, Done done) override {
    auto state = std::make_shared<TransferState>();
    state->upload = std::move(request.body);
    state->max_received = std::min<std::size_t>(limits_.max_body_bytes, 1024 * 1024);
    for (const auto& [name, value] : request.headers) {
      const std::string line = name + ": " + value;
      curl_slist* grown = curl_slist_append(state->list.get(), line.c_str());
      if (grown == nullptr) throw std::runtime_error("out of memory building webhook headers");
      (void)state->list.release();
      state->list.reset(grown);
    }
    net::EasyHandle easy = net::make_easy();
    CURL* h = easy.get();
    net::apply_safety(h, limits_, sink.allow_private, "http,https");
    curl_easy_setopt(h, CURLOPT_URL, sink.url.c_str());
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);  // a redirected POST turns into a GET
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, state->upload.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(state->upload.size()));
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, state->list.get());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_response);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, state.get());
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, state->error);
    multi_.add(std::move(easy), [state, done = std::move(done)](std::error_code ec, net::EasyHandle e) {
      done(webhook_outcome(ec, e.get(), *state));
    });
  }

  void send_mail(const EmailConfig& sink, std::string message, Done done) override {
    auto state = std::make_shared<TransferState>();
    state->upload = std::move(message);
    for (const auto& to : sink.to) {
      const std::string rcpt = "<" + to + ">";
      curl_slist* grown = curl_slist_append(state->list.get(), rcpt.c_str());
      if (grown == nullptr) throw std::runtime_error("out of memory building the recipient list");
      (void)state->list.release();
      state->list.reset(grown);
    }
    net::EasyHandle easy = net::make_easy();
    CURL* h = easy.get();
    net::apply_safety(h, limits_, sink.allow_private, "smtp,smtps");
    const std::string from = "<" + sink.from + ">";
    curl_easy_setopt(h, CURLOPT_URL, sink.smtp.c_str());
    curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());  // curl copies string options
    curl_easy_setopt(h, CURLOPT_MAIL_RCPT, state->list.get());
    curl_easy_setopt(h, CURLOPT_USE_SSL, smtp_use_ssl(sink));
    if (!sink.username.empty()) {
      curl_easy_setopt(h, CURLOPT_USERNAME, sink.username.c_str());
      curl_easy_setopt(h, CURLOPT_PASSWORD, sink.password.c_str());
    }
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, on_upload);
    curl_easy_setopt(h, CURLOPT_READDATA, state.get());
    curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(state->upload.size()));
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, state->error);
    multi_.add(std::move(easy), [state, done = std::move(done)](std::error_code ec, net::EasyHandle e) {
      done(mail_outcome(ec, e.get(), *state));
    });
  }

 private:
  net::CurlMulti& multi_;
  net::TransferLimits limits_;
};

}  // namespace

std::unique_ptr<Transport> make_curl_transport(net::CurlMulti& multi, net::TransferLimits limits) {
  return std::make_unique<CurlTransport>(multi, limits);
}

// Here rather than in sender.cpp so that a program using another Transport does not link curl.
Sender::Sender(net::CurlMulti& multi, Store& store, const AlertsConfig& config,
               net::TransferLimits limits)
    : Sender(make_curl_transport(multi, limits), store, config) {}

}  // namespace redline
