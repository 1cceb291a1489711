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

std::optional<Timestamp> parse_when(std::string_view text, Timestamp now) {
  if (auto t = parse_iso8601(text)) return t;
  if (auto d = parse_duration(text); d && !text.empty() && !std::isdigit(static_cast<unsigned char>(text.back()))) {
    return now - *d;
  }
  return std::nullopt;
}

}  // namespace redline
