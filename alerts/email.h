// Alert mails as data: the message for one delivery to one email sink, its threading, and what an
// SMTP reply means for the outbox. The transfer itself lives in transport.cpp.
//
// Threading: the mail of an event's "new" alert has Message-ID <rl-event-EVENTID-SINK@redline>;
// every later mail of that event ("update", "fact") has its own Message-ID
// <DELIVERY-ID@redline> (delivery ids are "rl-ALERTID-SINK") and In-Reply-To / References pointing
// at the event's first mail, so a mail reader shows one thread per event. The sink name is part
// of both ids because two sinks send two different messages (different recipients), and a
// Message-ID must name one message. Both ids are stable across retries, so a resent mail is
// recognisably the same message.
#pragma once

#include <curl/curl.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "alerts/alerts.h"
#include "alerts/mime.h"

namespace redline {

// What identifies one mail: the outbox row's ids and kind.
struct MailIds {
  std::string delivery_id;  // "rl-ALERTID-SINK"
  std::int64_t event_id = 0;
  std::string kind;  // "new", "update", "fact", "test"
  std::string sink;
};

// "<rl-event-EVENTID-SINK@redline>" for a new alert of an event, else "<DELIVERY-ID@redline>";
// characters outside [A-Za-z0-9._-] become '-'.
std::string mail_message_id(const MailIds& ids);

// "" for a "new" or "test" mail or one without event, else the event's first mail's Message-ID.
std::string mail_in_reply_to(const MailIds& ids);

// The whole alert mail: Subject "[redline] <alert_headline>", plain text and HTML parts
// (everything escaped; only http/https links), addresses from the sink's configuration.
MailMessage alert_mail(const EmailConfig& sink, const nlohmann::json& payload, const MailIds& ids,
                       Timestamp now);

// SMTP reply code to outcome: 2xx delivered, 4xx retry, 5xx permanent. A transfer that failed
// before any reply (code 0: connection refused, timeout, TLS failure) retries.
SendOutcome classify_smtp_reply(long code, const std::string& detail = "");

// True for localhost, 127.0.0.0/8 and ::1 (in the host spelling of an smtp:// URL).
bool is_loopback_host(std::string_view host);

// CURLUSESSL_ALL when TLS is required and the server is not on loopback, else CURLUSESSL_TRY.
long smtp_use_ssl(const EmailConfig& sink);

}  // namespace redline
