// Small text clean-ups shared by the readers: whitespace, double-encoded UTF-8, base64.
#include <cstdint>
#include <cstring>
#include <string>

#include "feeds/parse_entities.h"
#include "feeds/parse_internal.h"

namespace redline {

namespace {

bool is_collapsible(unsigned char c) { return c <= ' ' || c == 0x7F; }

// The byte windows-1252 (or latin-1) would have used for `cp`; -1 when there is none.
int cp1252_byte(char32_t cp) {
  if (cp < 0x100) return int(cp);
  for (int b = 0x80; b < 0xA0; ++b) {
    if (windows_1252_codepoint(static_cast<unsigned char>(b)) == cp) return b;
  }
  return -1;
}

// Reads one UTF-8 character (input already valid) and advances i.
char32_t next_codepoint(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
  i += n;
  return cp;
}

bool valid_multibyte_utf8(std::string_view s) {
  bool multibyte = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    int n = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (int k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    multibyte = true;
    i += n;
  }
  return multibyte;
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (char ch : text) {
    if (is_collapsible(static_cast<unsigned char>(ch))) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out += ' ';
    pending = false;
    out += ch;
  }
  return out;
}

void repair_double_encoding(std::string& text) {
  // Cheap test first: a UTF-8 lead byte read as latin-1 shows up as U+00C2..U+00F4.
  const char* p = static_cast<const char*>(std::memchr(text.data(), 0xC3, text.size()));
  while (p && !(p + 1 < text.data() + text.size() && static_cast<unsigned char>(p[1]) >= 0x82 &&
                static_cast<unsigned char>(p[1]) <= 0xB4)) {
    p = static_cast<const char*>(std::memchr(p + 1, 0xC3, text.data() + text.size() - p - 1));
  }
  if (!p) return;
  // Every such character must be followed by one that windows-1252 reads as a continuation
  // byte (U+0080-U+00BF, written C2 xx, or one of its punctuation marks, written C5/C6/CB/E2
  // ...); a single one that is not means the text cannot be double-encoded UTF-8.
  for (const char* q = p; q; q = static_cast<const char*>(std::memchr(q + 1, 0xC3, text.data() + text.size() - q - 1))) {
    const char* const end = text.data() + text.size();
    if (q + 1 >= end || static_cast<unsigned char>(q[1]) < 0x82 || static_cast<unsigned char>(q[1]) > 0xB4) continue;
    const auto next = q + 2 < end ? static_cast<unsigned char>(q[2]) : 0;
    if (next != 0xC2 && next != 0xC5 && next != 0xC6 && next != 0xCB && next != 0xE2) return;
  }
  std::string bytes;
  bytes.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const int b = cp1252_byte(next_codepoint(text, i));
    if (b < 0) return;
    bytes += static_cast<char>(b);
  }
  if (valid_multibyte_utf8(bytes)) text = std::move(bytes);
}

std::string decode_base64(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '+' || c == '-') v = 62;
    else if (c == '/' || c == '_') v = 63;
    else if (c == '=') break;
    else continue;
    acc = (acc << 6) | std::uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace redline
