#include "topics/text.h"

#include <cstdint>

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
bool folds_affirmative_si(const std::string& out, std::uint32_t cp, std::string_view in,
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

void append_space(std::string& out) {
  if (!out.empty() && out.back() != ' ') out.push_back(' ');
}

std::string fold(std::string_view in, bool pattern) {
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
      } else if (pattern && c == '\\') {
        out.push_back('\\');
        escaped = true;
      } else if (!pattern && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                              c == '\v' || c < 0x20)) {
        append_space(out);
      } else {
        out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      }
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t len = decode_utf8(in, i, cp);
    if (len == 0) {
      append_space(out);
      ++i;
      continue;
    }
    i += len;
    escaped = false;
    if (cp == 0xDF) {
      out += "ss";
    } else if (const char f = fold_latin1(cp)) {
      out.push_back(f);
      if (folds_affirmative_si(out, cp, in, i)) out.push_back('i');
    } else if (const char* p = fold_punctuation(cp)) {
      out += p;
    } else if (cp == 0xA0 || cp == 0xA1 || cp == 0xBF || (cp >= 0x2000 && cp <= 0x200B)) {
      append_space(out);  // no-break and typographic spaces, the Spanish opening marks
    } else {
      out.append(in.substr(i - len, len));
    }
  }
  if (!pattern) {
    // Quotation marks are not words: "'will hit'" must read as "will hit". An apostrophe
    // between letters ("won't", "he'd") stays.
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] != '"' && out[i] != '\'') continue;
      const bool apostrophe = out[i] == '\'' && i > 0 && i + 1 < out.size() &&
                              is_word_char(out[i - 1]) && is_word_char(out[i + 1]);
      if (!apostrophe) out[i] = ' ';
    }
    std::string collapsed;
    collapsed.reserve(out.size());
    for (char c : out) {
      if (c != ' ' || (!collapsed.empty() && collapsed.back() != ' ')) collapsed.push_back(c);
    }
    out.swap(collapsed);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  }
  return out;
}

}  // namespace

std::string normalize_text(std::string_view in) {
  return fold(in, false);
}

std::string normalize_pattern(std::string_view in) {
  return fold(in, true);
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
