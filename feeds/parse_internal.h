// The parser's internal steps, shared by the per-format readers and tested on their own:
// bytes to clean UTF-8, UTF-8 to something pugixml will accept, URL resolution, text clean-up.
// Nothing here does I/O; every function is a value-to-value transformation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed.h"

namespace pugi {
class xml_node;
}

namespace redline {

// Bytes in whatever charset to valid UTF-8 without BOM or NUL bytes. Order of evidence: BOM,
// then `http_charset`, then the XML declaration, then UTF-8 if the bytes are valid UTF-8,
// else windows-1252. Anything doubtful (invalid sequences replaced by U+FFFD, NULs dropped,
// an unknown charset) adds one line to `warnings`.
std::string decode_to_utf8(std::string_view bytes, std::string_view http_charset,
                           std::vector<std::string>& warnings);

// The charset the bytes declare or show (lower-case label, e.g. "utf-16le", "windows-1252").
std::string sniff_charset(std::string_view bytes, std::string_view http_charset);

// UTF-8 text to XML that pugixml can read: DOCTYPE removed (internal entities with literal
// values kept, expanded once, never from outside), HTML named entities replaced by their
// characters, stray '&' and '<' escaped, broken numeric references repaired.
std::string prepare_xml(std::string_view utf8, std::vector<std::string>& warnings);

// The same pre-pass without copying a document that needs nothing: false when `utf8` is
// acceptable to pugixml as it is (`repaired` untouched, warnings as above), true with the
// repaired text in `repaired` otherwise.
bool prepare_xml(std::string_view utf8, std::string& repaired, std::vector<std::string>& warnings);

// RFC 3986 reference resolution. Returns `ref` unchanged when `base` is not absolute.
std::string resolve_url(std::string_view base, std::string_view ref);

// True for an absolute http: or https: URL.
bool is_http_url(std::string_view url);

// Undoes text that was UTF-8, read as windows-1252/latin-1 and encoded again ("â€¦" -> "…"),
// only when the result is valid UTF-8 that uses multi-byte characters.
void repair_double_encoding(std::string& text);

// Collapses runs of whitespace (and control characters) to one space, trims both ends.
std::string collapse_whitespace(std::string_view text);

// ASCII letters in lower case; other bytes as they are (names, tags and keywords of a feed). No
// locale changes it, and the one for a character needs no call.
inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
}
std::string ascii_lower(std::string_view s);

// Base64 (RFC 4648, whitespace ignored) to bytes; invalid characters are skipped.
std::string decode_base64(std::string_view text);

// XML namespaces the readers know (resolved from xmlns declarations, see parse_xml_util.h).
enum class Ns { none, rss, atom10, atom03, rdf, dc, dcterms, content, xhtml, xml, itunes, media, other };

// What the per-format readers share: the options, warnings, and where a link is resolved.
struct ParseContext {
  const ParseOptions& options;
  std::vector<std::string>& warnings;
  std::string fallback_base;  // the channel/feed link, used when options.base_url is empty
  Ns root_ns = Ns::none;      // the root element's namespace, read as the format's own

  // `ref` made absolute against the xml:base in scope at `node` and the document URL; empty
  // (with a warning) when the result is not an http(s) URL.
  std::string absolute_link(const pugi::xml_node& node, std::string_view ref) const;
  void warn(std::string line) const;
};

// Feed readers for a document pugixml has read; `root` is the document element.
Feed read_rss(const pugi::xml_node& root, ParseContext& ctx);
Feed read_atom(const pugi::xml_node& root, ParseContext& ctx);

// JSON Feed 1.0/1.1 from UTF-8 text; Error when it is JSON but not a feed.
Result<Feed> read_json_feed(std::string_view utf8, const ParseOptions& options);

}  // namespace redline
