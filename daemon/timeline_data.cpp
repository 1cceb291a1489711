// Gathering the timeline's values: lanes, the axis and its ticks, numbers in fact values.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <tuple>

#include "daemon/timeline.h"

namespace redline {

namespace {

using std::chrono::days;
using std::chrono::hours;

// Lanes: the watchlist's topics in its order, then any other topic with data, by name.
std::vector<std::string> lanes(const std::vector<std::string>& order, const TimelineData& d) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& t : order) {
    if (seen.insert(t).second) out.push_back(t);
  }
  std::set<std::string> rest;
  for (const auto& m : d.marks) rest.insert(m.topic);
  for (const auto& e : d.events) rest.insert(e.topic);
  for (const auto& f : d.facts) rest.insert(f.topic);
  for (const auto& t : rest) {
    if (seen.insert(t).second) out.push_back(t);
  }
  return out;
}

// A fact's value in effect at `since` moves to `since`; earlier points go.
std::vector<TimelineFactPoint> clip_facts(std::vector<TimelineFactPoint> facts, Timestamp since,
                                          Timestamp until) {
  std::stable_sort(facts.begin(), facts.end(), [](const auto& a, const auto& b) {
    return std::tie(a.topic, a.fact, a.at) < std::tie(b.topic, b.fact, b.at);
  });
  std::vector<TimelineFactPoint> out;
  for (std::size_t i = 0; i < facts.size(); ++i) {
    auto p = facts[i];
    if (p.at > until) continue;
    const bool next_same = i + 1 < facts.size() && facts[i + 1].topic == p.topic &&
                           facts[i + 1].fact == p.fact;
    if (p.at < since) {
      if (next_same && facts[i + 1].at <= since) continue;  // superseded before the axis starts
      p.at = since;
    }
    out.push_back(std::move(p));
  }
  return out;
}

Timestamp earliest(const std::vector<TimelineMark>& marks, const std::vector<TimelineEvent>& events,
                   const std::vector<TimelineFactPoint>& facts, Timestamp fallback) {
  Timestamp t = fallback;
  for (const auto& m : marks) t = std::min(t, m.at);
  for (const auto& e : events) t = std::min(t, e.first_seen);
  for (const auto& f : facts) {
    if (f.at != Timestamp{}) t = std::min(t, f.at);  // epoch: "in effect before anything known"
  }
  return t;
}

Timestamp latest(const std::vector<TimelineMark>& marks, const std::vector<TimelineEvent>& events,
                 Timestamp fallback) {
  Timestamp t = fallback;
  for (const auto& m : marks) t = std::max(t, m.at);
  for (const auto& e : events) t = std::max(t, e.last_seen);
  return t;
}

std::string month_name(unsigned m) {
  static const char* const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return names[(m - 1) % 12];
}

std::string day_label(std::chrono::year_month_day ymd, bool with_year) {
  char buf[32];
  std::snprintf(buf, sizeof buf, with_year ? "%s %u, %d" : "%s %u",
                month_name(static_cast<unsigned>(ymd.month())).c_str(),
                static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()));
  return buf;
}

// Month ticks: the first of every `step` months.
std::vector<AxisTick> month_ticks(Timestamp from, Timestamp until, int step) {
  std::vector<AxisTick> out;
  const std::chrono::year_month_day start{std::chrono::floor<days>(from)};
  auto ym = start.year() / start.month();
  if (std::chrono::sys_days{ym / 1} < std::chrono::floor<days>(from)) ym += std::chrono::months{1};
  while ((static_cast<unsigned>(ym.month()) - 1) % step != 0) ym += std::chrono::months{1};
  for (;; ym += std::chrono::months{step}) {
    const Timestamp t{std::chrono::sys_days{ym / 1}};
    if (t > until) break;
    out.push_back({t, month_name(static_cast<unsigned>(ym.month())) + " " +
                          std::to_string(static_cast<int>(ym.year()))});
  }
  return out;
}

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string fact_figure(double v) {
  char buf[32];
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
  }
  return buf;
}

std::optional<double> fact_number(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size() && !std::isdigit(static_cast<unsigned char>(value[i]))) ++i;
  if (i == value.size()) return std::nullopt;
  double n = 0;
  for (; i < value.size(); ++i) {
    const char c = value[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      n = n * 10 + (c - '0');
    } else if (c == ',' && i + 3 < value.size() && digit(value[i + 1]) && digit(value[i + 2]) &&
               digit(value[i + 3])) {
      continue;  // "2,200": a thousands separator
    } else {
      break;
    }
  }
  if (i + 1 < value.size() && value[i] == '.' && std::isdigit(static_cast<unsigned char>(value[i + 1]))) {
    double scale = 0.1;
    for (++i; i < value.size() && std::isdigit(static_cast<unsigned char>(value[i])); ++i) {
      n += (value[i] - '0') * scale;
      scale /= 10;
    }
  }
  return n;
}

TimelineData make_timeline(const TimelineInput& input, std::vector<TimelineMark> marks,
                           std::vector<TimelineEvent> events, std::vector<TimelineFactPoint> facts) {
  TimelineData d;
  d.title = input.title;
  d.until = input.until ? *input.until : latest(marks, events, input.now);
  if (input.since) {
    d.from = *input.since;
  } else {
    const Timestamp first = earliest(marks, events, facts, d.until);
    d.from = first - std::max<std::chrono::seconds>(hours{12}, (d.until - first) / 50);
  }
  if (d.from >= d.until) d.from = d.until - days{1};
  for (auto& m : marks) {
    if (m.at >= d.from && m.at <= d.until) d.marks.push_back(std::move(m));
  }
  for (auto& e : events) {
    if (e.last_seen < d.from || e.first_seen > d.until) continue;
    e.first_seen = std::max(e.first_seen, d.from);
    e.last_seen = std::min(e.last_seen, d.until);
    d.events.push_back(std::move(e));
  }
  std::sort(d.marks.begin(), d.marks.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  d.facts = clip_facts(std::move(facts), d.from, d.until);
  d.topics = lanes(input.topic_order, d);
  return d;
}

std::vector<AxisTick> axis_ticks(Timestamp from, Timestamp until, int max_ticks) {
  max_ticks = std::max(max_ticks, 2);
  const auto span = until - from;
  static const int day_steps[] = {1, 2, 7, 14};
  for (int step : day_steps) {
    if (span / days{step} + 1 > max_ticks) continue;
    std::vector<AxisTick> out;
    auto day = std::chrono::ceil<days>(from);
    if (step == 7 || step == 14) {  // weeks start on Monday
      while (std::chrono::weekday{day} != std::chrono::Monday) day += days{1};
    }
    int last_year = 0;
    for (; Timestamp{day} <= until; day += days{step}) {
      const std::chrono::year_month_day ymd{day};
      const int year = static_cast<int>(ymd.year());
      out.push_back({Timestamp{day}, day_label(ymd, year != last_year)});
      last_year = year;
    }
    return out;
  }
  for (int step : {1, 3, 6, 12}) {
    if (span / days{31 * step} + 1 <= max_ticks || step == 12) return month_ticks(from, until, step);
  }
  return {};
}

}  // namespace redline
