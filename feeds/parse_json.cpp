// JSON Feed 1.0 and 1.1 (jsonfeed.org) into the Feed model. HTML content is turned into text
// like every other feed's; `authors` (1.1) and `author` (1.0) are both read.
#include <nlohmann/json.hpp>

#include "feeds/parse_internal.h"

namespace redline {

namespace {

using nlohmann::json;

std::string string_of(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

std::string author_of(const json& object) {
  if (const auto a = object.find("authors"); a != object.end() && a->is_array()) {
    for (const auto& person : *a) {
      if (person.is_object()) {
        if (std::string name = string_of(person, "name"); !name.empty()) return collapse_whitespace(name);
      }
    }
  }
  if (const auto a = object.find("author"); a != object.end() && a->is_object()) return collapse_whitespace(string_of(*a, "name"));
  return {};
}

std::string link_of(const std::string& url, const std::string& base, std::vector<std::string>& warnings) {
  if (url.empty()) return {};
  std::string absolute = resolve_url(base, url);
  if (is_http_url(absolute)) return absolute;
  if (warnings.size() < 100) warnings.push_back("link dropped (not http/https): " + url.substr(0, 80));
  return {};
}

std::optional<Timestamp> date_of(const json& object, const char* key, std::vector<std::string>& warnings) {
  const std::string text = string_of(object, key);
  if (text.empty()) return std::nullopt;
  auto t = parse_feed_date(text);
  if (!t && warnings.size() < 100) warnings.push_back("unreadable date \"" + text.substr(0, 60) + "\" in " + key);
  return t;
}

Item read_item(const json& j, const std::string& base, std::vector<std::string>& warnings) {
  Item item;
  item.id = string_of(j, "id");
  item.title = html_to_text(string_of(j, "title"));
  item.link = link_of(string_of(j, "url"), base, warnings);
  if (item.link.empty()) item.link = link_of(string_of(j, "external_url"), base, warnings);
  item.summary = html_to_text(string_of(j, "summary"));
  const std::string html = string_of(j, "content_html");
  item.content = html.empty() ? collapse_whitespace(string_of(j, "content_text")) : html_to_text(html);
  item.author = author_of(j);
  item.published = date_of(j, "date_published", warnings);
  item.updated = date_of(j, "date_modified", warnings);
  if (const auto tags = j.find("tags"); tags != j.end() && tags->is_array()) {
    for (const auto& t : *tags) {
      if (t.is_string() && !t.get<std::string>().empty()) item.categories.push_back(collapse_whitespace(t.get<std::string>()));
    }
  }
  if (const auto att = j.find("attachments"); att != j.end() && att->is_array()) {
    for (const auto& a : *att) {
      if (!a.is_object()) continue;
      Enclosure e;
      e.url = link_of(string_of(a, "url"), base, warnings);
      e.type = string_of(a, "mime_type");
      if (const auto size = a.find("size_in_bytes"); size != a.end() && size->is_number_unsigned())
        e.length = size->get<std::int64_t>();
      if (!e.url.empty()) item.enclosures.push_back(std::move(e));
    }
  }
  return item;
}

}  // namespace

Result<Feed> read_json_feed(std::string_view utf8, const ParseOptions& options) {
  const json j = json::parse(utf8.begin(), utf8.end(), nullptr, false);
  if (j.is_discarded()) return make_error("not a feed: invalid JSON");
  if (!j.is_object() || string_of(j, "version").rfind("https://jsonfeed.org/version/", 0) != 0)
    return make_error("not a feed: JSON without a JSON Feed version");
  Feed feed;
  feed.format = "jsonfeed";
  feed.title = html_to_text(string_of(j, "title"));
  feed.subtitle = html_to_text(string_of(j, "description"));
  feed.language = string_of(j, "language");
  const std::string base = options.base_url.empty() ? string_of(j, "feed_url") : options.base_url;
  feed.link = link_of(string_of(j, "home_page_url"), base, feed.warnings);
  const auto items = j.find("items");
  if (items == j.end() || !items->is_array()) {
    feed.warnings.push_back("JSON Feed without an items array");
    return feed;
  }
  std::size_t dropped = 0;
  for (const auto& it : *items) {
    if (!it.is_object()) continue;
    if (feed.items.size() >= options.max_items) { ++dropped; continue; }
    feed.items.push_back(read_item(it, base.empty() ? feed.link : base, feed.warnings));
  }
  if (dropped) feed.warnings.push_back(std::to_string(dropped) + " items past the limit of " + std::to_string(options.max_items) + " dropped");
  return feed;
}

}  // namespace redline
