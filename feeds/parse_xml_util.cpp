#include "feeds/parse_xml_util.h"

#include <cstring>
#include <utility>

namespace redline {

namespace {

Ns ns_of_uri(std::string_view uri) {
  if (uri.empty()) return Ns::none;
  if (uri == "http://www.w3.org/2005/Atom" || uri == "http://www.w3.org/2005/Atom/") return Ns::atom10;
  if (uri == "http://purl.org/atom/ns#") return Ns::atom03;
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://backend.userland.com/rss2" || uri == "http://backend.userland.com/rss" ||
      uri == "http://blogs.law.harvard.edu/tech/rss" || uri == "http://purl.org/net/rss1.1#")
    return Ns::rss;
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Ns::rdf;
  if (uri == "http://purl.org/dc/elements/1.1/" || uri == "http://purl.org/dc/elements/1.0/") return Ns::dc;
  if (uri == "http://purl.org/dc/terms/") return Ns::dcterms;
  if (uri == "http://purl.org/rss/1.0/modules/content/") return Ns::content;
  if (uri == "http://www.w3.org/1999/xhtml") return Ns::xhtml;
  if (uri == "http://www.itunes.com/dtds/podcast-1.0.dtd") return Ns::itunes;
  if (uri == "http://search.yahoo.com/mrss/" || uri == "http://search.yahoo.com/mrss") return Ns::media;
  return Ns::other;
}

Ns ns_of_prefix(std::string_view prefix) {
  if (prefix == "dc") return Ns::dc;
  if (prefix == "dcterms") return Ns::dcterms;
  if (prefix == "content") return Ns::content;
  if (prefix == "atom") return Ns::atom10;
  if (prefix == "rdf") return Ns::rdf;
  if (prefix == "xhtml") return Ns::xhtml;
  if (prefix == "xml") return Ns::xml;
  if (prefix == "itunes") return Ns::itunes;
  if (prefix == "media") return Ns::media;
  return Ns::other;
}

}  // namespace

namespace {

// The element's name split at its first colon.
std::pair<std::string_view, std::string_view> split_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) return {{}, name};
  return {name.substr(0, colon), name.substr(colon + 1)};
}

// True with `ns` set when element `n` itself declares `prefix` ("" for the default namespace).
bool declares(const pugi::xml_node& n, std::string_view prefix, Ns& ns) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    const char* an = a.name();
    if (std::strncmp(an, "xmlns", 5) != 0) continue;
    if (prefix.empty() ? an[5] == '\0' : (an[5] == ':' && prefix == an + 6)) {
      ns = ns_of_uri(a.value());
      return true;
    }
  }
  return false;
}

// What `prefix` means at element `n`: the nearest declaration from `n` up, else the customary
// meaning of the prefix.
Ns ns_in_scope(pugi::xml_node n, std::string_view prefix) {
  Ns ns;
  for (; n && n.type() == pugi::node_element; n = n.parent()) {
    if (declares(n, prefix, ns)) return ns;
  }
  return prefix.empty() ? Ns::none : ns_of_prefix(prefix);
}

}  // namespace

QName qname_of(const pugi::xml_node& node) {
  const auto [prefix, local] = split_name(node);
  if (prefix == "xml") return {Ns::xml, local};
  return {ns_in_scope(node, prefix), local};
}

QName NsScope::qname(const pugi::xml_node& node) {
  const auto [prefix, local] = split_name(node);
  if (prefix == "xml") return {Ns::xml, local};
  Ns ns;
  if (declares(node, prefix, ns)) return {ns, local};
  const pugi::xml_node parent = node.parent();
  if (parent != parent_) {
    // A sibling of the previous parent that declares nothing sees the same prefixes (the next
    // <item> after an <item>): what was learnt stays valid.
    bool declares_any = false;
    for (pugi::xml_attribute a = parent.first_attribute(); a && !declares_any; a = a.next_attribute())
      declares_any = std::strncmp(a.name(), "xmlns", 5) == 0;
    const pugi::xml_node grandparent = parent.parent();
    if (declares_any || !parent_plain_ || grandparent != grandparent_) known_.clear();
    parent_ = parent;
    grandparent_ = grandparent;
    parent_plain_ = !declares_any;
  }
  for (const auto& [p, known] : known_) {
    if (p == prefix) return {known, local};
  }
  ns = ns_in_scope(parent, prefix);
  if (known_.size() < 16) known_.emplace_back(prefix, ns);
  return {ns, local};
}

std::string_view local_name(const pugi::xml_node& node) { return split_name(node).second; }

std::string_view attribute(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    const std::size_t colon = n.find(':');
    if (colon != std::string_view::npos) {
      if (n.substr(0, colon) == "xmlns") continue;
      n.remove_prefix(colon + 1);
    }
    if (n == local) return a.value();
  }
  return {};
}

std::string direct_text(const pugi::xml_node& node) {
  pugi::xml_node first = node.first_child();
  if (first && !first.next_sibling() && (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata))
    return first.value();
  std::string out;
  for (pugi::xml_node c = first; c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

std::string_view direct_text_view(const pugi::xml_node& node, std::string& storage) {
  const pugi::xml_node first = node.first_child();
  if (!first) return {};
  if (!first.next_sibling() && (first.type() == pugi::node_pcdata || first.type() == pugi::node_cdata))
    return first.value();
  storage = direct_text(node);
  return storage;
}

namespace {

void append_text(std::string& out, const char* text, bool escape) {
  if (!escape) {
    out += text;
    return;
  }
  for (const char* p = text; *p; ++p) {
    if (*p == '<') out += "&lt;";
    else if (*p == '&') out += "&amp;";
    else out += *p;
  }
}

}  // namespace

std::string inner_markup(const pugi::xml_node& node, bool escape_text) {
  std::string out;
  pugi::xml_node n = node.first_child();
  while (n) {
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      append_text(out, n.value(), escape_text);
    } else if (n.type() == pugi::node_element) {
      out += '<';
      out += local_name(n);
      out += '>';
      if (n.first_child()) {
        n = n.first_child();
        continue;
      }
      out += "</";
      out += local_name(n);
      out += '>';
    }
    // Next in document order: the next sibling, else climb, closing elements on the way.
    while (n != node && !n.next_sibling()) {
      n = n.parent();
      if (n == node) break;
      out += "</";
      out += local_name(n);
      out += '>';
    }
    if (n == node) break;
    n = n.next_sibling();
  }
  return out;
}

std::string_view language_of(const pugi::xml_node& node) {
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute("xml:lang")) return a.value();
  }
  return {};
}

}  // namespace redline
