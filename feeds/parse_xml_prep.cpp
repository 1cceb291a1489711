// The pre-pass that makes real-world feeds acceptable to pugixml, which stops at the first
// error and knows only XML's five named entities. One linear scan; never loads anything: the
// DOCTYPE is dropped, and only its internal entities with literal values survive, expanded one
// level deep within a total budget (so an entity bomb stays small).
//
// The output is built lazily: input that needs no change is not copied at all, and a document
// that needs no repair (most feeds) comes out as "unchanged", so the caller parses its own
// buffer. Each repair is an edit of a span of the input; the first one copies what precedes it.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <unordered_map>

#include "feeds/parse_entities.h"
#include "feeds/parse_internal.h"

namespace redline {

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_ci(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = s[at + i];
    if (c >= 'a' && c <= 'z') c = char(c - 32);
    if (c != word[i]) return false;
  }
  return true;
}

// The bytes that end a tag's name: whitespace, '>', '/' and '<'.
constexpr std::array<bool, 256> kEndsTagName = [] {
  std::array<bool, 256> ends{};
  for (const char c : {' ', '\t', '\n', '\r', '>', '/', '<'}) ends[static_cast<unsigned char>(c)] = true;
  return ends;
}();

// The length of "lt;", "gt;", "amp;", "quot;" or "apos;" at the start of `s`, or 0.
std::size_t xml_entity_length(std::string_view s) {
  if (s.size() < 3) return 0;
  switch (s[0]) {
    case 'l':
    case 'g':
      return s[1] == 't' && s[2] == ';' ? 3 : 0;
    case 'a':
      if (s.size() >= 4 && s[1] == 'm' && s[2] == 'p' && s[3] == ';') return 4;
      return s.size() >= 5 && s[1] == 'p' && s[2] == 'o' && s[3] == 's' && s[4] == ';' ? 5 : 0;
    case 'q':
      return s.size() >= 5 && s[1] == 'u' && s[2] == 'o' && s[3] == 't' && s[4] == ';' ? 5 : 0;
    default:
      return 0;
  }
}

class XmlPrep {
 public:
  XmlPrep(std::string_view in, std::vector<std::string>& warnings)
      : in_(in), warnings_(warnings), budget_(in.size() * 4 + (1u << 20)) {}

  // True with the repaired text in `out` when anything had to change; false when `in` is
  // acceptable as it is (`out` untouched).
  bool run(std::string& out) {
    std::size_t i = 0;
    while (i < in_.size()) {
      const std::size_t j = next_special(i);
      if (j >= in_.size()) break;
      i = in_[j] == '&' ? reference(j, false) : markup(j);
    }
    close_all();
    if (unbalanced_) warnings_.push_back(std::to_string(unbalanced_) + " mismatched end tags repaired");
    if (stray_) warnings_.push_back(std::to_string(stray_) + " stray '&' or '<' escaped");
    if (over_budget_) warnings_.push_back("entity expansion stopped at its size limit");
    if (!edited_) return false;
    out_.append(in_.substr(kept_));
    out = std::move(out_);
    return true;
  }

 private:
  // The first '<' or '&' at or after i (in_.size() when there is none). Eight bytes at a time:
  // a byte of w equals c exactly when that byte of (w ^ c...c) is zero.
  std::size_t next_special(std::size_t i) const {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const auto has_zero = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
    for (; i + 8 <= in_.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, in_.data() + i, 8);
      if (has_zero(w ^ (kOnes * '<')) || has_zero(w ^ (kOnes * '&'))) break;
    }
    while (i < in_.size() && in_[i] != '<' && in_[i] != '&') ++i;
    return i;
  }

  // Replaces in_[from, to) with `text` in the output. Edits come in input order (from >= kept_).
  void edit(std::size_t from, std::size_t to, std::string_view text) {
    if (!edited_) out_.reserve(in_.size() + in_.size() / 32 + 64);
    edited_ = true;
    out_.append(in_.data() + kept_, from - kept_);
    out_.append(text);
    kept_ = to;
  }

  // Keeps the construct that starts at in_[i] == '<' (or repairs it); returns where to go on.
  std::size_t markup(std::size_t i) {
    const char next = i + 1 < in_.size() ? in_[i + 1] : '\0';
    if (next == '!') {
      if (in_.compare(i, 4, "<!--") == 0) return copy_through(i, "-->");
      if (in_.compare(i, 9, "<![CDATA[") == 0) return copy_through(i, "]]>");
      if (starts_with_ci(in_, i, "<!DOCTYPE")) {
        const std::size_t end = doctype(i);
        edit(i, end, {});
        return end;
      }
    }
    if (next == '?') return copy_through(i, "?>");
    if (is_name_start(next) || (next == '/' && i + 2 < in_.size() && is_name_start(in_[i + 2])))
      return tag(i);
    edit(i, i + 1, "&lt;");
    ++stray_;
    return i + 1;
  }

  std::size_t copy_through(std::size_t i, std::string_view close) {
    const std::size_t end = in_.find(close, i);
    if (end == std::string_view::npos) {  // unterminated: keep what is there, closed
      edit(in_.size(), in_.size(), close);
      return in_.size();
    }
    return end + close.size();
  }

  // A start or end tag: attribute values get the same reference repair as text. End tags are
  // matched against the open elements: a missing end tag is supplied (as an HTML parser would
  // close a <p>), an end tag that closes nothing is dropped.
  std::size_t tag(std::size_t i) {
    const bool closing = in_[i + 1] == '/';
    std::size_t p = i + (closing ? 2 : 1);
    const std::size_t name_start = p;
    while (p < in_.size() && !kEndsTagName[static_cast<unsigned char>(in_[p])]) ++p;
    const std::string_view name = in_.substr(name_start, p - name_start);
    const bool drop = closing && !close_element(name, i);
    const std::size_t out_before = out_.size(), kept_before = kept_;
    bool self_closing = false;
    p = tag_rest(p, self_closing);
    if (drop) {  // undo whatever the tag's own repairs wrote, and leave the tag out
      out_.resize(out_before);
      kept_ = kept_before;
      edit(i, p, {});
    } else if (!closing && !self_closing) {
      open_.push_back(name);
    }
    return p;
  }

  // The rest of a tag from p (after its name); returns the position after it.
  std::size_t tag_rest(std::size_t p, bool& self_closing) {
    char quote = 0;
    while (true) {
      if (p >= in_.size()) {  // truncated inside the tag: close it
        edit(in_.size(), in_.size(), ">");
        return p;
      }
      const char c = in_[p];
      if (quote) {
        if (c == '&') { p = reference(p, true); continue; }
        if (c == '<') { edit(p, p + 1, "&lt;"); ++p; continue; }
        if (c != quote) {  // the rest of a quoted value in one step
          ++p;
          while (p < in_.size() && in_[p] != quote && in_[p] != '&' && in_[p] != '<') ++p;
          continue;
        }
        quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = in_[p - 1] == '/';
        return p + 1;
      } else if (c == '<') {  // a tag that never closed: close it here
        edit(p, p, ">");
        return p;
      }
      ++p;
    }
  }

  // Balances the end tag `name` at in_[at] against the open elements: true when it is kept
  // (after supplying the end tags it skips), false when it closes nothing and must be dropped.
  bool close_element(std::string_view name, std::size_t at) {
    if (!open_.empty() && open_.back() == name) {
      open_.pop_back();
      return true;
    }
    std::size_t k = open_.size();
    const std::size_t floor = open_.size() > 256 ? open_.size() - 256 : 0;
    while (k > floor && open_[k - 1] != name) --k;
    ++unbalanced_;
    if (k == floor && (k == 0 || open_[k - 1] != name)) return false;
    std::string closes;
    for (std::size_t j = open_.size(); j > k; --j) {
      closes += "</";
      closes.append(open_[j - 1]);
      closes += '>';
    }
    edit(at, at, closes);
    open_.resize(k - 1);
    return true;
  }

  void close_all() {
    if (open_.empty()) return;
    warnings_.push_back(std::to_string(open_.size()) + " unclosed elements closed at the end");
    std::string closes;
    for (std::size_t j = open_.size(); j > 0; --j) {
      closes += "</";
      closes.append(open_[j - 1]);
      closes += '>';
    }
    edit(in_.size(), in_.size(), closes);
    open_.clear();
  }

  // A reference at in_[i] == '&': kept when XML knows it, translated when HTML does.
  std::size_t reference(std::size_t i, bool in_attribute) {
    if (const std::size_t n = xml_entity_length(in_.substr(i + 1))) return i + 1 + n;  // most of them
    std::size_t p = i + 1;
    if (p < in_.size() && in_[p] == '#') return numeric_reference(i, in_attribute);
    while (p < in_.size() && p - i < 64 && (is_name_start(in_[p]) || (in_[p] >= '0' && in_[p] <= '9') ||
                                            in_[p] == '-' || in_[p] == '.'))
      ++p;
    const std::string_view name = in_.substr(i + 1, p - i - 1);
    if (p < in_.size() && in_[p] == ';' && !name.empty()) {
      if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return p + 1;
      if (const auto it = entities_.find(std::string(name)); it != entities_.end()) {
        edit(i, p + 1, expand(it->second));
        return p + 1;
      }
    }
    return translated_reference(i, in_attribute);
  }

  std::size_t numeric_reference(std::size_t i, bool in_attribute) {
    if (const std::size_t n = plain_numeric_reference(i)) return i + n;
    return translated_reference(i, in_attribute);
  }

  // The length of a numeric reference at in_[i] that pugixml reads exactly as HTML does (so it
  // can stay as written), or 0: terminated by ';', lower-case 'x' for hex, and a character that
  // is neither a control, nor C1 (HTML reads those as windows-1252), nor invalid.
  std::size_t plain_numeric_reference(std::size_t i) const {
    std::size_t p = i + 2;
    const bool hex = p < in_.size() && in_[p] == 'x';
    if (hex) ++p;
    const std::size_t digits = p;
    std::uint32_t value = 0;
    for (; p < in_.size() && p - digits <= 7; ++p) {
      const char c = in_[p];
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) d = (c | 0x20) - 'a' + 10;
      else break;
      value = value * (hex ? 16 : 10) + std::uint32_t(d);
    }
    if (p == digits || p - digits > 7 || p >= in_.size() || in_[p] != ';') return 0;
    const bool plain = (value >= 0x20 && value < 0x80) || (value >= 0xA0 && value < 0xD800) ||
                       (value > 0xDFFF && value <= 0x10FFFF);
    return plain ? p + 1 - i : 0;
  }

  // A reference XML does not know (or not the way HTML does), replaced by its characters.
  std::size_t translated_reference(std::size_t i, bool in_attribute) {
    std::string decoded;
    const std::size_t n = decode_char_ref(in_, i, in_attribute, decoded);
    if (n == 0) {
      edit(i, i + 1, "&amp;");
      ++stray_;
      return i + 1;
    }
    edit(i, i + n, escaped(decoded));
    return i + n;
  }

  static std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
      if (c == '&') out += "&amp;";
      else if (c == '<') out += "&lt;";
      else if (c == '"') out += "&quot;";
      else if (c == '\'') out += "&apos;";
      else if (static_cast<unsigned char>(c) < 0x20 && !is_space(c)) out += "\xEF\xBF\xBD";
      else out += c;
    }
    return out;
  }

  // An internal entity's value: its own references are read once; other internal entities
  // inside it are not expanded again (that recursion is what makes an entity bomb).
  std::string expand(const std::string& value) {
    if (value.size() > budget_) {
      over_budget_ = true;
      return {};
    }
    budget_ -= value.size();
    std::string decoded;
    for (std::size_t k = 0; k < value.size();) {
      if (value[k] == '&') {
        const std::size_t n = decode_char_ref(value, k, false, decoded);
        if (n) { k += n; continue; }
      }
      decoded += value[k++];
    }
    return escaped(decoded);
  }

  // Skips the DOCTYPE, remembering `<!ENTITY name "literal">` from its internal subset.
  std::size_t doctype(std::size_t i) {
    std::size_t p = i + 9;
    char quote = 0;
    bool subset = false;
    while (p < in_.size()) {
      const char c = in_[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        subset = true;
      } else if (c == ']') {
        subset = false;
      } else if (subset && in_.compare(p, 8, "<!ENTITY") == 0) {
        p = entity_declaration(p + 8);
        continue;
      } else if (subset && in_.compare(p, 4, "<!--") == 0) {
        const std::size_t end = in_.find("-->", p + 4);
        p = end == std::string_view::npos ? in_.size() : end + 3;
        continue;
      } else if (c == '>' && !subset) {
        return p + 1;
      }
      ++p;
    }
    return p;
  }

  std::size_t entity_declaration(std::size_t p) {
    auto skip_space = [&] { while (p < in_.size() && is_space(in_[p])) ++p; };
    skip_space();
    const bool parameter = p < in_.size() && in_[p] == '%';
    if (parameter) { ++p; skip_space(); }
    const std::size_t name_start = p;
    while (p < in_.size() && !is_space(in_[p]) && in_[p] != '>' && in_[p] != '"' && in_[p] != '\'') ++p;
    const std::string name(in_.substr(name_start, p - name_start));
    skip_space();
    if (p < in_.size() && (in_[p] == '"' || in_[p] == '\'')) {
      const char q = in_[p];
      const std::size_t end = in_.find(q, p + 1);
      if (end == std::string_view::npos) return in_.size();
      if (!parameter && !name.empty() && end - p - 1 <= 65536 && entities_.size() < 1000)
        entities_.emplace(name, std::string(in_.substr(p + 1, end - p - 1)));
      p = end + 1;
    } else if (!parameter) {
      warnings_.push_back("external entity \"" + name + "\" ignored");
    }
    const std::size_t close = in_.find('>', p);
    return close == std::string_view::npos ? in_.size() : close + 1;
  }

  std::string_view in_;
  std::vector<std::string>& warnings_;
  std::string out_;
  std::unordered_map<std::string, std::string> entities_;
  std::size_t budget_;
  std::vector<std::string_view> open_;  // names of the elements open at this point
  std::size_t kept_ = 0;  // in_[kept_..] is not in out_ yet
  bool edited_ = false;
  std::size_t stray_ = 0;
  std::size_t unbalanced_ = 0;
  bool over_budget_ = false;
};

}  // namespace

bool prepare_xml(std::string_view utf8, std::string& repaired, std::vector<std::string>& warnings) {
  return XmlPrep(utf8, warnings).run(repaired);
}

std::string prepare_xml(std::string_view utf8, std::vector<std::string>& warnings) {
  std::string repaired;
  return prepare_xml(utf8, repaired, warnings) ? repaired : std::string(utf8);
}

}  // namespace redline
