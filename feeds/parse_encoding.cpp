// Charset detection and transcoding to UTF-8. Hand-written for the charsets feeds use (UTF-8,
// UTF-16, UTF-32, windows-1252 and its ISO-8859-1/US-ASCII aliases); glibc's iconv for the rest.
#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include "feeds/parse_entities.h"
#include "feeds/parse_internal.h"
#include "util/utf8.h"

namespace redline {

namespace {

std::string lower_label(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\'' || c == ' ' || c == '\t') continue;
    out += (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
  }
  return out;
}

// The WHATWG rule: these labels all mean windows-1252.
bool is_cp1252_label(const std::string& l) {
  return l == "windows-1252" || l == "cp1252" || l == "x-cp1252" || l == "iso-8859-1" ||
         l == "iso8859-1" || l == "iso_8859-1" || l == "latin1" || l == "latin-1" ||
         l == "l1" || l == "us-ascii" || l == "ascii" || l == "cp819" || l == "ibm819" ||
         l == "iso-ir-100" || l == "iso_8859-1:1987" || l == "csisolatin1" || l == "ansi_x3.4-1968";
}

std::string canonical(std::string_view label) {
  std::string l = lower_label(label);
  if (l == "utf8" || l == "utf-8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (l == "utf-16" || l == "utf16" || l == "ucs-2" || l == "unicode") return "utf-16";
  if (l == "utf-16le" || l == "utf-16be" || l == "utf-32le" || l == "utf-32be" || l == "utf-32") return l;
  if (is_cp1252_label(l)) return "windows-1252";
  return l;
}

std::string_view declared_encoding(std::string_view b) {
  if (b.substr(0, 5) != "<?xml") return {};
  const std::size_t end = b.find("?>");
  const std::string_view decl = b.substr(0, end == std::string_view::npos ? 200 : end);
  std::size_t p = decl.find("encoding");
  if (p == std::string_view::npos) return {};
  p = decl.find_first_of("\"'", p);
  if (p == std::string_view::npos) return {};
  const std::size_t q = decl.find(decl[p], p + 1);
  if (q == std::string_view::npos) return {};
  return decl.substr(p + 1, q - p - 1);
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// How many bytes from p on are printable ASCII, counted 8 at a time (a multiple of 8; the
// caller finishes byte by byte). The bit trick flags any byte >= 0x80 or < 0x20.
std::size_t plain_ascii_words(const char* p, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull, kLow = 0x2020202020202020ull;
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + k, 8);
    if (((w | (w - kLow)) & kHigh) != 0) break;
  }
  return k;
}

// UTF-8 with invalid sequences replaced and NUL / C0 controls (not tab, CR, LF) dropped.
std::string clean_utf8(std::string_view s, std::vector<std::string>& warnings) {
  std::string out;
  out.reserve(s.size());
  std::size_t invalid = 0, controls = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x80) {
      std::size_t j = i + 1;
      j += plain_ascii_words(s.data() + j, s.size() - j);
      while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x20 && static_cast<unsigned char>(s[j]) < 0x80) ++j;
      out.append(s.data() + i, j - i);
      i = j;
    } else if (c < 0x20) {
      if (c == '\t' || c == '\n' || c == '\r') out += char(c); else ++controls;
      ++i;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0 &&
               static_cast<unsigned char>(s[i + 1]) >= 0x80) {
      // A C1 control is a windows-1252 character written by a confused encoder.
      append_utf8(out, windows_1252_codepoint(static_cast<unsigned char>(s[i + 1])));
      i += 2;
    } else if (const std::size_t n = utf8_sequence(s, i)) {
      out.append(s.data() + i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++invalid;
      ++i;
    }
  }
  if (invalid) warnings.push_back(std::to_string(invalid) + " invalid UTF-8 bytes replaced by U+FFFD");
  if (controls) warnings.push_back(std::to_string(controls) + " NUL or control characters removed");
  return out;
}

std::string from_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) out += ch; else append_utf8(out, windows_1252_codepoint(c));
  }
  return out;
}

std::string from_utf16(std::string_view s, bool big_endian) {
  std::string out;
  out.reserve(s.size());
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    std::uint32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
      const std::uint32_t v = unit(i + 2);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        i += 2;
        continue;
      }
    }
    append_utf8(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
  }
  return out;
}

std::string from_utf32(std::string_view s, bool big_endian) {
  std::string out;
  out.reserve(s.size() / 2);
  for (std::size_t i = 0; i + 3 < s.size(); i += 4) {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data() + i);
    const std::uint32_t u = big_endian ? (std::uint32_t(b[0]) << 24 | b[1] << 16 | b[2] << 8 | b[3])
                                       : (std::uint32_t(b[3]) << 24 | b[2] << 16 | b[1] << 8 | b[0]);
    append_utf8(out, (u == 0 || u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF)) ? 0xFFFD : u);
  }
  return out;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};
using IconvHandle = std::unique_ptr<void, IconvCloser>;

// Any other charset glibc knows; false when it does not know it.
bool from_iconv(std::string_view s, const std::string& charset, std::string& out) {
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return false;
  IconvHandle cd(raw);
  out.resize(s.size() * 4 + 16);
  char* in = const_cast<char*>(s.data());
  std::size_t in_left = s.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(raw, &in, &in_left, &o, &out_left) != std::size_t(-1)) break;
    if (errno == E2BIG) break;
    if (out_left < 3) break;
    std::memcpy(o, "\xEF\xBF\xBD", 3);  // an unconvertible byte: mark it and go on
    o += 3; out_left -= 3; ++in; --in_left;
  }
  out.resize(o - out.data());
  return true;
}

}  // namespace

std::string sniff_charset(std::string_view b, std::string_view http_charset) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (b.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return "utf-32le";
  if (b.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return "utf-32be";
  if (b.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (b.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  if (b.substr(0, 4) == std::string_view("<\0\0\0", 4)) return "utf-32le";
  if (b.substr(0, 4) == std::string_view("\0\0\0<", 4)) return "utf-32be";
  if (b.substr(0, 4) == std::string_view("<\0?\0", 4)) return "utf-16le";
  if (b.substr(0, 4) == std::string_view("\0<\0?", 4)) return "utf-16be";
  // From here on the bytes are ASCII-compatible, so a label claiming UTF-16/32 is a mistake.
  auto usable = [](const std::string& label) { return label.rfind("utf-16", 0) != 0 && label.rfind("utf-32", 0) != 0; };
  if (!http_charset.empty()) {
    if (std::string label = canonical(http_charset); usable(label)) return label;
  }
  const std::string_view declared = declared_encoding(b);
  if (!declared.empty()) {
    if (std::string label = canonical(declared); usable(label)) return label;
  }
  return is_valid_utf8(b) ? "utf-8" : "windows-1252";
}

std::string decode_to_utf8(std::string_view bytes, std::string_view http_charset,
                           std::vector<std::string>& warnings) {
  std::string charset = sniff_charset(bytes, http_charset);
  std::string_view b = bytes;
  if (b.substr(0, 3) == "\xEF\xBB\xBF") b.remove_prefix(3);
  if (charset == "utf-16") {
    charset = (b.size() > 1 && b[0] == 0 && b[1] != 0) ? "utf-16be" : "utf-16le";
  }
  if (charset == "utf-32") charset = (b.size() > 1 && b[0] == 0) ? "utf-32be" : "utf-32le";
  if (charset == "utf-16le" || charset == "utf-16be") {
    if (b.substr(0, 2) == "\xFF\xFE" || b.substr(0, 2) == "\xFE\xFF") b.remove_prefix(2);
    return clean_utf8(from_utf16(b, charset == "utf-16be"), warnings);
  }
  if (charset == "utf-32le" || charset == "utf-32be") {
    if (b.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) || b.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4))
      b.remove_prefix(4);
    return clean_utf8(from_utf32(b, charset == "utf-32be"), warnings);
  }
  if (charset == "windows-1252") {
    if (http_charset.empty() && declared_encoding(b).empty())
      warnings.push_back("no charset declared and not valid UTF-8: read as windows-1252");
    return clean_utf8(from_cp1252(b), warnings);
  }
  if (charset != "utf-8") {
    std::string out;
    if (from_iconv(b, charset, out)) return clean_utf8(out, warnings);
    const bool utf8 = is_valid_utf8(b);
    warnings.push_back("unknown charset \"" + charset + "\", read as " + (utf8 ? "UTF-8" : "windows-1252"));
    return clean_utf8(utf8 ? std::string(b) : from_cp1252(b), warnings);
  }
  return clean_utf8(b, warnings);
}

}  // namespace redline
