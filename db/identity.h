// Item identity: which stored item an incoming feed item is. Feeds re-send the same story on
// every poll, sometimes with tracking parameters added to the link, a re-dated pubDate or a new
// guid, and an identity that trusts the wrong field stores the story twice and alerts twice.
// These are pure functions (no database); the store scopes every key to its feed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "util/time.h"

namespace redline {

// A URL in a canonical spelling, so the same page compares equal: scheme and host lowercased,
// default port, fragment and tracking parameters (utm_*, fbclid, gclid, ...) dropped, remaining
// query parameters sorted, empty path as "/", a trailing slash on a longer path dropped, %xx
// escapes in upper case. Text that is not an http(s) URL comes back trimmed, otherwise unchanged.
std::string normalize_link(std::string_view url);

// True for query parameter names that only track the reader (compared case-insensitively).
bool is_tracking_parameter(std::string_view name);

// The identity key of an item within its feed, one of:
//   "guid:<id>"   the feed's guid / atom:id (normalized like a link when it is an http(s) URL);
//   "link:<normalized link>";
//   "hash:<16 hex digits>"  of the normalized title (or summary when untitled) and publication
//                           date, for items with neither.
std::string item_key(std::string_view guid, std::string_view link, std::string_view title,
                     std::string_view summary, std::optional<Timestamp> published);

// Whether a normalized link names a specific page (not a site's home page), so that it can
// identify an item on its own. Used before falling back from a changed guid to the link.
bool link_identifies_page(std::string_view normalized_link);

// 64-bit FNV-1a of the bytes, as 16 lowercase hex digits: stable across builds and platforms.
std::string stable_hash(std::string_view bytes);

// The revision fingerprint of an item's text: changes exactly when the title or summary does.
std::string content_hash(std::string_view title, std::string_view summary);

}  // namespace redline
