// RSS 0.90, 0.91-0.94, 1.0 (RDF) and 2.0 into the Feed model. The dialects share element names,
// so one reader serves them all: it looks at direct children only (an <image>'s <title> is not
// the channel's), takes the first non-empty value of each field, and accepts the Dublin Core,
// content and Atom elements that RSS feeds borrow.
#include <string>

#include "feeds/parse_fields.h"
#include "feeds/parse_xml_util.h"

namespace redline {

namespace {

// The root's own namespace counts as RSS too (Userland and others published several URIs).
bool is_core(Ns ns, const ParseContext& ctx) { return ns == Ns::none || ns == Ns::rss || ns == ctx.root_ns; }

// Dates: the last readable value wins, as in other readers.
void set_date(std::optional<Timestamp>& field, std::optional<Timestamp> value) {
  if (value) field = value;
}

// feedparser's made-up <tags>: a comma-separated list.
void add_tag_list(const std::string& list, Item& item) {
  std::size_t i = 0;
  while (i <= list.size()) {
    std::size_t comma = list.find(',', i);
    if (comma == std::string::npos) comma = list.size();
    std::string tag = collapse_whitespace(std::string_view(list).substr(i, comma - i));
    if (!tag.empty()) item.categories.push_back(std::move(tag));
    i = comma + 1;
  }
}

std::string rss_format(const pugi::xml_node& root) {
  const std::string_view local = qname_of(root).local;
  if (local == "RDF") {
    for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
      if (std::string_view(a.value()) == "http://my.netscape.com/rdf/simple/0.9/") return "rss0.90";
    }
    return "rss1.0";
  }
  const std::string_view version = attribute(root, "version");
  if (version.substr(0, 3) == "2.0") return "rss2.0";
  for (const char* v : {"0.90", "0.91", "0.92", "0.93", "0.94"}) {
    if (version == v) return std::string("rss") + v;
  }
  return "rss";
}

// An atom:link inside RSS counts when it is the alternate (or unlabelled) link.
std::string_view atom_alternate(const pugi::xml_node& node) {
  const std::string_view rel = attribute(node, "rel");
  if (!rel.empty() && rel != "alternate") return {};
  return attribute(node, "href");
}

void set_once(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

void set_once(std::optional<Timestamp>& field, std::optional<Timestamp> value) {
  if (!field) field = value;
}

Enclosure read_enclosure(const pugi::xml_node& node, ParseContext& ctx) {
  Enclosure e;
  e.url = ctx.absolute_link(node, attribute(node, "url"));
  e.type = std::string(attribute(node, "type"));
  const std::string_view length = attribute(node, "length");
  if (!length.empty() && length.size() < 19 && length.find_first_not_of("0123456789") == std::string_view::npos)
    e.length = std::stoll(std::string(length));
  return e;
}

struct ItemLinks {
  std::string link, atom_link, guid;
  bool guid_is_permalink = true;
};

// The dates items and the channel share, read alike at both levels (as feedparser does): which
// element is a publication date and which a last update. False when `c` is no such date.
bool read_date(const pugi::xml_node& c, const QName& q, std::optional<Timestamp>& published,
               std::optional<Timestamp>& updated, ParseContext& ctx) {
  const std::string_view n = q.local;
  std::optional<Timestamp>* field = nullptr;
  if (is_core(q.ns, ctx)) {
    if (n == "pubDate") field = &published;
  } else if (q.ns == Ns::atom10 || q.ns == Ns::atom03) {
    if (n == "published" || n == "issued") field = &published;
    if (n == "updated" || n == "modified") field = &updated;
  } else {
    field = dublin_core_date(q, published, updated);
  }
  if (!field) return false;
  set_date(*field, date_field(c, ctx));
  return true;
}

void read_item_field(const pugi::xml_node& c, const QName& q, Item& item, ItemLinks& links, ParseContext& ctx) {
  if (read_date(c, q, item.published, item.updated, ctx)) return;
  const std::string_view n = q.local;
  if (is_core(q.ns, ctx)) {
    if (n == "title") set_once(item.title, html_field(c));
    else if (n == "link") set_once(links.link, trimmed_text(c));
    else if (n == "guid") {
      links.guid = trimmed_text(c);
      links.guid_is_permalink = attribute(c, "isPermaLink") != "false";
    } else if (n == "description") set_once(item.summary, html_field(c));
    else if (n == "author") set_once(item.author, html_field(c));
    else if (n == "tags") add_tag_list(html_field(c), item);
    else if (n == "category") {
      if (std::string t = html_field(c); !t.empty()) item.categories.push_back(std::move(t));
    } else if (n == "enclosure") {
      if (Enclosure e = read_enclosure(c, ctx); !e.url.empty()) item.enclosures.push_back(std::move(e));
    }
  } else if (q.ns == Ns::dc) {
    if (n == "title") set_once(item.title, html_field(c));
    else if (n == "description") set_once(item.summary, html_field(c));
    else if (n == "creator" || n == "author") set_once(item.author, html_field(c));
    else if (n == "subject") {
      if (std::string t = html_field(c); !t.empty()) item.categories.push_back(std::move(t));
    }
  } else if (q.ns == Ns::content && n == "encoded") {
    set_once(item.content, html_field(c));
  } else if (q.ns == Ns::xhtml && n == "body") {
    set_once(item.content, html_to_text(inner_markup(c, true)));
  } else if ((q.ns == Ns::atom10 || q.ns == Ns::atom03) && n == "link") {
    set_once(links.atom_link, std::string(atom_alternate(c)));
  } else if (q.ns == Ns::itunes && n == "author") {
    set_once(item.author, html_field(c));
  }
}

Item read_item(const pugi::xml_node& node, NsScope& scope, ParseContext& ctx) {
  Item item;
  ItemLinks links;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) read_item_field(c, scope.qname(c), item, links, ctx);
  }
  item.id = links.guid;
  if (item.id.empty()) item.id = std::string(attribute(node, "about"));  // RSS 1.0 rdf:about
  if (!links.link.empty()) item.link = ctx.absolute_link(node, links.link);
  if (item.link.empty() && !links.atom_link.empty()) item.link = ctx.absolute_link(node, links.atom_link);
  if (item.link.empty() && links.guid_is_permalink && is_http_url(links.guid)) item.link = links.guid;
  return item;
}

void read_channel_field(const pugi::xml_node& c, Feed& feed, std::string& link, ParseContext& ctx) {
  const QName q = qname_of(c);
  const std::string_view n = q.local;
  if (is_core(q.ns, ctx) && n == "pubDate") {
    // The channel's pubDate is its publication date, and its updated date too unless the channel
    // gives a better one (lastBuildDate, dc:date, dcterms:modified, wherever they stand): RSS 2.0
    // calls it "the publication date for the content in the channel", which moves with the content.
    const std::optional<Timestamp> t = date_field(c, ctx);
    set_date(feed.published, t);
    set_once(feed.updated, t);
    return;
  }
  if (read_date(c, q, feed.published, feed.updated, ctx)) return;
  if (is_core(q.ns, ctx)) {
    if (n == "title") set_once(feed.title, html_field(c));
    else if (n == "link") set_once(link, trimmed_text(c));
    else if (n == "description") set_once(feed.subtitle, html_field(c));
    else if (n == "language") set_once(feed.language, normalize_language(trimmed_text(c)));
    else if (n == "lastBuildDate") set_date(feed.updated, date_field(c, ctx));
    else if (n == "ttl") {
      const std::string t = trimmed_text(c);
      if (!t.empty() && t.size() < 7 && t.find_first_not_of("0123456789") == std::string::npos)
        feed.ttl_minutes = std::stoi(t);
    }
  } else if (q.ns == Ns::dc) {
    if (n == "title") set_once(feed.title, html_field(c));
    else if (n == "description") set_once(feed.subtitle, html_field(c));
    else if (n == "language") set_once(feed.language, normalize_language(trimmed_text(c)));
  } else if (q.ns == Ns::atom10 && n == "link") {
    if (link.empty()) link = std::string(atom_alternate(c));
  }
}

bool is_item(const pugi::xml_node& n) {
  return n.type() == pugi::node_element && local_name(n) == "item";
}

}  // namespace

Feed read_rss(const pugi::xml_node& root, ParseContext& ctx) {
  Feed feed;
  feed.format = rss_format(root);
  ctx.root_ns = qname_of(root).ns == Ns::rdf ? Ns::rss : qname_of(root).ns;
  pugi::xml_node channel;
  for (pugi::xml_node c = root.first_child(); c && !channel; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && qname_of(c).local == "channel") channel = c;
  }
  if (!channel && qname_of(root).local == "channel") channel = root;
  std::string link;
  if (channel) {
    for (pugi::xml_node c = channel.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && !is_item(c)) read_channel_field(c, feed, link, ctx);
    }
    if (feed.language.empty()) feed.language = normalize_language(language_of(channel));
  }
  if (!link.empty()) feed.link = ctx.absolute_link(channel, link);
  ctx.fallback_base = feed.link;
  std::size_t dropped = 0;
  NsScope scope;
  for (const pugi::xml_node& parent : {channel, root}) {
    if (!parent || (parent == root && channel == root)) continue;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (!is_item(c)) continue;
      if (feed.items.size() >= ctx.options.max_items) { ++dropped; continue; }
      feed.items.push_back(read_item(c, scope, ctx));
    }
  }
  report_dropped(dropped, ctx);
  return feed;
}

}  // namespace redline
