// Lenient feed dates. Two families: ISO 8601 / RFC 3339 / W3CDTF (digits first) and RFC 822 /
// 2822 / asctime and their real-world variants (words first). The RFC 822 reader classifies
// tokens (weekday, month, number, time, zone) instead of matching fixed layouts, so missing
// weekdays, swapped day and month, a year after the time and stray commas all read the same.
#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <unordered_map>

#include "feeds/feed.h"
#include "feeds/parse_internal.h"

namespace redline {

std::optional<Timestamp> parse_iso_date(std::string_view s);  // parse_dates_iso.cpp
bool parse_date_zone(std::string_view token, int& minutes);

namespace {

struct ZoneName {
  const char* name;
  int minutes;
};

constexpr ZoneName kZones[] = {
    {"ut", 0},        {"utc", 0},       {"gmt", 0},       {"z", 0},         {"etc/gmt", 0},
    {"etc/utc", 0},   {"est", -300},    {"edt", -240},    {"cst", -360},    {"cdt", -300},
    {"mst", -420},    {"mdt", -360},    {"pst", -480},    {"pdt", -420},    {"ast", -240},
    {"adt", -180},    {"at", -240},     {"et", -300},     {"ct", -360},     {"mt", -420},
    {"pt", -480},     {"akst", -540},   {"akdt", -480},   {"hst", -600},    {"nst", -210},
    {"ndt", -150},    {"bst", 60},      {"ist", 60},      {"wet", 0},       {"west", 60},
    {"cet", 60},      {"cest", 120},    {"met", 60},      {"mest", 120},    {"mez", 60},
    {"mesz", 120},    {"eet", 120},     {"eest", 180},    {"msk", 180},     {"jst", 540},
    {"kst", 540},     {"hkt", 480},     {"sgt", 480},     {"awst", 480},    {"acst", 570},
    {"acdt", 630},    {"aest", 600},    {"aedt", 660},    {"nzst", 720},    {"nzdt", 780}};

// Month names and the abbreviations feeds use, in English, German, French, Spanish, Italian,
// Dutch and Portuguese (lower case, accents as UTF-8). Index + 1 is the month.
constexpr std::array<const char*, 12> kMonthNames[] = {
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"},
    {"januar", "februar", "m\xc3\xa4rz", "april", "mai", "juni", "juli", "august", "september",
     "oktober", "november", "dezember"},
    {"jan", "feb", "m\xc3\xa4r", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"},
    {"janv", "f\xc3\xa9vr", "mars", "avr", "mai", "juin", "juil", "ao\xc3\xbbt", "sept", "oct",
     "nov", "d\xc3\xa9" "c"},
    {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"},
    {"gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"},
    {"jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"},
    {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}};

constexpr const char* kWeekdays[] = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs", "mo", "di", "mi", "do",
    "fr", "sa", "so", "lun", "mar", "mer", "jeu", "ven", "sam", "dim"};

// Month and weekday names in one hash map, built once: month number, or 0 for a weekday.
const std::unordered_map<std::string, int>& name_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, int>;
    for (const char* w : kWeekdays) t->emplace(w, 0);
    for (const auto& names : kMonthNames) {
      for (int m = 0; m < 12; ++m) (*t)[names[m]] = m + 1;  // "mar" is March, not mardi
    }
    return t;
  }();
  return *table;
}

// -1 when the token is neither a month nor a weekday.
int name_lookup(std::string_view token) {
  if (token.size() > 12) return -1;
  std::string t = ascii_lower(token);
  if (!t.empty() && t.back() == '.') t.pop_back();
  const auto& table = name_table();
  const auto it = table.find(t);
  return it == table.end() ? -1 : it->second;
}

int month_of(std::string_view token) { return std::max(name_lookup(token), 0); }

bool is_weekday(std::string_view token) { return name_lookup(token) == 0; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// "+0100", "-01:01", "+01", "-5"; false when it is not an offset.
bool parse_offset(std::string_view s, int& minutes) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return false;
  const int sign = s[0] == '-' ? -1 : 1;
  std::string digits;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':' && i == 3 && s.size() == 6) continue;
    if (s[i] < '0' || s[i] > '9') return false;
    digits += s[i];
  }
  int h, m = 0;
  if (digits.size() <= 2) h = std::stoi(digits);
  else if (digits.size() == 4) { h = std::stoi(digits.substr(0, 2)); m = std::stoi(digits.substr(2)); }
  else return false;
  if (h > 14 || m > 59) return false;
  minutes = sign * (h * 60 + m);
  return true;
}

}  // namespace

// A zone token: a numeric offset, a name (GMT, EST, CEST, ...), GMT+hh, a military letter.
bool parse_date_zone(std::string_view token, int& minutes) {
  if (parse_offset(token, minutes)) return true;
  if (token.size() > 12) return false;
  std::string t = ascii_lower(token);
  if (t.size() > 1 && t.front() == '(' && t.back() == ')') t = t.substr(1, t.size() - 2);
  for (const auto& z : kZones) {
    if (t == z.name) { minutes = z.minutes; return true; }
  }
  for (const char* prefix : {"etc/gmt", "gmt", "utc", "ut"}) {  // "GMT-01:01", "UTC+2"
    const std::string_view p(prefix);
    if (t.size() > p.size() && t.compare(0, p.size(), p) == 0 && parse_offset(t.substr(p.size()), minutes))
      return true;
  }
  if (t.size() == 1 && t[0] >= 'a' && t[0] <= 'y' && t[0] != 'j') {  // military letters
    const char c = t[0];
    minutes = c <= 'i' ? (c - 'a' + 1) * 60 : c <= 'm' ? (c - 'a') * 60 : -(c - 'n' + 1) * 60;
    return true;
  }
  return false;
}

namespace {

// "16:31:00", "16:31", "1:02:03"; false on anything else.
bool parse_clock(std::string_view s, int& h, int& m, int& sec) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j == i || j - i > 2 || n == 3) return false;
    parts[n++] = std::stoi(std::string(s.substr(i, j - i)));
    if (j == s.size()) break;
    if (s[j] != ':') return false;
    i = j + 1;
  }
  if (n < 2) return false;
  h = parts[0]; m = parts[1]; sec = parts[2];
  return h <= 24 && m <= 59 && sec <= 60;
}

std::optional<Timestamp> make_time(int y, int mo, int d, int h, int mi, int s, int offset_min) {
  using namespace std::chrono;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Timestamp{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} - minutes{offset_min};
}

std::vector<std::string_view> tokens_of(std::string_view s, std::string& buffer) {
  buffer.assign(s);
  for (char& c : buffer) {
    if (c == ',') c = ' ';
  }
  std::vector<std::string_view> tokens;
  std::string_view b = buffer;
  std::size_t i = 0;
  while (i < b.size()) {
    while (i < b.size() && std::isspace(static_cast<unsigned char>(b[i]))) ++i;
    std::size_t j = i;
    while (j < b.size() && !std::isspace(static_cast<unsigned char>(b[j]))) ++j;
    if (j > i) tokens.push_back(b.substr(i, j - i));
    i = j;
  }
  return tokens;
}

std::optional<Timestamp> parse_rfc822_family(std::string_view s) {
  std::string buffer;
  const auto tokens = tokens_of(s, buffer);
  int month = 0, h = 0, mi = 0, sec = 0, zone = 0;
  bool have_time = false, have_zone = false;
  std::vector<std::string_view> numbers;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view t = tokens[k];
    if (all_digits(t)) {
      numbers.push_back(t);
    } else if (!have_time && t.find(':') != std::string_view::npos && t[0] >= '0' && t[0] <= '9') {
      if (!parse_clock(t, h, mi, sec)) return std::nullopt;
      have_time = true;
    } else if (const int m = month == 0 ? month_of(t) : 0; m != 0) {
      month = m;
    } else if (k == 0 && is_weekday(t)) {
      continue;
    } else if (!have_zone && parse_date_zone(t, zone)) {
      have_zone = true;
    } else if (have_time && !have_zone && (t == "am" || t == "AM" || t == "pm" || t == "PM")) {
      if ((t[0] | 0x20) == 'p' && h < 12) h += 12;
      if ((t[0] | 0x20) == 'a' && h == 12) h = 0;
    } else {
      return std::nullopt;
    }
  }
  if (month == 0 || numbers.size() != 2) return std::nullopt;
  std::string_view day_token = numbers[0], year_token = numbers[1];
  if (day_token.size() > 2) std::swap(day_token, year_token);
  if (day_token.size() > 2 || year_token.size() > 4) return std::nullopt;
  const int day = std::stoi(std::string(day_token));
  int year = std::stoi(std::string(year_token));
  if (year_token.size() <= 2) year += year < 69 ? 2000 : 1900;
  if (h == 24) { if (mi || sec) return std::nullopt; }
  return make_time(year, month, day, h, mi, sec, zone);
}

// Digits at s[at, at + n) as a number; false when any is not a digit.
bool digits_at(std::string_view s, std::size_t at, std::size_t n, int& value) {
  value = 0;
  for (std::size_t k = at; k < at + n; ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
    value = value * 10 + (s[k] - '0');
  }
  return true;
}

// "HH:MM:SS" at s[at]; hours 0-23 only (24:00:00 is left to the general readers).
bool clock_at(std::string_view s, std::size_t at, int& h, int& m, int& sec) {
  return digits_at(s, at, 2, h) && s[at + 2] == ':' && digits_at(s, at + 3, 2, m) && s[at + 5] == ':' &&
         digits_at(s, at + 6, 2, sec) && h <= 23 && m <= 59 && sec <= 60;
}

// "+hhmm" (colon at s[at + 3] when `colon`) as minutes east; false when out of range.
bool offset_at(std::string_view s, std::size_t at, bool colon, int& minutes) {
  int h, m;
  if ((s[at] != '+' && s[at] != '-') || !digits_at(s, at + 1, 2, h) || (colon && s[at + 3] != ':') ||
      !digits_at(s, at + (colon ? 4 : 3), 2, m) || h > 14 || m > 59)
    return false;
  minutes = (s[at] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

// The two layouts nearly every feed writes, read without the general readers' tokenizing:
// RFC 822 "Mon, 20 Oct 2025 22:36:46 +0000" (or GMT/UTC) and RFC 3339
// "2025-10-20T22:36:46Z" (or +hh:mm). nullopt means "not this layout, or not a valid date":
// the general readers then decide, so a date reads exactly as it would without this path.
std::optional<Timestamp> common_layout(std::string_view s) {
  int y, mo, d, h, mi, sec, zone = 0;
  if ((s.size() == 31 || s.size() == 29) && s.substr(3, 2) == ", " && s[7] == ' ' && s[11] == ' ' &&
      s[16] == ' ' && s[25] == ' ') {
    if (name_lookup(s.substr(0, 3)) != 0 || !digits_at(s, 5, 2, d) || !digits_at(s, 12, 4, y) ||
        !clock_at(s, 17, h, mi, sec))
      return std::nullopt;
    mo = name_lookup(s.substr(8, 3));
    const std::string_view z = s.substr(26);
    const bool zone_ok = z == "GMT" || z == "UTC" || (z.size() == 5 && offset_at(s, 26, false, zone));
    if (mo < 1 || !zone_ok) return std::nullopt;
    return make_time(y, mo, d, h, mi, sec, zone);
  }
  if ((s.size() == 20 || s.size() == 25) && s[4] == '-' && s[7] == '-' && s[10] == 'T') {
    if (!digits_at(s, 0, 4, y) || !digits_at(s, 5, 2, mo) || !digits_at(s, 8, 2, d) || y < 1 ||
        !clock_at(s, 11, h, mi, sec))
      return std::nullopt;
    if (s.size() == 20 ? s[19] != 'Z' : !offset_at(s, 19, true, zone)) return std::nullopt;
    return make_time(y, mo, d, h, mi, sec, zone);
  }
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<Timestamp> parse_feed_date(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty() || s.size() > 100) return std::nullopt;
  if (auto t = common_layout(s)) return t;
  if ((s[0] >= '0' && s[0] <= '9') || s[0] == '-') {
    if (auto t = parse_iso_date(s)) return t;
  }
  return parse_rfc822_family(s);
}

}  // namespace redline
