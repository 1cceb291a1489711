// The `redline parse` JSON (DESIGN.md): fixed key order, dates in RFC 3339 UTC or null.
#include <nlohmann/json.hpp>

#include "feeds/feed.h"

namespace redline {

namespace {

using Json = nlohmann::ordered_json;

Json date_json(const std::optional<Timestamp>& t) { return t ? Json(format_rfc3339(*t)) : Json(nullptr); }

Json item_json(const Item& item) {
  Json enclosures = Json::array();
  for (const auto& e : item.enclosures) {
    enclosures.push_back({{"url", e.url}, {"type", e.type}, {"length", e.length >= 0 ? Json(e.length) : Json(nullptr)}});
  }
  return Json{{"id", item.id},
              {"title", item.title},
              {"link", item.link},
              {"published", date_json(item.published)},
              {"updated", date_json(item.updated)},
              {"summary", item.summary},
              {"content", item.content},
              {"author", item.author},
              {"categories", item.categories},
              {"enclosures", std::move(enclosures)}};
}

}  // namespace

std::string feed_to_json(const Feed& feed) {
  Json items = Json::array();
  for (const auto& item : feed.items) items.push_back(item_json(item));
  const Json doc{{"format", feed.format},
                 {"title", feed.title},
                 {"link", feed.link},
                 {"subtitle", feed.subtitle},
                 {"language", feed.language},
                 {"published", date_json(feed.published)},
                 {"updated", date_json(feed.updated)},
                 {"items", std::move(items)},
                 {"warnings", feed.warnings}};
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace redline
