#include "util/utf8.h"

namespace redline {

std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t* cp) {
  char32_t scratch = 0;
  char32_t& out = cp ? *cp : scratch;
  const auto c = static_cast<unsigned char>(s[i]);
  out = c;
  if (c < 0x80) return 1;
  std::size_t len = 0;
  char32_t min = 0;  // the smallest code point of this length: anything less is overlong
  if ((c & 0xe0) == 0xc0) {
    len = 2, out = c & 0x1f, min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    len = 3, out = c & 0x0f, min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    len = 4, out = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xc0) != 0x80) return 0;
    out = (out << 6) | (d & 0x3f);
  }
  if (out < min || out > 0x10ffff || (out >= 0xd800 && out <= 0xdfff)) return 0;
  return len;
}

std::size_t utf8_start_before(std::string_view s, std::size_t at) {
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xc0) == 0x80) --b;
  return b;
}

}  // namespace redline
