#include "alerts/mime.h"

#include <array>
#include <chrono>
#include <cstdio>

#include "alerts/signature.h"
#include "alerts/text.h"

namespace redline {

std::string sanitize_header_value(std::string_view value) {
  // clean_text already maps every C0 control (CR, LF, NUL, TAB ...), DEL, C1 and U+2028/9 to
  // spaces and collapses them; an invalid byte becomes U+FFFD, which is encoded, never raw.
  return clean_text(value);
}

namespace {

bool plain_header_ok(std::string_view text, std::size_t name_length) {
  if (name_length + text.size() > 900) return false;
  // "=?" could be read as the start of an encoded word by a mail reader: encode it instead.
  if (text.find("=?") != std::string_view::npos) return false;
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

std::string encode_header_text(std::string_view text, std::size_t name_length) {
  if (plain_header_ok(text, name_length)) return std::string(text);
  // Each encoded word: "=?UTF-8?B?" + base64 + "?=" <= 75, so at most 45 input bytes (60 base64).
  constexpr std::size_t kChunk = 45;
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = std::min(text.size(), i + kChunk);
    // Never split a UTF-8 sequence across two words.
    while (end < text.size() && end > i && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) --end;
    if (end == i) end = std::min(text.size(), i + kChunk);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64_encode(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string quoted_printable(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t line = 0;  // characters on the current output line
  const auto emit = [&](std::string_view piece) {
    if (line + piece.size() > 75) {
      out += "=\r\n";
      line = 0;
    }
    out += piece;
    line += piece.size();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      if (c == '\r') ++i;
      out += "\r\n";
      line = 0;
      continue;
    }
    const bool at_line_start = line == 0;
    const bool before_break = i + 1 == text.size() || text[i + 1] == '\n' || text[i + 1] == '\r';
    const bool risky_start = at_line_start && (c == '.' || (c == 'F' && text.substr(i, 5) == "From "));
    const bool trailing_space = (c == ' ' || c == '\t') && before_break;
    if (c == '=' || c < 0x20 || c > 0x7e || risky_start || trailing_space) {
      const char enc[3] = {'=', kHex[c >> 4], kHex[c & 0x0f]};
      emit(std::string_view(enc, 3));
    } else {
      const char ch = static_cast<char>(c);
      emit(std::string_view(&ch, 1));
    }
  }
  return out;
}

std::string rfc5322_date(Timestamp t) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::weekday wd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02u %s %04d %02ld:%02ld:%02ld +0000", kDays[wd.c_encoding()],
                static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<int>(ymd.year()), static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()), static_cast<long>(hms.seconds().count()));
  return buf;
}

namespace {

void add_header(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(value).append("\r\n");
}

std::string address_list(const std::vector<std::string>& addresses) {
  std::string list;
  for (const auto& a : addresses) {
    if (!list.empty()) list += ",\r\n ";
    list += sanitize_header_value(a);
  }
  return list;
}

void add_part(std::string& out, const std::string& boundary, const char* type, std::string_view body) {
  out += "--" + boundary + "\r\n";
  out += std::string("Content-Type: ") + type + "; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable(body);
  out += "\r\n";
}

}  // namespace

std::string build_mime(const MailMessage& m, const std::string& boundary) {
  std::string out;
  add_header(out, "From", sanitize_header_value(m.from));
  add_header(out, "To", address_list(m.to));
  add_header(out, "Subject", encode_header_text(sanitize_header_value(m.subject), 9));
  add_header(out, "Date", rfc5322_date(m.date));
  add_header(out, "Message-ID", sanitize_header_value(m.message_id));
  if (!m.in_reply_to.empty()) {
    add_header(out, "In-Reply-To", sanitize_header_value(m.in_reply_to));
    add_header(out, "References", sanitize_header_value(m.in_reply_to));
  }
  add_header(out, "Auto-Submitted", "auto-generated");
  add_header(out, "X-Auto-Response-Suppress", "All");
  add_header(out, "MIME-Version", "1.0");
  add_header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
  out += "\r\n";
  add_part(out, boundary, "text/plain", m.text);
  add_part(out, boundary, "text/html", m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace redline
