// The digits-first date family: ISO 8601 calendar, ordinal and week dates in basic and
// extended form, the truncated forms feeds produce ("2003-12", "031231", "-03-12"), RFC 3339
// and W3CDTF times with fractions and offsets, and a space instead of the 'T'.
#include <chrono>
#include <string>
#include <vector>

#include "feeds/feed.h"

namespace redline {

bool parse_date_zone(std::string_view token, int& minutes);  // parse_dates.cpp

namespace {

struct Ymd {
  int year = 0, month = 1, day = 1, ordinal = 0;  // ordinal: day of the year, when given
  int week = 0, weekday = 1;                       // ISO week date, when given
};

bool digits_only(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int num(std::string_view s) { return std::stoi(std::string(s)); }

int widen_year(std::string_view digits) {
  const int y = num(digits);
  return digits.size() <= 2 ? (y < 69 ? 2000 + y : 1900 + y) : y;
}

std::vector<std::string_view> split_dash(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (true) {
    const std::size_t d = s.find('-', i);
    parts.push_back(s.substr(i, d == std::string_view::npos ? std::string_view::npos : d - i));
    if (d == std::string_view::npos) break;
    i = d + 1;
  }
  return parts;
}

bool read_week(std::string_view w, std::string_view d, Ymd& out) {
  if (w.size() != 3 || (w[0] != 'W' && w[0] != 'w') || !digits_only(w.substr(1))) return false;
  if (!d.empty() && (d.size() != 1 || !digits_only(d))) return false;
  out.week = num(w.substr(1));
  out.weekday = d.empty() ? 1 : num(d);
  return out.week >= 1 && out.week <= 53 && out.weekday >= 1 && out.weekday <= 7;
}

// A day of the year, "DDD". Day 000 does not exist (and 0 would read as "no ordinal given").
bool read_ordinal(std::string_view digits, Ymd& out) {
  out.ordinal = num(digits);
  return out.ordinal >= 1;
}

bool read_date(std::string_view s, Ymd& out) {
  if (!s.empty() && s[0] == '-') {  // "-YYMM" and "-YY-MM": year and month only
    const auto p = split_dash(s.substr(1));
    if (p.size() == 1 && p[0].size() == 4 && digits_only(p[0])) {
      out.year = widen_year(p[0].substr(0, 2));
      out.month = num(p[0].substr(2));
      return true;
    }
    if (p.size() == 2 && p[0].size() == 2 && p[1].size() == 2 && digits_only(p[0]) && digits_only(p[1])) {
      out.year = widen_year(p[0]);
      out.month = num(p[1]);
      return true;
    }
    return false;
  }
  const auto p = split_dash(s);
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (!digits_only(p[k]) && !(k == 1 && !p[k].empty() && (p[k][0] == 'W' || p[k][0] == 'w'))) return false;
  }
  if (p.size() == 1) {
    const auto& a = p[0];
    if (a.size() == 4) { out.year = num(a); return true; }
    if (a.size() == 8) { out.year = num(a.substr(0, 4)); out.month = num(a.substr(4, 2)); out.day = num(a.substr(6)); return true; }
    if (a.size() == 6) { out.year = widen_year(a.substr(0, 2)); out.month = num(a.substr(2, 2)); out.day = num(a.substr(4)); return true; }
    if (a.size() == 7) {
      out.year = num(a.substr(0, 4));
      return read_ordinal(a.substr(4), out);
    }
    // Five digits are ISO 8601's ordinal date with a two-digit year (YYDDD), or a year with a
    // digit too many, which W3CDTF readers (feedparser's among them) refuse ("22013"). Only a
    // leading zero settles it, since no one writes a year as 0YYYY: "03335" is day 335 of 2003.
    if (a.size() == 5 && a[0] == '0') {
      out.year = widen_year(a.substr(0, 2));
      return read_ordinal(a.substr(2), out);
    }
    return false;
  }
  if (p[0].size() != 4 && p[0].size() != 2) return false;
  out.year = widen_year(p[0]);
  if (!p[1].empty() && (p[1][0] == 'W' || p[1][0] == 'w')) return read_week(p[1], p.size() > 2 ? p[2] : "", out) && p.size() <= 3;
  if (p.size() == 2) {
    if (p[0].size() == 4 && p[1].size() == 2) { out.month = num(p[1]); return true; }
    if (p[0].size() == 4 && p[1].size() == 3) return read_ordinal(p[1], out);
    return false;
  }
  if (p.size() != 3) return false;
  const bool month_ok = p[1].size() == 2 || (p[1].size() == 3 && p[1][0] == '0');
  if (!month_ok || p[2].size() != 2 || p[0].size() != (p[0].size() == 2 ? 2u : 4u)) return false;
  out.month = num(p[1]);
  out.day = num(p[2]);
  return true;
}

// "10:14:55.1234", "10:14", "101455"; then an optional zone. False on anything left over.
bool read_time(std::string_view s, int& h, int& m, int& sec, int& zone) {
  std::size_t i = 0;
  auto two = [&](int& v) {
    if (i + 2 > s.size() || !digits_only(s.substr(i, 2))) return false;
    v = num(s.substr(i, 2));
    i += 2;
    return true;
  };
  if (!two(h)) return false;
  const bool extended = i < s.size() && s[i] == ':';
  if (extended) ++i;
  if (!two(m)) return false;
  if (i < s.size() && (s[i] == ':' || (!extended && s[i] >= '0' && s[i] <= '9'))) {
    if (s[i] == ':') ++i;
    if (!two(sec)) return false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && !parse_date_zone(s.substr(i), zone)) return false;
  if (h == 24 && (m || sec)) return false;
  return h <= 24 && m <= 59 && sec <= 60;
}

std::optional<Timestamp> to_timestamp(const Ymd& d) {
  using namespace std::chrono;
  if (d.year < 1 || d.year > 9999) return std::nullopt;
  if (d.week) {  // ISO week 1 holds the year's first Thursday
    const sys_days jan4{year{d.year} / January / 4};
    const weekday wd{jan4};
    const sys_days week1_monday = jan4 - days{(wd.iso_encoding() - 1)};
    return Timestamp{week1_monday + days{(d.week - 1) * 7 + d.weekday - 1}};
  }
  if (d.ordinal) {
    const int max = year{d.year}.is_leap() ? 366 : 365;
    if (d.ordinal < 1 || d.ordinal > max) return std::nullopt;
    return Timestamp{sys_days{year{d.year} / January / 1} + days{d.ordinal - 1}};
  }
  const year_month_day ymd{year{d.year}, month{unsigned(d.month)}, day{unsigned(d.day)}};
  if (!ymd.ok()) return std::nullopt;
  return Timestamp{sys_days{ymd}};
}

}  // namespace

std::optional<Timestamp> parse_iso_date(std::string_view s) {
  std::size_t split = s.find_first_of("Tt ");
  const std::string_view date_part = s.substr(0, split);
  Ymd ymd;
  if (!read_date(date_part, ymd)) return std::nullopt;
  auto day = to_timestamp(ymd);
  if (!day) return std::nullopt;
  if (split == std::string_view::npos) return day;
  std::string_view rest = s.substr(split + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty()) return day;
  int h = 0, m = 0, sec = 0, zone = 0;
  if (!read_time(rest, h, m, sec, zone)) return std::nullopt;
  return *day + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec} -
         std::chrono::minutes{zone};
}

}  // namespace redline
