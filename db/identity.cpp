#include "db/identity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

namespace redline {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
char upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// %xx escapes in upper case ("%2f" and "%2F" are the same byte).
std::string upper_escapes(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i + 2 < out.size(); ++i) {
    if (out[i] == '%' && std::isxdigit(static_cast<unsigned char>(out[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(out[i + 2]))) {
      out[i + 1] = upper(out[i + 1]);
      out[i + 2] = upper(out[i + 2]);
    }
  }
  return out;
}

// "user@Host.Example.:443" -> "user@host.example" for https.
std::string normalize_authority(std::string_view authority, std::string_view scheme) {
  const auto at = authority.rfind('@');
  const std::string_view userinfo = at == std::string_view::npos ? "" : authority.substr(0, at + 1);
  std::string_view hostport = at == std::string_view::npos ? authority : authority.substr(at + 1);
  std::string_view port;
  const auto bracket = hostport.rfind(']');
  const auto colon = hostport.rfind(':');
  if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
    port = hostport.substr(colon + 1);
    hostport = hostport.substr(0, colon);
  }
  std::string host = to_lower(hostport);
  while (!host.empty() && host.back() == '.') host.pop_back();
  while (port.size() > 1 && port.front() == '0') port.remove_prefix(1);
  const bool default_port = port.empty() || (scheme == "http" && port == "80") ||
                            (scheme == "https" && port == "443");
  std::string out(userinfo);
  out += host;
  if (!default_port) {
    out += ':';
    out += port;
  }
  return out;
}

std::string normalize_query(std::string_view query) {
  std::vector<std::string> kept;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (param.empty()) continue;
    if (is_tracking_parameter(param.substr(0, param.find('=')))) continue;
    kept.push_back(upper_escapes(param));
  }
  std::sort(kept.begin(), kept.end());
  std::string out;
  for (const auto& p : kept) {
    out += out.empty() ? "" : "&";
    out += p;
  }
  return out;
}

std::string normalize_text(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += lower(c);
  }
  return out;
}

constexpr std::size_t kMaxKeyText = 1024;  // longer guids and links are keyed by their hash

}  // namespace

bool is_tracking_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 32> kExact = {
      "fbclid",   "gclid",        "gclsrc",      "dclid",       "msclkid",     "mc_cid",
      "mc_eid",   "igshid",       "yclid",       "_ga",         "_gl",         "_hsenc",
      "_hsmi",    "mkt_tok",      "vero_id",     "oly_anon_id", "oly_enc_id",  "cmpid",
      "ocid",     "smid",         "smtyp",       "s_cid",       "ito",         "at_medium",
      "at_campaign", "at_custom1", "at_custom2", "at_custom3",  "at_custom4",  "ns_source",
      "ns_campaign", "ns_mchannel"};
  const std::string n = to_lower(name);
  if (n.rfind("utm_", 0) == 0 || n.rfind("wt.", 0) == 0 || n.rfind("__twitter", 0) == 0)
    return true;
  return std::find(kExact.begin(), kExact.end(), n) != kExact.end();
}

std::string normalize_link(std::string_view url) {
  url = trim(url);
  const auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::string(url);
  const std::string scheme = to_lower(url.substr(0, sep));
  if (scheme != "http" && scheme != "https") return std::string(url);
  std::string_view rest = url.substr(sep + 3);
  rest = rest.substr(0, rest.find('#'));
  const auto authority_end = rest.find_first_of("/?");
  const std::string_view authority = rest.substr(0, authority_end);
  rest = authority_end == std::string_view::npos ? std::string_view{} : rest.substr(authority_end);
  const auto q = rest.find('?');
  std::string path = upper_escapes(rest.substr(0, q));
  const std::string query =
      q == std::string_view::npos ? std::string{} : normalize_query(rest.substr(q + 1));
  if (path.empty()) path = "/";
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::string out = scheme + "://" + normalize_authority(authority, scheme) + path;
  if (!query.empty()) out += "?" + query;
  return out;
}

bool link_identifies_page(std::string_view link) {
  const auto sep = link.find("://");
  if (sep == std::string_view::npos) return false;
  const auto slash = link.find_first_of("/?", sep + 3);
  if (slash == std::string_view::npos) return false;
  return link.substr(slash) != "/";
}

std::string stable_hash(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xf];
  return out;
}

std::string content_hash(std::string_view title, std::string_view summary) {
  std::string joined(title);
  joined += '\x1f';  // unit separator: ("ab", "c") and ("a", "bc") differ
  joined += summary;
  return stable_hash(joined);
}

std::string item_key(std::string_view guid, std::string_view link, std::string_view title,
                     std::string_view summary, std::optional<Timestamp> published) {
  return item_key_normalized(guid, normalize_link(link), title, summary, published);
}

std::string item_key_normalized(std::string_view guid, std::string_view normalized,
                                std::string_view title, std::string_view summary,
                                std::optional<Timestamp> published) {
  guid = trim(guid);
  if (!guid.empty()) {
    std::string id = starts_with_nocase(guid, "http://") || starts_with_nocase(guid, "https://")
                         ? normalize_link(guid)
                         : std::string(guid);
    return id.size() <= kMaxKeyText ? "guid:" + id : "guid:#" + stable_hash(id);
  }
  if (!normalized.empty())
    return normalized.size() <= kMaxKeyText ? "link:" + std::string(normalized)
                                            : "link:#" + stable_hash(normalized);
  std::string basis = normalize_text(trim(title).empty() ? summary : title);
  basis += '|';
  if (published) basis += format_rfc3339(*published);
  return "hash:" + stable_hash(basis);
}

std::vector<ItemIdentity> identify_items(const std::vector<Item>& items) {
  std::vector<ItemIdentity> out(items.size());
  std::unordered_map<std::string_view, int> link_counts;  // views of out[i].link
  link_counts.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    out[i].link = normalize_link(items[i].link);
    if (!out[i].link.empty()) ++link_counts[out[i].link];
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    ItemIdentity& id = out[i];
    id.guid = std::string(trim(item.id));
    const auto count = link_counts.find(id.link);
    const bool shared_link = count != link_counts.end() && count->second > 1;
    id.key = item_key_normalized(id.guid, shared_link ? "" : id.link, item.title, item.summary,
                                 item.published);
    // A feed that re-issues guids but keeps the link: the link finds the item when it names one
    // page and no other item of this poll shares it.
    id.link_fallback = !id.guid.empty() && !shared_link && link_identifies_page(id.link);
    id.hash = content_hash(item.title, item.summary);
  }
  return out;
}

}  // namespace redline
