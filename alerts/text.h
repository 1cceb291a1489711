// Text that goes from an alert payload (built from hostile feed content) into a message a person
// reads: only http/https links survive, control characters never reach a chat or a mail, long
// text is cut on a UTF-8 boundary, and every sink renders the same one-paragraph summary.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace redline {

// The link itself when it is an absolute http:// or https:// URL without spaces or control
// characters, else "" (javascript:, data:, relative or mangled links never reach a message).
std::string safe_link(std::string_view link);

// Replaces control characters (C0, DEL, and CR/LF) by spaces, collapses runs of whitespace and
// trims; invalid UTF-8 bytes become U+FFFD.
std::string clean_text(std::string_view text);

// At most max_bytes of text, cut on a UTF-8 character boundary, "…" appended when cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

// &, <, >, " and ' as HTML entities.
std::string html_escape(std::string_view text);

// A string field of the payload ("" when absent or not a string).
std::string payload_string(const nlohmann::json& payload, const char* key);

// Severity in capitals ("CRITICAL"); "ALERT" when the payload has none.
std::string severity_label(const nlohmann::json& payload);

// What the alert is, in one line: "CRITICAL strikes: <title>", with "(update, 3 sources)" or
// "(fact change)" or "TEST" for the other kinds. Clean text, no links.
std::string alert_headline(const nlohmann::json& payload);

// The readable one-paragraph message (headline, stance, feed, link, sources, evidence) used by
// the chat formats and the plain-text mail. Links are only http/https.
std::string alert_paragraph(const nlohmann::json& payload);

}  // namespace redline
