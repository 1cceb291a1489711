// Helpers over pugixml nodes for the RSS and Atom readers: namespace-aware names (pugixml
// itself knows only prefixes), text and inner markup of an element, inherited xml:lang.
// Every walk here is iterative: a document nested a million deep must not overflow the stack.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "feeds/parse_internal.h"

namespace redline {


struct QName {
  Ns ns;
  std::string_view local;
};

// The element's namespace (resolved through xmlns declarations in scope, or the customary
// prefix when the feed forgot to declare it) and its local name.
QName qname_of(const pugi::xml_node& node);

// qname_of for many elements in document order: what each prefix means at an element's parent
// is looked up once, and kept for the children of the parent's siblings when the parents
// declare no namespaces (a feed's thousands of items each have a dozen children under the same
// ancestors). Gives exactly what qname_of gives.
class NsScope {
 public:
  QName qname(const pugi::xml_node& node);

 private:
  pugi::xml_node parent_;                               // whose scope known_ describes
  pugi::xml_node grandparent_;                          // parent_'s parent
  bool parent_plain_ = false;                           // parent_ declares no namespace
  std::vector<std::pair<std::string_view, Ns>> known_;  // prefix ("" default) -> namespace
};

// The element's name without its prefix.
std::string_view local_name(const pugi::xml_node& node);

// The value of the attribute whose local name is `local` (any prefix), or "".
std::string_view attribute(const pugi::xml_node& node, std::string_view local);

// The text directly inside `node` (text and CDATA children, concatenated).
std::string direct_text(const pugi::xml_node& node);

// The same text without a copy when it is one text or CDATA child (the usual case); otherwise
// concatenated into `storage`. The view lives as long as the document and `storage`.
std::string_view direct_text_view(const pugi::xml_node& node, std::string& storage);

// The content of `node` as an HTML string: text as is (or escaped, for XHTML whose text is
// final), child elements as bare tags so block elements still separate words.
std::string inner_markup(const pugi::xml_node& node, bool escape_text);

// The xml:lang in scope at `node`, or "".
std::string_view language_of(const pugi::xml_node& node);

}  // namespace redline
