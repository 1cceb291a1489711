// Atom 1.0 (RFC 4287) and the Atom 0.3 draft into the Feed model. Text constructs honour their
// type (and 0.3's mode); links pick rel="alternate" (or no rel) for the item link and
// rel="enclosure" for enclosures; every href is resolved against the xml:base in scope.
#include <string>

#include "feeds/parse_fields.h"
#include "feeds/parse_xml_util.h"

namespace redline {

namespace {

// The feed's own namespace counts as Atom too: early Atom drafts used several URIs.
bool is_atom(Ns ns, const ParseContext& ctx) {
  return ns == Ns::atom10 || ns == Ns::atom03 || ns == Ns::none || ns == ctx.root_ns;
}

// Dates: the last readable value wins, as in other readers.
void set_date(std::optional<Timestamp>& field, std::optional<Timestamp> value) {
  if (value) field = value;
}

template <class T>
void set_once(T& field, T value) {
  if (!field) field = std::move(value);
}

void set_once(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

// "name (email)", "name" or "email", as feed readers show an Atom person.
std::string person(const pugi::xml_node& node) {
  std::string name, email;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view local = local_name(c);
    if (local == "name") set_once(name, html_to_text(direct_text(c)));
    else if (local == "email") set_once(email, collapse_whitespace(direct_text(c)));
  }
  if (name.empty() && email.empty()) return collapse_whitespace(direct_text(node));
  if (name.empty()) return email;
  if (email.empty()) return name;
  return name + " (" + email + ")";
}

// An alternate link's target (or "" for other relations).
std::string_view alternate_href(const pugi::xml_node& node) {
  const std::string_view rel = attribute(node, "rel");
  if (!rel.empty() && rel != "alternate" && rel != "http://www.iana.org/assignments/relation/alternate")
    return {};
  return attribute(node, "href");
}

void read_link(const pugi::xml_node& c, Item& item, ParseContext& ctx) {
  if (attribute(c, "rel") == "enclosure") {
    Enclosure e;
    e.url = ctx.absolute_link(c, attribute(c, "href"));
    e.type = std::string(attribute(c, "type"));
    const std::string_view length = attribute(c, "length");
    if (!length.empty() && length.size() < 19 && length.find_first_not_of("0123456789") == std::string_view::npos)
      e.length = std::stoll(std::string(length));
    if (!e.url.empty()) item.enclosures.push_back(std::move(e));
    return;
  }
  std::string_view href = alternate_href(c);
  const std::string text = href.empty() && attribute(c, "href").empty() ? trimmed_text(c) : std::string();
  if (href.empty() && !text.empty() && (attribute(c, "rel").empty() || attribute(c, "rel") == "alternate"))
    href = text;  // Atom 0.3 feeds that put the URL in the element's text
  if (item.link.empty() && !href.empty()) item.link = ctx.absolute_link(c, href);
}

// Atom ids are opaque, but a path-only id (as some 0.3 feeds wrote) is made absolute.
std::string read_id(const pugi::xml_node& c, ParseContext& ctx) {
  std::string id = trimmed_text(c);
  if (!id.empty() && id[0] == '/' && (id.size() < 2 || id[1] != '/')) {
    std::string absolute = ctx.absolute_link(c, id);
    if (!absolute.empty()) return absolute;
  }
  return id;
}

// The dates entries and the feed share, read alike at both levels (as feedparser does): which
// element is a publication date and which a last update. False when `c` is no such date.
bool read_date(const pugi::xml_node& c, const QName& q, std::optional<Timestamp>& published,
               std::optional<Timestamp>& updated, ParseContext& ctx) {
  const std::string_view n = q.local;
  std::optional<Timestamp>* field = nullptr;
  if (is_atom(q.ns, ctx)) {
    if (n == "published" || n == "issued") field = &published;
    if (n == "updated" || n == "modified") field = &updated;
    if (n == "created") {
      if (published) return true;  // a creation date (Atom 0.3) counts only without a published one
      field = &published;
    }
  } else {
    field = dublin_core_date(q, published, updated);
  }
  if (!field) return false;
  set_date(*field, date_field(c, ctx));
  return true;
}

void read_entry_field(const pugi::xml_node& c, const QName& q, Item& item, ParseContext& ctx) {
  if (read_date(c, q, item.published, item.updated, ctx)) return;
  const std::string_view n = q.local;
  if (is_atom(q.ns, ctx)) {
    if (n == "id") set_once(item.id, read_id(c, ctx));
    else if (n == "title") set_once(item.title, atom_text(c, ctx));
    else if (n == "link") read_link(c, item, ctx);
    else if (n == "summary") set_once(item.summary, atom_text(c, ctx));
    else if (n == "content") set_once(item.content, atom_text(c, ctx));
    else if (n == "author") set_once(item.author, person(c));
    else if (n == "category") {
      std::string term(attribute(c, "term"));
      if (term.empty()) term = std::string(attribute(c, "label"));
      if (term.empty()) term = collapse_whitespace(direct_text(c));
      if (!term.empty()) item.categories.push_back(std::move(term));
    }
  } else if (q.ns == Ns::dc) {
    if (n == "subject") {
      if (std::string t = html_field(c); !t.empty()) item.categories.push_back(std::move(t));
    } else if (n == "creator") set_once(item.author, html_field(c));
    else if (n == "title") set_once(item.title, html_field(c));
  }
}

void read_feed_field(const pugi::xml_node& c, Feed& feed, ParseContext& ctx) {
  const QName q = qname_of(c);
  if (read_date(c, q, feed.published, feed.updated, ctx)) return;
  const std::string_view n = q.local;
  if (is_atom(q.ns, ctx)) {
    if (n == "title") set_once(feed.title, atom_text(c, ctx));
    else if (n == "subtitle" || n == "tagline") set_once(feed.subtitle, atom_text(c, ctx));
    else if (n == "link" && feed.link.empty()) {
      const std::string_view href = alternate_href(c);
      if (!href.empty()) feed.link = ctx.absolute_link(c, href);
    }
  } else if (q.ns == Ns::dc) {
    if (n == "language") set_once(feed.language, trimmed_text(c));
    else if (n == "title") set_once(feed.title, html_field(c));
  }
}

}  // namespace

Feed read_atom(const pugi::xml_node& root, ParseContext& ctx) {
  Feed feed;
  ctx.root_ns = qname_of(root).ns;
  feed.format = qname_of(root).ns == Ns::atom03 || attribute(root, "version") == "0.3" ? "atom0.3" : "atom1.0";
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && local_name(c) != "entry") read_feed_field(c, feed, ctx);
  }
  if (feed.language.empty()) feed.language = normalize_language(language_of(root));
  ctx.fallback_base = feed.link;
  std::size_t dropped = 0;
  NsScope scope;
  for (pugi::xml_node e = root.first_child(); e; e = e.next_sibling()) {
    if (e.type() != pugi::node_element || local_name(e) != "entry") continue;
    if (feed.items.size() >= ctx.options.max_items) { ++dropped; continue; }
    Item item;
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element) read_entry_field(c, scope.qname(c), item, ctx);
    }
    feed.items.push_back(std::move(item));
  }
  report_dropped(dropped, ctx);
  return feed;
}

}  // namespace redline
