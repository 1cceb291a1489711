// RFC 3986 section 5 reference resolution, enough for feed links: absolute references win,
// network-path, absolute-path, relative-path and query/fragment-only references are merged
// with the base and dot segments removed.
#include <cctype>
#include <string>

#include "feeds/parse_internal.h"

namespace redline {

namespace {

struct UrlParts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_authority = false, has_query = false, has_fragment = false;
};

std::size_t scheme_length(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return i;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return 0;
  }
  return 0;
}

UrlParts split(std::string_view s) {
  UrlParts u;
  if (const std::size_t n = scheme_length(s)) {
    u.scheme = s.substr(0, n);
    s.remove_prefix(n + 1);
  }
  if (const std::size_t h = s.find('#'); h != std::string_view::npos) {
    u.has_fragment = true;
    u.fragment = s.substr(h + 1);
    s = s.substr(0, h);
  }
  if (const std::size_t q = s.find('?'); q != std::string_view::npos) {
    u.has_query = true;
    u.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    u.has_authority = true;
    const std::size_t slash = s.find('/', 2);
    u.authority = s.substr(2, slash == std::string_view::npos ? std::string_view::npos : slash - 2);
    s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
  }
  u.path = s;
  return u;
}

std::string remove_dot_segments(std::string_view path) {
  std::string out;
  std::size_t i = 0;
  while (i < path.size()) {
    std::size_t end = path.find('/', i + 1);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(i, end - i);  // "/name" or "name" at the start
    const std::string_view bare = seg[0] == '/' ? seg.substr(1) : seg;
    if (bare == ".") {
      if (end == path.size()) out += '/';
    } else if (bare == "..") {
      const std::size_t cut = out.rfind('/');
      out.resize(cut == std::string::npos ? 0 : cut);
      if (end == path.size()) out += '/';
    } else {
      if (seg[0] != '/' && !out.empty()) out += '/';
      out.append(seg);
    }
    i = end;
  }
  return out;
}

std::string join(const UrlParts& u, std::string_view scheme) {
  std::string out(scheme);
  out += ':';
  if (u.has_authority) { out += "//"; out.append(u.authority); }
  out += u.path.empty() && u.has_authority ? std::string() : remove_dot_segments(u.path);
  if (u.has_query) { out += '?'; out.append(u.query); }
  if (u.has_fragment) { out += '#'; out.append(u.fragment); }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

bool is_http_url(std::string_view url) {
  const std::size_t n = scheme_length(url);
  if (n != 4 && n != 5) return false;
  std::string scheme(url.substr(0, n));
  for (char& c : scheme) c = char(std::tolower(static_cast<unsigned char>(c)));
  return (scheme == "http" || scheme == "https") && url.size() > n + 3 && url.substr(n, 3) == "://";
}

std::string resolve_url(std::string_view base_in, std::string_view ref_in) {
  const std::string_view ref = trim(ref_in), base = trim(base_in);
  const UrlParts r = split(ref);
  if (!r.scheme.empty()) {
    // Without a "." or ".." segment there is nothing to remove: the reference is the result.
    if (r.path.find("/.") == std::string_view::npos && (r.path.empty() || r.path[0] != '.')) return std::string(ref);
    return join(r, r.scheme);
  }
  const UrlParts b = split(base);
  if (b.scheme.empty()) return std::string(ref);
  UrlParts t = r;
  if (!r.has_authority) {
    t.authority = b.authority;
    t.has_authority = b.has_authority;
    if (r.path.empty()) {
      t.path = b.path;
      if (!r.has_query) { t.query = b.query; t.has_query = b.has_query; }
      return join(t, b.scheme);
    }
    if (r.path[0] != '/') {
      std::string merged;
      if (b.has_authority && b.path.empty()) {
        merged = "/";
      } else {
        const std::size_t slash = b.path.rfind('/');
        if (slash != std::string_view::npos) merged.assign(b.path.substr(0, slash + 1));
      }
      merged.append(r.path);
      t.path = merged;
      return join(t, b.scheme);  // join copies before `merged` goes away
    }
  }
  return join(t, b.scheme);
}

}  // namespace redline
