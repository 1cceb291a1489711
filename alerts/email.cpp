#include "alerts/email.h"

#include <arpa/inet.h>

#include <memory>

#include "alerts/text.h"

namespace redline {

namespace {

std::string id_safe(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out.push_back(ok ? c : '-');
  }
  return truncate_utf8(out, 200);
}

std::string event_message_id(const MailIds& ids) {
  return "<rl-event-" + std::to_string(ids.event_id) + "-" + id_safe(ids.sink) + "@redline>";
}

std::string text_body(const nlohmann::json& payload) {
  std::string text = alert_paragraph(payload) + "\n";
  const auto sources = payload.find("sources");
  if (sources != payload.end() && sources->is_object() && sources->contains("list") &&
      (*sources)["list"].is_array() && !(*sources)["list"].empty()) {
    text += "\nSources:\n";
    for (const auto& s : (*sources)["list"]) {
      if (!s.is_object()) continue;
      text += "- " + truncate_utf8(clean_text(payload_string(s, "feed")), 80) + ": " +
              truncate_utf8(clean_text(payload_string(s, "title")), 300);
      const std::string link = safe_link(payload_string(s, "link"));
      if (!link.empty()) text += "\n  " + link;
      text += "\n";
    }
  }
  text += "\n-- \nSent by redline (automatic alert; do not reply).\n";
  return text;
}

std::string html_link(const std::string& href, const std::string& label) {
  return "<a href=\"" + html_escape(href) + "\">" + html_escape(label) + "</a>";
}

std::string html_sources(const nlohmann::json& payload) {
  const auto sources = payload.find("sources");
  if (sources == payload.end() || !sources->is_object() || !sources->contains("list") ||
      !(*sources)["list"].is_array() || (*sources)["list"].empty()) {
    return "";
  }
  std::string html = "<h3>Sources</h3>\n<ul>\n";
  for (const auto& s : (*sources)["list"]) {
    if (!s.is_object()) continue;
    const std::string title = truncate_utf8(clean_text(payload_string(s, "title")), 300);
    const std::string link = safe_link(payload_string(s, "link"));
    html += "<li>" + html_escape(truncate_utf8(clean_text(payload_string(s, "feed")), 80)) + ": " +
            (link.empty() ? html_escape(title) : html_link(link, title)) + "</li>\n";
  }
  return html + "</ul>\n";
}

std::string html_body(const nlohmann::json& payload) {
  const std::string headline = alert_headline(payload);
  const std::string link = safe_link(payload_string(payload, "link"));
  std::string html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                     html_escape(headline) + "</title></head>\n<body>\n<h2>" +
                     html_escape(headline) + "</h2>\n<p>";
  const auto field = [&](const char* label, const char* key, std::size_t max) {
    const std::string value = truncate_utf8(clean_text(payload_string(payload, key)), max);
    if (!value.empty()) html += "<b>" + std::string(label) + ":</b> " + html_escape(value) + "<br>\n";
  };
  field("Stance", "stance", 30);
  field("Feed", "feed", 80);
  field("Published", "published", 40);
  field("First seen", "first_seen", 40);
  if (!link.empty()) html += "<b>Link:</b> " + html_link(link, link) + "<br>\n";
  html += "</p>\n";
  const std::string evidence = truncate_utf8(clean_text(payload_string(payload, "evidence")), 400);
  if (!evidence.empty()) html += "<blockquote>" + html_escape(evidence) + "</blockquote>\n";
  html += html_sources(payload);
  return html + "<p><small>Sent by redline (automatic alert).</small></p>\n</body></html>\n";
}

}  // namespace

std::string mail_message_id(const MailIds& ids) {
  if (ids.kind == "new" && ids.event_id > 0) return event_message_id(ids);
  return "<" + id_safe(ids.delivery_id) + "@redline>";
}

std::string mail_in_reply_to(const MailIds& ids) {
  if (ids.kind == "new" || ids.kind == "test" || ids.event_id <= 0) return "";
  return event_message_id(ids);
}

MailMessage alert_mail(const EmailConfig& sink, const nlohmann::json& payload, const MailIds& ids,
                       Timestamp now) {
  MailMessage m;
  m.from = sink.from;
  m.to = sink.to;
  m.subject = "[redline] " + alert_headline(payload);
  m.date = now;
  m.message_id = mail_message_id(ids);
  m.in_reply_to = mail_in_reply_to(ids);
  m.text = text_body(payload);
  m.html = html_body(payload);
  return m;
}

SendOutcome classify_smtp_reply(long code, const std::string& detail) {
  SendOutcome outcome;
  outcome.reply = code > 0 ? "SMTP " + std::to_string(code) : std::string("SMTP no reply");
  if (!detail.empty()) outcome.reply += " " + detail;
  outcome.ok = code >= 200 && code < 300;
  outcome.permanent = code >= 500 && code < 600;
  return outcome;
}

bool is_loopback_host(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host == "localhost" || host == "localhost.") return true;
  const std::string h(host);
  in_addr v4{};
  if (inet_pton(AF_INET, h.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, h.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6);
  return false;
}

namespace {
struct UrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlStringDeleter {
  void operator()(char* p) const { curl_free(p); }
};
}  // namespace

long smtp_use_ssl(const EmailConfig& sink) {
  if (!sink.require_tls) return CURLUSESSL_TRY;
  std::unique_ptr<CURLU, UrlDeleter> url(curl_url());
  char* raw_host = nullptr;
  if (!url || curl_url_set(url.get(), CURLUPART_URL, sink.smtp.c_str(), 0) != CURLUE_OK ||
      curl_url_get(url.get(), CURLUPART_HOST, &raw_host, 0) != CURLUE_OK) {
    return CURLUSESSL_ALL;  // unreadable URL: never relax TLS for it
  }
  const std::unique_ptr<char, CurlStringDeleter> host(raw_host);
  return is_loopback_host(host.get()) ? CURLUSESSL_TRY : CURLUSESSL_ALL;
}

}  // namespace redline
