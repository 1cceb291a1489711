#include "topics/text.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace redline::topics_detail {

namespace {

// Folding of U+00C0..U+00FF to ASCII; 0 means "not a letter" (becomes a space).
char fold_latin1(std::uint32_t cp) {
  static const char* const kTable =
      "aaaaaaaceeeeiiii"   // C0..CF
      "dnooooo ouuuuyts"   // D0..DF (D7 multiplication sign, DF sharp s handled below)
      "aaaaaaaceeeeiiii"   // E0..EF
      "dnooooo ouuuuyty";  // F0..FF (F7 division sign)
  if (cp < 0xC0 || cp > 0xFF) return 0;
  const char c = kTable[cp - 0xC0];
  return c == ' ' ? 0 : c;
}

// Folding of the few non-Latin-1 code points news text uses for punctuation.
const char* fold_punctuation(std::uint32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    case 0x0161:
      return "s";
    case 0x0142:
      return "l";
    default:
      return nullptr;
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when invalid).
std::size_t decode_utf8(std::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || b0 >= 0xF8 || i + len > s.size()) return 0;
  cp = b0 & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  return len;
}

// The Spanish affirmative "sí" (yes) and "si" (if) differ only by the accent: folded alike,
// "Sí hubo ataque" would read "if there was an attack". The word "sí" folds to "sii" instead
// (patterns are folded the same way, so a pattern may say 'sí hubo').
bool folds_affirmative_si(std::string_view out, std::uint32_t cp, std::string_view in,
                          std::size_t next) {
  if (cp != 0xED && cp != 0xCD) return false;
  const std::size_t n = out.size();
  if (n < 2 || out[n - 1] != 'i' || out[n - 2] != 's') return false;
  if (n > 2 && is_word_char(out[n - 3])) return false;
  if (next >= in.size()) return true;
  const auto c = static_cast<unsigned char>(in[next]);
  if (c < 0x80) return !is_word_char(static_cast<char>(c));
  std::uint32_t after = 0;  // a letter after it ("sín") makes another word
  return decode_utf8(in, next, after) == 0 || (fold_latin1(after) == 0 && after != 0xDF);
}

template <class Out>
void append_space(Out& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

// Where fold_text writes: a buffer sized to the input beforehand, because no folding makes text
// longer (a sequence of n bytes becomes at most n: "ß" is "ss", "…" is "...", "sí" is "sii").
// Offers what fold_sequence uses of std::string, without its capacity checks.
class Buffer {
 public:
  explicit Buffer(char* begin) : begin_(begin), end_(begin) {}
  bool empty() const { return end_ == begin_; }
  char back() const { return end_[-1]; }
  std::size_t size() const { return static_cast<std::size_t>(end_ - begin_); }
  operator std::string_view() const { return {begin_, size()}; }  // NOLINT: as std::string does
  void push_back(char c) { *end_++ = c; }
  // A folded ASCII byte, or 0 for a space that a space before it (or none) makes redundant.
  // Written without a branch: spaces come every few bytes, at no pattern a predictor learns.
  void push_ascii(char folded) {
    const bool keep = folded != 0 || (end_ != begin_ && end_[-1] != ' ');
    *end_ = folded != 0 ? folded : ' ';
    end_ += keep;
  }
  void append(std::string_view s) {
    std::memcpy(end_, s.data(), s.size());
    end_ += s.size();
  }
  Buffer& operator+=(std::string_view s) {
    append(s);
    return *this;
  }

 private:
  char* begin_;
  char* end_;
};

// Folds the non-ASCII sequence at in[i] into out (a letter, punctuation, raw bytes or a space)
// and returns where the next one starts; an invalid byte becomes a space.
template <class Out>
std::size_t fold_sequence(std::string_view in, std::size_t i, Out& out) {
  std::uint32_t cp = 0;
  const std::size_t len = decode_utf8(in, i, cp);
  if (len == 0) {
    append_space(out);
    return i + 1;
  }
  const std::size_t next = i + len;
  if (cp == 0xDF) {
    out += "ss";
  } else if (const char f = fold_latin1(cp)) {
    out.push_back(f);
    if (folds_affirmative_si(out, cp, in, next)) out.push_back('i');
  } else if (const char* p = fold_punctuation(cp)) {
    out += p;
  } else if (cp == 0xA0 || cp == 0xA1 || cp == 0xBF || (cp >= 0x2000 && cp <= 0x200B)) {
    append_space(out);  // no-break and typographic spaces, the Spanish opening marks
  } else {
    out.append(in.substr(i, len));
  }
  return next;
}

std::string fold_pattern(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  bool escaped = false;
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      ++i;
      if (escaped) {  // \S, \W, \B keep their meaning
        out.push_back(static_cast<char>(c));
        escaped = false;
      } else if (c == '\\') {
        out.push_back('\\');
        escaped = true;
      } else {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      }
      continue;
    }
    i = fold_sequence(in, i, out);
    escaped = false;
  }
  return out;
}

// ASCII folded: lower case, and 0 for white space and control characters (a space).
constexpr std::array<char, 128> kAsciiFold = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[static_cast<std::size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  for (int c = 0; c <= 0x20; ++c) t[static_cast<std::size_t>(c)] = 0;
  return t;
}();

// Quotation marks are not words: "'will hit'" must read as "will hit". An apostrophe between
// letters ("won't", "he'd") stays. Then runs of spaces become one, and none is left at the ends.
// In place: a byte is written at or before where it was read, and the byte before a quote is
// read as it was, or as the space a quote became (neither is a word character).
// (Through a pointer and a size held apart: a write through out[] could change the string's
// own size as far as the compiler knows, so it would read it again for every byte.)
void drop_quotes_and_spaces(std::string& out) {
  char* const p = out.data();
  const std::size_t size = out.size();
  std::size_t n = 0;
  for (std::size_t i = 0; i < size; ++i) {
    char c = p[i];
    if (c == '"' || (c == '\'' && !(i > 0 && i + 1 < size && is_word_char(p[i - 1]) &&
                                    is_word_char(p[i + 1])))) {
      c = ' ';
    }
    // Without a branch: a space after a space (or first) is written and not counted.
    p[n] = c;
    n += static_cast<std::size_t>(c != ' ' || (n != 0 && p[n - 1] != ' '));
  }
  while (n > 0 && p[n - 1] == ' ') --n;
  out.resize(n);
}

// The text side runs for every item before any pattern (issue #8), so ASCII, nearly all of
// news text, takes one table look-up a byte, written straight into the buffer; the rest is
// folded as patterns are.
std::string fold_text(std::string_view in) {
  std::string out(in.size(), '\0');
  Buffer buffer(out.data());
  for (std::size_t i = 0; i < in.size();) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      ++i;
      buffer.push_ascii(kAsciiFold[c]);
      continue;
    }
    i = fold_sequence(in, i, buffer);
  }
  out.resize(buffer.size());
  drop_quotes_and_spaces(out);
  return out;
}

}  // namespace

std::string normalize_text(std::string_view in) {
  return fold_text(in);
}

std::string normalize_pattern(std::string_view in) {
  return fold_pattern(in);
}

std::vector<int> word_index(std::string_view text) {
  std::vector<int> index(text.size() + 1);
  int words = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_word_char(text[i]) && (i == 0 || !is_word_char(text[i - 1]))) ++words;
    index[i] = words;
  }
  index[text.size()] = words;
  return index;
}

}  // namespace redline::topics_detail
