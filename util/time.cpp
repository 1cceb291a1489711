#include "util/time.h"

#include <cctype>

namespace redline {

Timestamp now_utc() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string format_rfc3339(Timestamp t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  // Digits written in place: every stored row carries timestamps, and snprintf was a visible
  // share of the database thread in a cold poll. The year is "%04d": at least four digits,
  // zeros after a minus sign.
  const int year = int(ymd.year());
  std::string out = std::to_string(year);
  if (out.size() < 4) out.insert(year < 0 ? 1 : 0, 4 - out.size(), '0');
  const std::size_t y = out.size();
  out += "-00-00T00:00:00Z";
  auto put = [&out](std::size_t at, unsigned value) {
    out[at] = char('0' + value / 10);
    out[at + 1] = char('0' + value % 10);
  };
  put(y + 1, unsigned(ymd.month()));
  put(y + 4, unsigned(ymd.day()));
  put(y + 7, unsigned(hms.hours().count()));
  put(y + 10, unsigned(hms.minutes().count()));
  put(y + 13, unsigned(hms.seconds().count()));
  return out;
}

namespace {

// Reads exactly n digits at pos; -1 when they are not there.
int read_digits(std::string_view s, size_t& pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

}  // namespace

std::optional<Timestamp> parse_iso8601(std::string_view s) {
  using namespace std::chrono;
  size_t p = 0;
  const int y = read_digits(s, p, 4);
  if (y < 0 || p >= s.size() || s[p++] != '-') return std::nullopt;
  const int mo = read_digits(s, p, 2);
  if (mo < 0 || p >= s.size() || s[p++] != '-') return std::nullopt;
  const int d = read_digits(s, p, 2);
  if (d < 0) return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  int h = 0, mi = 0, sec = 0;
  long offset = 0;
  if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
    ++p;
    h = read_digits(s, p, 2);
    if (h < 0 || p >= s.size() || s[p++] != ':') return std::nullopt;
    mi = read_digits(s, p, 2);
    if (mi < 0) return std::nullopt;
    if (p < s.size() && s[p] == ':') {
      ++p;
      sec = read_digits(s, p, 2);
      if (sec < 0) return std::nullopt;
      if (p < s.size() && s[p] == '.') {
        ++p;
        while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
      }
    }
    if (p < s.size() && (s[p] == 'Z' || s[p] == 'z')) {
      ++p;
    } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
      const int sign = s[p++] == '-' ? -1 : 1;
      const int oh = read_digits(s, p, 2);
      if (oh < 0) return std::nullopt;
      if (p < s.size() && s[p] == ':') ++p;
      const int om = read_digits(s, p, 2);
      if (om < 0) return std::nullopt;
      offset = sign * (oh * 3600L + om * 60L);
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  return Timestamp{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{sec} - seconds{offset};
}

Result<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return make_error("empty duration");
  long long total = 0;
  size_t p = 0;
  while (p < text.size()) {
    long long n = 0;
    const size_t start = p;
    while (p < text.size() && std::isdigit(static_cast<unsigned char>(text[p]))) {
      n = n * 10 + (text[p] - '0');
      if (n > 100LL * 365 * 86400) return make_error("duration too long: \"" + std::string(text) + "\"");
      ++p;
    }
    if (p == start) return make_error("bad duration \"" + std::string(text) + "\" (use e.g. 90s, 10m, 6h, 1d)");
    long long unit = 1;
    if (p < text.size()) {
      switch (text[p]) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        default:
          return make_error("bad duration unit in \"" + std::string(text) + "\" (use s, m, h or d)");
      }
      ++p;
    } else if (start != 0) {
      return make_error("bad duration \"" + std::string(text) + "\": number without unit");
    }
    total += n * unit;
  }
  return std::chrono::seconds{total};
}

std::string format_duration(std::chrono::seconds d) {
  long long s = d.count();
  if (s == 0) return "0s";
  std::string out;
  if (s < 0) { out = "-"; s = -s; }
  const std::pair<long long, char> units[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'}};
  for (auto [size, name] : units) {
    if (s >= size) {
      out += std::to_string(s / size) + name;
      s %= size;
    }
  }
  return out;
}

}  // namespace redline
