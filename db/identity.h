// Item identity: which stored item an incoming feed item is. Feeds re-send the same story on
// every poll, sometimes with tracking parameters added to the link, a re-dated pubDate or a new
// guid, and an identity that trusts the wrong field stores the story twice and alerts twice.
// These are pure functions (no database); the store scopes every key to its feed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed.h"
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

// The same, for a link already normalized with normalize_link (saves normalizing it twice).
std::string item_key_normalized(std::string_view guid, std::string_view normalized_link,
                                std::string_view title, std::string_view summary,
                                std::optional<Timestamp> published);

// Whether a normalized link names a specific page (not a site's home page), so that it can
// identify an item on its own. Used before falling back from a changed guid to the link.
bool link_identifies_page(std::string_view normalized_link);

// 64-bit FNV-1a of the bytes, as 16 lowercase hex digits: stable across builds and platforms.
std::string stable_hash(std::string_view bytes);

// The revision fingerprint of an item's text: changes exactly when the title or summary does.
std::string content_hash(std::string_view title, std::string_view summary);

// What the store works out of an incoming item before it looks for it in the database.
struct ItemIdentity {
  std::string link;  // normalized
  std::string guid;  // trimmed
  // item_key_normalized (without the link when another item of the poll shares it)
  std::string key;
  std::string hash;            // content_hash of title and summary
  bool link_fallback = false;  // the link may find the item when its guid changed
};

// The identities of one poll's items, in order. A link that several items of the poll share
// (a feed pointing every entry at its home page) identifies none of them. Pure: the daemon runs
// it on its worker right after parsing, so its loop only writes.
std::vector<ItemIdentity> identify_items(const std::vector<Item>& items);

}  // namespace redline
