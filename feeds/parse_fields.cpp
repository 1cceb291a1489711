#include "feeds/parse_fields.h"

#include "feeds/parse_xml_util.h"

namespace redline {

namespace {

bool has_element_child(const pugi::xml_node& node) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) return true;
  }
  return false;
}

std::string finish(std::string text) {
  repair_double_encoding(text);
  return text;
}

}  // namespace

std::string html_field(const pugi::xml_node& node) {
  std::string storage;
  if (!has_element_child(node)) return finish(html_to_text(direct_text_view(node, storage)));
  return finish(html_to_text(inner_markup(node, false)));
}

std::string atom_text(const pugi::xml_node& node, ParseContext& ctx) {
  const std::string type = ascii_lower(attribute(node, "type"));
  const std::string mode = ascii_lower(attribute(node, "mode"));
  const bool xhtml = type == "xhtml" || type == "application/xhtml+xml" || mode == "xml";
  const bool html = type == "html" || type == "text/html" || mode == "escaped";
  if (mode == "base64") {
    const std::string bytes = decode_base64(direct_text(node));
    const std::string text = decode_to_utf8(bytes, "utf-8", ctx.warnings);
    return finish(html || xhtml ? html_to_text(text) : collapse_whitespace(text));
  }
  if (xhtml || has_element_child(node)) return finish(html_to_text(inner_markup(node, xhtml || !html)));
  std::string storage;
  if (html) return finish(html_to_text(direct_text_view(node, storage)));
  return finish(collapse_whitespace(direct_text_view(node, storage)));
}

namespace {

// The node's text without surrounding whitespace, viewed where possible (see direct_text_view).
std::string_view trimmed_view(const pugi::xml_node& node, std::string& storage) {
  const std::string_view s = direct_text_view(node, storage);
  std::size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  return s.substr(b, e - b);
}

}  // namespace

std::string trimmed_text(const pugi::xml_node& node) {
  std::string storage;
  return std::string(trimmed_view(node, storage));
}

std::optional<Timestamp> date_field(const pugi::xml_node& node, ParseContext& ctx) {
  std::string storage;
  const std::string_view text = trimmed_view(node, storage);
  if (text.empty()) return std::nullopt;
  auto t = parse_feed_date(text);
  if (!t) ctx.warn("unreadable date \"" + std::string(text.substr(0, 60)) + "\" in <" + std::string(node.name()) + ">");
  return t;
}

std::string normalize_language(std::string_view tag) {
  std::string out = collapse_whitespace(tag);
  for (char& c : out) {
    if (c == '_') c = '-';
  }
  return out;
}

void add_item(Feed& feed, Item item, ParseContext& ctx, std::size_t& dropped) {
  if (feed.items.size() >= ctx.options.max_items) {
    ++dropped;
    return;
  }
  feed.items.push_back(std::move(item));
}

void report_dropped(std::size_t dropped, ParseContext& ctx) {
  if (dropped) {
    ctx.warnings.push_back(std::to_string(dropped) + " items past the limit of " +
                           std::to_string(ctx.options.max_items) + " dropped");
  }
}

std::optional<Timestamp>* dublin_core_date(const QName& q, std::optional<Timestamp>& published,
                                           std::optional<Timestamp>& updated) {
  const std::string_view n = q.local;
  if (q.ns == Ns::dc) return n == "date" ? &updated : nullptr;
  if (q.ns != Ns::dcterms) return nullptr;
  if (n == "issued" || n == "created") return &published;
  return n == "modified" ? &updated : nullptr;
}

}  // namespace redline
