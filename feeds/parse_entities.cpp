// Character references: lookup in the generated table and the HTML rules for numeric ones.
#include "feeds/parse_entities.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace redline {

namespace {

// windows-1252's meaning of 0x80-0x9F (0 where the code page leaves the byte undefined).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

std::size_t decode_numeric(std::string_view text, std::size_t amp, std::string& decoded) {
  std::size_t p = amp + 2;
  const bool hex = p < text.size() && (text[p] == 'x' || text[p] == 'X');
  if (hex) ++p;
  const std::size_t digits_start = p;
  std::uint32_t value = 0;
  while (p < text.size() && (hex ? is_hex(text[p]) : (text[p] >= '0' && text[p] <= '9'))) {
    if (value < 0x110000) value = value * (hex ? 16 : 10) + std::uint32_t(hex_value(text[p]));
    ++p;
  }
  if (p == digits_start) return 0;
  if (p < text.size() && text[p] == ';') ++p;
  append_utf8(decoded, html_numeric_codepoint(value));
  return p - amp;
}

}  // namespace

char32_t windows_1252_codepoint(unsigned char byte) {
  if (byte >= 0x80 && byte < 0xA0 && kCp1252High[byte - 0x80] != 0) return kCp1252High[byte - 0x80];
  return byte;
}

namespace {

// The table by name, built once on first use: references are looked up for every '&' in every
// text field, and a hash lookup is several times cheaper than a binary search over 2,000 names.
const std::unordered_map<std::string_view, const NamedEntity*>& entity_index() {
  static const auto* index = [] {
    auto* map = new std::unordered_map<std::string_view, const NamedEntity*>;
    map->reserve(kNamedEntityCount);
    for (std::size_t k = 0; k < kNamedEntityCount; ++k) map->emplace(kNamedEntities[k].name, &kNamedEntities[k]);
    return map;
  }();
  return *index;
}

}  // namespace

const NamedEntity* find_named_entity(std::string_view name) {
  const auto& index = entity_index();
  const auto it = index.find(name);
  return it == index.end() ? nullptr : it->second;
}

char32_t html_numeric_codepoint(std::uint32_t value) {
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0xFFFD;
  if (value >= 0x80 && value < 0xA0) return windows_1252_codepoint(static_cast<unsigned char>(value));
  return value;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t decode_char_ref(std::string_view text, std::size_t amp, bool in_attribute,
                            std::string& decoded) {
  if (amp + 1 >= text.size()) return 0;
  if (text[amp + 1] == '#') return decode_numeric(text, amp, decoded);
  std::size_t p = amp + 1;
  while (p < text.size() && p - amp <= 40 && is_alnum(text[p])) ++p;
  if (p == amp + 1 || p - amp > 40) return 0;
  const std::string_view name = text.substr(amp + 1, p - amp - 1);
  const bool semicolon = p < text.size() && text[p] == ';';
  const NamedEntity* e = find_named_entity(name);
  if (e && semicolon) {
    decoded += e->utf8;
    return p + 1 - amp;
  }
  if (e && e->legacy) {
    if (in_attribute && p < text.size() && (is_alnum(text[p]) || text[p] == '=')) return 0;
    decoded += e->utf8;
    return p - amp;
  }
  // HTML also reads the longest legacy prefix ("&copy2004" is "(c)2004") outside attributes.
  if (in_attribute) return 0;
  for (std::size_t len = std::min<std::size_t>(name.size() - 1, 6); len >= 2; --len) {
    const NamedEntity* prefix = find_named_entity(name.substr(0, len));
    if (prefix && prefix->legacy) {
      decoded += prefix->utf8;
      return len + 1;
    }
  }
  return 0;
}

}  // namespace redline
