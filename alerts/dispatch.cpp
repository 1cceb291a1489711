#include "alerts/dispatch.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <utility>

#include "alerts/email.h"
#include "alerts/mime.h"
#include "alerts/signature.h"

namespace redline {

namespace {

// A MIME boundary that cannot occur in quoted-printable text (which never contains "=_").
std::string mime_boundary(const std::string& delivery_id) {
  return "=_rl_" + to_hex(hmac_sha256("redline-boundary", delivery_id)).substr(0, 24);
}

void send_mail(Transport& transport, const EmailConfig& sink, const DeliveryRequest& request,
               Timestamp now, Transport::Done done) {
  auto payload = nlohmann::json::parse(request.payload, nullptr, /*allow_exceptions=*/false);
  if (!payload.is_object()) {
    done(SendOutcome{false, true, "alert payload is not a JSON object"});
    return;
  }
  const MailIds ids{request.delivery_id, request.event_id, request.kind, sink.name};
  const MailMessage mail = alert_mail(sink, payload, ids, now);
  transport.send_mail(sink, build_mime(mail, mime_boundary(request.delivery_id)), std::move(done));
}

void send_webhook(Transport& transport, const WebhookConfig& sink, const DeliveryRequest& request,
                  Timestamp now, Transport::Done done) {
  const auto unix_time = static_cast<std::int64_t>(now.time_since_epoch().count());
  auto webhook = build_webhook_request(sink, request.payload, request.delivery_id, unix_time);
  if (!webhook) {
    done(SendOutcome{false, true, webhook.error().message});
    return;
  }
  transport.post_webhook(sink, std::move(*webhook), std::move(done));
}

}  // namespace

void dispatch(Transport& transport, const AlertsConfig& config, const DeliveryRequest& request,
              Timestamp now, Transport::Done done) {
  const auto& hooks = config.webhooks;
  const auto& mails = config.emails;
  const auto hook = std::find_if(hooks.begin(), hooks.end(),
                                 [&](const WebhookConfig& w) { return w.name == request.sink; });
  const auto mail = std::find_if(mails.begin(), mails.end(),
                                 [&](const EmailConfig& e) { return e.name == request.sink; });
  // The transport may fail to start a transfer (no memory for a handle): that is worth a retry.
  // done is moved into the send only on success paths, so it is still callable here.
  auto shared_done = std::make_shared<Transport::Done>(std::move(done));
  const auto once = [shared_done](SendOutcome outcome) {
    if (*shared_done) std::exchange(*shared_done, nullptr)(std::move(outcome));
  };
  try {
    if (hook != hooks.end()) {
      send_webhook(transport, *hook, request, now, once);
    } else if (mail != mails.end()) {
      send_mail(transport, *mail, request, now, once);
    } else {
      once(SendOutcome{false, true, "sink " + request.sink + " no longer configured"});
    }
  } catch (const std::exception& e) {
    spdlog::error("alerts: cannot start delivery {} to {}: {}", request.delivery_id, request.sink,
                  e.what());
    once(SendOutcome{false, false, std::string("cannot start transfer: ") + e.what()});
  }
}

}  // namespace redline
