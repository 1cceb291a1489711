// The timeline as a terminal chart. Each topic is a row of cells, one per day (or week, or
// month, or more days when the range is long) showing the strongest stance reported in it;
// a numeric fact is a row under its topic with each new value written where it took effect.
// Plain ASCII for the chart itself, so it survives any terminal, pager or log.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "daemon/output.h"
#include "daemon/timeline.h"

namespace redline {

namespace {

using std::chrono::days;

constexpr std::size_t kMaxLabel = 20;

struct Grid {
  Timestamp from;
  std::chrono::seconds bucket;
  std::size_t columns;
  std::string unit;  // what one column is, for the legend

  std::size_t column(Timestamp t) const {
    if (t <= from) return 0;
    return std::min(columns - 1, static_cast<std::size_t>((t - from) / bucket));
  }
};

// The smallest of day, week, month (30 days) whose columns fit; else as many days as needed.
Grid make_grid(const TimelineData& d, std::size_t available) {
  const auto start = std::chrono::floor<days>(d.from);
  const auto span = d.until - Timestamp{start};
  struct Choice {
    int days;
    const char* unit;
  };
  for (const Choice c : {Choice{1, "1 day"}, Choice{7, "1 week"}, Choice{30, "30 days"}}) {
    const auto bucket = std::chrono::duration_cast<std::chrono::seconds>(days{c.days});
    const auto n = static_cast<std::size_t>(span / bucket) + 1;
    if (n <= available) return {Timestamp{start}, bucket, n, c.unit};
  }
  const auto per = static_cast<int>(span / days{1} / static_cast<long>(available)) + 1;
  const auto bucket = std::chrono::duration_cast<std::chrono::seconds>(days{per});
  return {Timestamp{start}, bucket, static_cast<std::size_t>(span / bucket) + 1,
          std::to_string(per) + " days"};
}

int strength(char c) { return c == '#' ? 3 : c == 'x' ? 2 : c == 'o' ? 1 : 0; }

char symbol(const std::string& stance) {
  return stance == "action" ? '#' : stance == "denial" ? 'x' : 'o';
}

std::string pad(const std::string& s, std::size_t width) {
  std::string out = fit(printable(s), width);
  std::size_t cols = 0;
  for (unsigned char c : out) cols += (c & 0xC0) != 0x80;
  return out + std::string(width > cols ? width - cols : 0, ' ');
}

std::string topic_row(const TimelineData& d, const std::string& topic, const Grid& g) {
  std::string cells(g.columns, '.');
  for (const auto& e : d.events) {  // an event's span shows even between its reports
    if (e.topic != topic) continue;
    for (auto c = g.column(e.first_seen); c <= g.column(e.last_seen); ++c) {
      if (cells[c] == '.') cells[c] = '-';
    }
  }
  for (const auto& m : d.marks) {
    if (m.topic != topic) continue;
    char& cell = cells[g.column(m.at)];
    if (strength(symbol(m.stance)) > strength(cell)) cell = symbol(m.stance);
  }
  return cells;
}

// A fact row: "2200------3700-----10000" with each value at the column it took effect.
std::string fact_row(const std::vector<const TimelineFactPoint*>& points, const Grid& g) {
  std::string cells(g.columns, ' ');
  std::size_t next_free = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::size_t col = std::max(next_free, g.column(points[i]->at));
    const std::size_t end = i + 1 < points.size() ? g.column(points[i + 1]->at) : g.columns;
    const std::string v = fact_figure(points[i]->value);
    for (std::size_t c = col; c < g.columns && c < std::max(end, col + v.size()); ++c) {
      cells[c] = c - col < v.size() ? v[c - col] : '-';
    }
    next_free = col + v.size();
  }
  return cells;
}

std::string axis_rows(const TimelineData& d, const Grid& g, std::size_t indent) {
  std::string line(g.columns, '-'), labels(g.columns, ' ');
  std::size_t free_from = 0;
  for (const auto& t : axis_ticks(d.from, d.until, static_cast<int>(g.columns / 10) + 1)) {
    const std::size_t c = g.column(t.at);
    if (t.at < g.from || c < free_from || c + t.label.size() > g.columns) continue;
    line[c] = '+';
    labels.replace(c, t.label.size(), t.label);
    free_from = c + t.label.size() + 2;
  }
  while (!labels.empty() && labels.back() == ' ') labels.pop_back();
  const std::string margin(indent, ' ');
  return margin + line + "\n" + margin + labels + "\n";
}

std::string counts(const TimelineData& d, const std::string& topic) {
  int a = 0, r = 0, n = 0, e = 0, sources = 0;
  for (const auto& m : d.marks) {
    if (m.topic != topic) continue;
    a += m.stance == "action";
    r += m.stance == "rhetoric";
    n += m.stance == "denial";
  }
  for (const auto& ev : d.events) {
    if (ev.topic != topic) continue;
    ++e;
    sources = std::max(sources, ev.sources);
  }
  return std::to_string(a) + " action, " + std::to_string(r) + " rhetoric, " + std::to_string(n) +
         " denial; " + std::to_string(e) + (e == 1 ? " event" : " events") +
         (e ? ", at most " + std::to_string(sources) + (sources == 1 ? " source" : " sources") : "");
}

}  // namespace

std::string render_timeline_text(const TimelineData& d, int width) {
  const std::string title = printable(d.title.empty() ? "redline timeline" : d.title);
  if (d.empty() || d.topics.empty()) {
    return title + "\nno matched items yet (the database has no classified matches in this range)\n";
  }
  std::size_t label = 0;
  for (const auto& t : d.topics) label = std::max(label, std::min(kMaxLabel, t.size()));
  for (const auto& f : d.facts) label = std::max(label, std::min(kMaxLabel, f.fact.size() + 2));
  const std::size_t indent = label + 1;
  const Grid g = make_grid(d, static_cast<std::size_t>(std::max(20, width - static_cast<int>(indent) - 1)));

  std::string out = title + "\n" + short_time(d.from) + " to " + short_time(d.until) + " UTC\n";
  out += "legend: # action  x denial  o rhetoric  - event under way  . nothing;"
         " one column = " + g.unit + "\n\n";
  for (const auto& topic : d.topics) {
    out += pad(topic, label) + " " + topic_row(d, topic, g) + "\n";
    std::map<std::string, std::vector<const TimelineFactPoint*>> by_fact;
    for (const auto& f : d.facts) {
      if (f.topic == topic) by_fact[f.fact].push_back(&f);
    }
    for (const auto& [fact, points] : by_fact) {
      out += pad("  " + fact, label) + " " + fact_row(points, g) + "\n";
    }
  }
  out += axis_rows(d, g, indent) + "\n";
  for (const auto& topic : d.topics) out += printable(topic) + ": " + counts(d, topic) + "\n";
  return out;
}

}  // namespace redline
