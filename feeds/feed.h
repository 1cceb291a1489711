// The feed model and the parser: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed bytes in, one
// Feed out. Lenient like the readers people use: a broken feed is recovered as far as it goes,
// with warnings. Text fields are plain text (HTML removed, entities decoded, whitespace
// collapsed), links absolute, dates UTC. Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"
#include "util/time.h"

namespace redline {

struct Enclosure {
  std::string url;
  std::string type;
  std::int64_t length = -1;  // bytes; -1 when the feed does not say
};

struct Item {
  std::string id;  // guid / atom:id / JSON Feed id as the feed gives it; empty when missing
  std::string title;
  std::string link;  // absolute http(s) link, or empty
  std::string summary;
  std::string content;
  std::string author;
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
};

struct Feed {
  // "rss0.90", "rss0.91", "rss0.92", "rss0.93", "rss0.94", "rss1.0", "rss2.0", "atom0.3",
  // "atom1.0", "jsonfeed" (JSON Feed 1.0/1.1), or "rss" when the RSS version cannot be told.
  // (The conformance suite's run.py maps these names to feedparser's versions.)
  std::string format;
  std::string title;
  std::string link;
  std::string subtitle;
  std::string language;
  // When the feed says it was published (RSS pubDate, dcterms:issued, Atom published) and last
  // updated (lastBuildDate, dc:date, Atom updated; an RSS channel's pubDate when it has none of
  // these). JSON Feed has neither at feed level.
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  std::optional<int> ttl_minutes;  // RSS <ttl>, when given
  std::vector<Item> items;
  std::vector<std::string> warnings;  // one line each: what was recovered or ignored
};

struct ParseOptions {
  std::string base_url;      // resolves relative links when the feed gives no better base
  std::string http_charset;  // charset from the HTTP Content-Type, if any
  std::size_t max_items = 5000;  // items past this are dropped with a warning
};

// Bytes to Feed. The Error (not a feed: HTML page, empty, binary, ...) is one line.
Result<Feed> parse_feed(std::string_view bytes, const ParseOptions& options = {});

// Lenient date reading for feeds: RFC 822/1123/2822 and their malformations (no weekday,
// two-digit years, named and military zones, missing seconds, month names in a few European
// languages), RFC 3339 / W3CDTF / ISO 8601 variants (ordinal and week dates too), asctime.
// Converted to UTC; nullopt when unreadable.
std::optional<Timestamp> parse_feed_date(std::string_view text);

// HTML fragment to plain text: tags removed, entities decoded, whitespace collapsed.
std::string html_to_text(std::string_view html);

// The feed as DESIGN.md's `redline parse` JSON (one object, no trailing newline).
std::string feed_to_json(const Feed& feed);

}  // namespace redline
