// HTML fragment to plain text in one pass, the way a browser's text rendering reads it:
// tags dropped (their words kept apart where the tag breaks a line), script/style/head-like
// elements dropped with their content, comments dropped, character references decoded,
// whitespace collapsed. Never builds a tree, so it is linear and cannot recurse.
#include <strings.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "feeds/feed.h"
#include "feeds/parse_entities.h"
#include "feeds/parse_internal.h"

namespace redline {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements whose content is not text a reader sees.
bool is_raw_skipped(std::string_view name) {
  return name == "script" || name == "style" || name == "noscript" || name == "template" ||
         name == "iframe" || name == "object" || name == "svg" || name == "math" || name == "head" ||
         name == "textarea" || name == "select";
}

// Elements that do not break a line (their neighbours' words may touch). `name` is lower case.
bool is_inline(std::string_view n) {
  switch (n.size()) {
    case 1:
      return n[0] == 'a' || n[0] == 'b' || n[0] == 'i' || n[0] == 'q' || n[0] == 's' || n[0] == 'u';
    case 2:
      return n == "em" || n == "tt";
    case 3:
      return n == "bdi" || n == "bdo" || n == "big" || n == "del" || n == "dfn" || n == "img" ||
             n == "ins" || n == "kbd" || n == "sub" || n == "sup" || n == "var" || n == "wbr";
    case 4:
      return n == "abbr" || n == "cite" || n == "code" || n == "data" || n == "font" || n == "mark" ||
             n == "nobr" || n == "samp" || n == "span" || n == "time";
    case 5:
      return n == "label" || n == "small";
    case 6:
      return n == "strike" || n == "strong";
    case 7:
      return n == "acronym";
    default:
      return false;
  }
}

bool is_blank(char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7F; }

// ASCII only, as the classic <cctype> functions are in the "C" locale (and no locale changes
// what a byte >= 0x80 is in UTF-8 text), without their function call per character.
bool is_ascii_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}

// What the main loop does with a byte: copy it as part of a word, or stop for something else.
enum class Byte : unsigned char { word, blank, markup, reference };

constexpr std::array<Byte, 256> kByteKinds = [] {
  std::array<Byte, 256> kinds{};
  for (int c = 0; c < 256; ++c) {
    kinds[c] = c <= ' ' || c == 0x7F ? Byte::blank : c == '<' ? Byte::markup : c == '&' ? Byte::reference : Byte::word;
  }
  return kinds;
}();

Byte kind_of(char c) { return kByteKinds[static_cast<unsigned char>(c)]; }

// The plain text being written: words separated by at most one space, none at either end.
// Writes through a cursor into a buffer sized from the input (text rarely outgrows its HTML).
class TextWriter {
 public:
  explicit TextWriter(std::size_t size_hint) { out_.resize(size_hint + 16); }

  // Visible characters, possibly several words apart by single spaces (no other blanks, none
  // at either end).
  void word(const char* p, std::size_t n) {
    if (size_ + n + 1 > out_.size()) out_.resize(std::max(out_.size() * 2, size_ + n + 1));
    if (pending_ && size_ != 0) out_[size_++] = ' ';
    pending_ = false;
    std::memcpy(out_.data() + size_, p, n);
    size_ += n;
  }

  // Any text: runs of visible characters as words, whitespace runs as one pending space.
  void text(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      if (is_blank(s[i])) {
        pending_ = true;
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < s.size() && !is_blank(s[j])) ++j;
      word(s.data() + i, j - i);
      i = j;
    }
  }
  void space() { pending_ = true; }
  std::string take() {
    out_.resize(size_);
    return std::move(out_);
  }

 private:
  std::string out_;
  std::size_t size_ = 0;
  bool pending_ = false;
};

class HtmlText {
 public:
  explicit HtmlText(std::string_view html) : in_(html), w_(html.size()) {}

  std::string run() {
    std::size_t i = 0;
    while (i < in_.size()) {
      switch (kind_of(in_[i])) {
        case Byte::word: {  // words and the single spaces between them, copied as they are
          std::size_t j = i + 1;
          while (true) {
            while (j < in_.size() && kind_of(in_[j]) == Byte::word) ++j;
            if (j + 1 >= in_.size() || in_[j] != ' ' || kind_of(in_[j + 1]) != Byte::word) break;
            j += 2;
          }
          w_.word(in_.data() + i, j - i);
          i = j;
          break;
        }
        case Byte::blank:
          w_.space();
          ++i;
          break;
        case Byte::markup:
          i = markup(i);
          break;
        case Byte::reference:
          i = reference(i);
          break;
      }
    }
    return w_.take();
  }

 private:
  std::size_t reference(std::size_t i) {
    scratch_.clear();
    const std::size_t n = decode_char_ref(in_, i, false, scratch_);
    if (n == 0) {
      w_.text("&");
      return i + 1;
    }
    w_.text(scratch_);
    return i + n;
  }

  std::size_t markup(std::size_t i) {
    const char next = i + 1 < in_.size() ? in_[i + 1] : '\0';
    if (next == '!' && in_.compare(i, 4, "<!--") == 0) return skip_past(i + 4, "-->");
    if (next == '!' && in_.compare(i, 9, "<![CDATA[") == 0) {
      const std::size_t end = in_.find("]]>", i + 9);
      w_.text(in_.substr(i + 9, end == std::string_view::npos ? std::string_view::npos : end - i - 9));
      return end == std::string_view::npos ? in_.size() : end + 3;
    }
    if (next == '!' || next == '?') {
      if (in_.find('>', i + 2) == std::string_view::npos) {  // "<!DOCTYPE" as text, not markup
        w_.text(in_.substr(i));
        return in_.size();
      }
      return skip_past(i + 2, ">");
    }
    const bool closing = next == '/';
    const std::size_t name_at = i + (closing ? 2 : 1);
    if (name_at >= in_.size() || !is_alpha(in_[name_at])) {
      w_.text("<");  // not a tag: a literal '<' as in "a < b"
      return i + 1;
    }
    std::size_t p = name_at;
    name_.clear();
    while (p < in_.size() && (is_ascii_alnum(in_[p]) || in_[p] == '-' || in_[p] == ':')) {
      name_ += ascii_lower(in_[p]);
      ++p;
    }
    const std::size_t end = tag_end(p);
    if (!is_inline(name_)) w_.space();
    if (!closing && is_raw_skipped(name_) && in_[end - 1] != '/' ) return skip_element(end, name_);
    return end;
  }

  // Just past the '>' that ends a tag whose name ended at p (quotes respected).
  std::size_t tag_end(std::size_t p) const {
    char quote = 0;
    for (; p < in_.size(); ++p) {
      const char c = in_[p];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return p + 1;
      }
    }
    return in_.size();
  }

  // Skips the content of a raw element up to and including its end tag.
  std::size_t skip_element(std::size_t p, const std::string& name) const {
    while (true) {
      const std::size_t lt = in_.find("</", p);
      if (lt == std::string_view::npos) return in_.size();
      const std::size_t at = lt + 2;
      if (at + name.size() <= in_.size() && strncasecmp(in_.data() + at, name.c_str(), name.size()) == 0)
        return tag_end(at + name.size());
      p = at;
    }
  }

  std::size_t skip_past(std::size_t p, std::string_view close) const {
    const std::size_t end = in_.find(close, p);
    return end == std::string_view::npos ? in_.size() : end + close.size();
  }

  std::string_view in_;
  TextWriter w_;
  std::string name_;
  std::string scratch_;
};

}  // namespace

std::string html_to_text(std::string_view html) { return HtmlText(html).run(); }

}  // namespace redline
