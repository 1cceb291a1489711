// Field readers the RSS and Atom readers share: text fields to plain text, dates with a
// warning when unreadable, enclosures, and item bookkeeping (the max_items cap).
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>

#include "feeds/feed.h"
#include "feeds/parse_internal.h"

namespace redline {

struct QName;

// Dublin Core's dates, which RSS and Atom carry alike for items and for the feed: dc:date and
// dcterms:modified are the last update, dcterms:issued and dcterms:created the publication. The
// one of `published` and `updated` that `q` names, or null when it names neither.
std::optional<Timestamp>* dublin_core_date(const QName& q, std::optional<Timestamp>& published,
                                           std::optional<Timestamp>& updated);

// An RSS-style text element (its text may be HTML, escaped once or twice) as plain text.
std::string html_field(const pugi::xml_node& node);

// An Atom text construct (type text/html/xhtml; Atom 0.3 mode escaped/base64/xml) as plain
// text.
std::string atom_text(const pugi::xml_node& node, ParseContext& ctx);

// The node's text as a date; nullopt with a warning when it is there but unreadable.
std::optional<Timestamp> date_field(const pugi::xml_node& node, ParseContext& ctx);

// The node's text without surrounding whitespace.
std::string trimmed_text(const pugi::xml_node& node);

// A language tag as feeds should have written it ("en_US" -> "en-US"), trimmed.
std::string normalize_language(std::string_view tag);

// Adds `item` unless the cap is reached; counts what the cap drops.
void add_item(Feed& feed, Item item, ParseContext& ctx, std::size_t& dropped);

// One warning for the items the cap dropped, if any.
void report_dropped(std::size_t dropped, ParseContext& ctx);

}  // namespace redline
