// parse_feed: bytes to Feed. The steps, in order: charset to UTF-8, JSON or XML, the XML
// pre-pass, pugixml with bounded repair-and-retry (then whatever parsed before the error), and
// the reader for the root element. Each step that changes or drops something says so in
// feed.warnings.
#include <pugixml.hpp>

#include <string>

#include "feeds/feed.h"
#include "feeds/parse_internal.h"
#include "feeds/parse_xml_util.h"

namespace redline {

namespace {

constexpr int kMaxRepairs = 64;
constexpr std::size_t kMaxWarnings = 100;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the document starts: after whitespace, or at the XML if junk precedes it.
std::size_t document_start(std::string_view text, std::vector<std::string>& warnings) {
  std::size_t p = 0;
  while (p < text.size() && is_space(text[p])) ++p;
  if (p == text.size() || text[p] == '<' || text[p] == '{') return p;
  const std::string_view head = text.substr(0, 4096);
  for (const char* marker : {"<?xml", "<rss", "<feed", "<rdf:RDF", "<RDF"}) {
    const std::size_t at = head.find(marker);
    if (at != std::string_view::npos) {
      warnings.push_back(std::to_string(at) + " bytes of junk before the XML skipped");
      return at;
    }
  }
  return std::string_view::npos;
}

// One repair at the place pugixml stopped; false when there is nothing sensible to change.
bool repair(std::string& xml, const pugi::xml_parse_result& r) {
  const std::size_t at = std::min<std::size_t>(std::size_t(r.offset), xml.size());
  const std::size_t lt = xml.rfind('<', at < xml.size() ? at : xml.size() - 1);
  if (lt == std::string::npos || at - lt > 4096) return false;
  switch (r.status) {
    case pugi::status_end_element_mismatch: {
      if (xml.compare(lt, 2, "</") != 0) return false;
      const std::size_t gt = xml.find('>', lt);
      xml.erase(lt, gt == std::string::npos ? std::string::npos : gt + 1 - lt);
      return true;
    }
    case pugi::status_bad_start_element:
    case pugi::status_bad_attribute:
    case pugi::status_bad_end_element:
    case pugi::status_unrecognized_tag:
    case pugi::status_bad_pi:
    case pugi::status_bad_comment:
    case pugi::status_bad_cdata:
    case pugi::status_bad_doctype:
    case pugi::status_bad_pcdata:
      xml.replace(lt, 1, "&lt;");
      return true;
    default:
      return false;
  }
}

constexpr unsigned kXmlFlags = pugi::parse_cdata | pugi::parse_escapes | pugi::parse_eol | pugi::parse_ws_pcdata;

// Parses `xml` into `doc` after a first attempt failed with `r`, repairing and retrying a
// bounded number of times (pugixml copies the buffer here, so `xml` can be changed).
void load_leniently(pugi::xml_document& doc, std::string& xml, pugi::xml_parse_result r,
                    std::vector<std::string>& warnings) {
  warnings.push_back(std::string("XML error at byte ") + std::to_string(r.offset) + " (" +
                     r.description() + "), repaired");
  for (int attempt = 0;; ++attempt) {
    if (attempt == kMaxRepairs || !repair(xml, r)) {
      warnings.push_back(std::string("XML error (") + r.description() + ") kept what parsed before byte " +
                         std::to_string(r.offset));
      (void)doc.load_buffer(xml.data(), xml.size(), kXmlFlags, pugi::encoding_utf8);  // a copy
      return;
    }
    r = doc.load_buffer(xml.data(), xml.size(), kXmlFlags, pugi::encoding_utf8);
    if (r) return;
  }
}

Result<Feed> read_document(const pugi::xml_node& root, ParseContext& ctx) {
  if (!root) return make_error("not a feed: no XML element found");
  const std::string local = ascii_lower(qname_of(root).local);
  if (local == "rss" || local == "rdf" || local == "channel") return read_rss(root, ctx);
  if (local == "feed") return read_atom(root, ctx);
  if (local == "html" || local == "body" || local == "head") return make_error("not a feed: an HTML page");
  return make_error("not a feed: root element <" + std::string(root.name()).substr(0, 60) + ">");
}

}  // namespace

void ParseContext::warn(std::string line) const {
  if (warnings.size() < kMaxWarnings) warnings.push_back(std::move(line));
  else if (warnings.size() == kMaxWarnings) warnings.push_back("more warnings not shown");
}

std::string ParseContext::absolute_link(const pugi::xml_node& node, std::string_view ref) const {
  std::size_t b = 0, e = ref.size();
  while (b < e && static_cast<unsigned char>(ref[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(ref[e - 1]) <= ' ') --e;
  ref = ref.substr(b, e - b);
  if (ref.empty()) return {};
  std::vector<std::string_view> bases;  // innermost first
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element && bases.size() < 64; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute("xml:base")) bases.push_back(a.value());
  }
  std::string_view base = options.base_url.empty() ? fallback_base : options.base_url;
  std::string with_xml_base;  // only when an xml:base is in scope
  for (auto it = bases.rbegin(); it != bases.rend(); ++it) base = with_xml_base = resolve_url(base, *it);
  std::string absolute = resolve_url(base, ref);
  if (is_http_url(absolute)) return absolute;
  warn("link dropped (not an absolute http/https URL): " + std::string(ref.substr(0, 80)));
  return {};
}

Result<Feed> parse_feed(std::string_view bytes, const ParseOptions& options) {
  if (bytes.empty()) return make_error("not a feed: empty document");
  std::vector<std::string> warnings;
  const std::string text = decode_to_utf8(bytes, options.http_charset, warnings);
  const std::size_t start = document_start(text, warnings);
  if (start == std::string_view::npos) return make_error("not a feed: neither XML nor JSON");
  if (start == text.size()) return make_error("not a feed: empty document");
  if (text[start] == '{') {
    auto feed = read_json_feed(std::string_view(text).substr(start), options);
    if (feed) feed->warnings.insert(feed->warnings.begin(), warnings.begin(), warnings.end());
    return feed;
  }
  // `xml` is the buffer pugixml parses in place: the decoded text itself when the pre-pass
  // found nothing to repair (most feeds), else the repaired copy.
  std::string xml;
  std::size_t xml_start = 0;
  if (!prepare_xml(std::string_view(text).substr(start), xml, warnings)) {
    xml = std::move(text);
    xml_start = start;
  }
  pugi::xml_document doc;  // after `xml`: an in-place parse points into it
  const pugi::xml_parse_result first = doc.load_buffer_inplace(xml.data() + xml_start, xml.size() - xml_start,
                                                                kXmlFlags, pugi::encoding_utf8);
  if (!first) {  // the in-place attempt consumed `xml`: build it again and repair it
    doc.reset();  // its partial tree points into `xml`, which is about to be replaced
    std::vector<std::string> repeated;
    const std::string again = decode_to_utf8(bytes, options.http_charset, repeated);
    xml = prepare_xml(std::string_view(again).substr(start), repeated);
    load_leniently(doc, xml, first, warnings);
  }
  ParseContext ctx{options, warnings, {}};
  auto feed = read_document(doc.document_element(), ctx);
  if (feed) feed->warnings = std::move(warnings);
  return feed;
}

}  // namespace redline
