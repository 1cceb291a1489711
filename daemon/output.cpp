#include "daemon/output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace redline {

int terminal_width(int fallback) {
  if (const char* c = std::getenv("COLUMNS")) {
    const int n = std::atoi(c);
    if (n >= 40) return n;
  }
  winsize ws{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40) {
    return ws.ws_col;
  }
  return fallback;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  return out;
}

namespace {

std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string fit(std::string_view text, std::size_t width) {
  if (columns(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t cols = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) {
      if (cols + 1 == width) break;
      ++cols;
    }
    out += text[i];
  }
  return out + "\xE2\x80\xA6";  // …
}

void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows, int width) {
  const std::size_t n = header.size();
  std::vector<std::size_t> w(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = columns(header[i]);
  for (const auto& r : rows) {
    for (std::size_t i = 0; i + 1 < n && i < r.size(); ++i) w[i] = std::max(w[i], columns(printable(r[i])));
  }
  std::size_t used = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    w[i] = std::min<std::size_t>(w[i], 40);
    used += w[i] + 2;
  }
  w[n - 1] = static_cast<std::size_t>(std::max<int>(20, width - static_cast<int>(used)));
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
      const std::string cell = fit(printable(i < cells.size() ? cells[i] : ""), w[i]);
      out += cell;
      if (i + 1 < n) out += std::string(w[i] - columns(cell) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::printf("%s\n", out.c_str());
  };
  line(header);
  for (const auto& r : rows) line(r);
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    std::string cell = cells[i];
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos) {
      cell.insert(cell.begin(), '\'');
    }
    if (cell.find_first_of(",\"\r\n") != std::string::npos) {
      std::string q = "\"";
      for (char c : cell) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      cell = q + "\"";
    }
    out += cell;
  }
  return out;
}

std::string short_time(std::optional<Timestamp> t) {
  if (!t) return "-";
  std::string s = format_rfc3339(*t);  // 2025-03-01T14:05:00Z
  return s.substr(0, 10) + " " + s.substr(11, 5);
}

bool colour_stdout() {
  const char* no_colour = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) && (no_colour == nullptr || *no_colour == '\0');
}

namespace {

enum class DiffKind { same, removed, added };

struct DiffWord {
  DiffKind kind;
  std::string text;
};

// Splits "[-old words-]{+new words+}" markup into words tagged with what happened to them. An
// opening mark without its closing one is ordinary text.
std::vector<DiffWord> diff_words(std::string_view diff) {
  std::vector<DiffWord> out;
  auto add_words = [&](std::string_view text, DiffKind kind) {
    const std::string clean = printable(text);
    std::size_t i = 0;
    while (i < clean.size()) {
      const auto start = clean.find_first_not_of(' ', i);
      if (start == std::string::npos) break;
      const auto end = std::min(clean.find(' ', start), clean.size());
      out.push_back({kind, clean.substr(start, end - start)});
      i = end;
    }
  };
  std::size_t i = 0;
  while (i < diff.size()) {
    const auto del = diff.find("[-", i), ins = diff.find("{+", i);
    const auto open = std::min(del, ins);
    if (open == std::string_view::npos) break;
    const bool removed = open == del;
    const auto close = diff.find(removed ? "-]" : "+}", open + 2);
    if (close == std::string_view::npos) break;
    add_words(diff.substr(i, open - i), DiffKind::same);
    add_words(diff.substr(open + 2, close - open - 2), removed ? DiffKind::removed : DiffKind::added);
    i = close + 2;
  }
  add_words(diff.substr(std::min(i, diff.size())), DiffKind::same);
  return out;
}

// One word as shown: coloured, or inside markup that opens at the first word of a run of
// removed (added) words and closes at its last.
std::string styled(const std::vector<DiffWord>& words, std::size_t k, bool colour) {
  const DiffWord& w = words[k];
  if (w.kind == DiffKind::same) return w.text;
  const bool removed = w.kind == DiffKind::removed;
  if (colour) return (removed ? "\x1b[31m" : "\x1b[32m") + w.text + "\x1b[0m";
  const bool opens = k == 0 || words[k - 1].kind != w.kind;
  const bool closes = k + 1 == words.size() || words[k + 1].kind != w.kind;
  return (opens ? (removed ? "[-" : "{+") : "") + w.text + (closes ? (removed ? "-]" : "+}") : "");
}

}  // namespace

std::string render_word_diff(std::string_view diff, bool colour, int width, int indent) {
  const std::string margin(static_cast<std::size_t>(std::max(indent, 0)), ' ');
  const std::size_t room = static_cast<std::size_t>(std::max(width - indent, 20));
  const auto words = diff_words(diff);
  std::string out = margin;
  std::size_t used = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string shown = styled(words, k, colour);
    const std::size_t cols = colour ? columns(words[k].text) : columns(shown);
    if (used > 0 && used + 1 + cols > room) {
      out += "\n" + margin;
      used = 0;
    } else if (used > 0) {
      out += ' ';
      ++used;
    }
    out += shown;
    used += cols;
  }
  return out;
}

std::optional<Timestamp> parse_when(std::string_view text, Timestamp now) {
  if (auto t = parse_iso8601(text)) return t;
  if (auto d = parse_duration(text); d && !text.empty() && !std::isdigit(static_cast<unsigned char>(text.back()))) {
    return now - *d;
  }
  return std::nullopt;
}

}  // namespace redline
