// A MIME mail built by hand, byte for byte: CRLF line ends, no line over 998 octets, headers that
// feed text can never break out of (control characters become spaces before anything is
// written), RFC 2047 encoded words for non-ASCII header text, and a multipart/alternative body
// with quoted-printable text/plain and text/html parts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace redline {

struct MailMessage {
  std::string from;             // bare address
  std::vector<std::string> to;  // bare addresses
  std::string subject;          // UTF-8 text, sanitized and encoded when written
  Timestamp date;
  std::string message_id;       // "<...@...>"
  std::string in_reply_to;      // "" or "<...@...>"; also written as References
  std::string text;             // text/plain body, UTF-8
  std::string html;             // text/html body, UTF-8, already escaped
};

// CR, LF, NUL, every other control character and Unicode line separators become one space;
// runs of whitespace collapse; the result is trimmed.
std::string sanitize_header_value(std::string_view value);

// A header's unstructured text (Subject): plain when printable ASCII and short, else RFC 2047
// "=?UTF-8?B?...?=" words of at most 75 characters folded onto continuation lines.
// `name_length` is the length of "Subject: " so the first line stays short.
std::string encode_header_text(std::string_view text, std::size_t name_length);

// Quoted-printable (RFC 2045) with CRLF line ends and soft breaks at 76 characters; a leading
// "." or "From " is encoded too, so no transport can mangle or mistake it.
std::string quoted_printable(std::string_view text);

// "Wed, 25 Nov 2026 19:25:12 +0000" (RFC 5322 date-time, UTC).
std::string rfc5322_date(Timestamp t);

// The whole message: headers (From, To, Subject, Date, Message-ID, In-Reply-To, References,
// Auto-Submitted, MIME-Version, Content-Type) then the two parts, split by `boundary`.
std::string build_mime(const MailMessage& message, const std::string& boundary);

}  // namespace redline
