// HTML character references (named and numeric) as browsers read them, shared by the XML
// pre-pass (which must turn `&nbsp;` into something pugixml accepts) and the HTML-to-text
// reader. The named table is generated (scripts/gen_entities.py) from the WHATWG list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace redline {

struct NamedEntity {
  const char* name;   // without '&' and ';'
  const char* utf8;   // the characters it stands for
  bool legacy;        // also recognised without the trailing ';' (e.g. "&copy")
};

extern const NamedEntity kNamedEntities[];
extern const std::size_t kNamedEntityCount;

// The entity called `name` (no '&', no ';'), or nullptr.
const NamedEntity* find_named_entity(std::string_view name);

// What a numeric reference means in HTML: 0, surrogates and values past U+10FFFF become
// U+FFFD; 0x80-0x9F are read as windows-1252 (what the feed's author meant).
char32_t html_numeric_codepoint(std::uint32_t value);

// What windows-1252 means by `byte` (its own byte value where the code page leaves a gap).
char32_t windows_1252_codepoint(unsigned char byte);

// Appends `cp` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// A character reference starting at text[amp] (which is '&'), decoded into `decoded`.
// Returns how many bytes it spans, or 0 when it is no reference (a stray '&').
// `in_attribute` applies HTML's rule that a legacy name without ';' followed by an
// alphanumeric or '=' is left alone (query strings such as "?a=1&copy=2").
std::size_t decode_char_ref(std::string_view text, std::size_t amp, bool in_attribute,
                            std::string& decoded);

}  // namespace redline
