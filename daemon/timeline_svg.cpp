// The timeline as a standalone SVG 1.1 document. Layout, top to bottom: title, legend, one lane
// per topic (events as bars with their source counts, then a row of marks per stance, the
// numeric facts as a step line), the date axis. Only numbers and our own constants go into
// attributes; every text from the data goes through xml_escape into element content.
#include <algorithm>
#include <cstdio>
#include <map>

#include "daemon/output.h"
#include "daemon/timeline.h"

namespace redline {

namespace {

constexpr int kLabelWidth = 150;  // topic names and counts, left of the plot
constexpr int kRightMargin = 40;
constexpr int kTop = 78;          // below the title and the legend
constexpr int kLaneHeight = 96;
constexpr int kAxisHeight = 44;

constexpr char32_t kReplacement = 0xFFFFFFFF;

// Decodes one UTF-8 code point at `i` and advances past it; kReplacement for a byte sequence
// that is not valid UTF-8 (overlong, surrogate, truncated, past U+10FFFF), skipping one byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  const int len = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
  if (len == 0 || (len == 3 && b0 > 0xEF) || i + len > s.size()) {
    ++i;
    return kReplacement;
  }
  char32_t c = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    c = (c << 6) | (b & 0x3F);
  }
  static const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < min_for_len[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += len;
  return c;
}

const char* stance_colour(const std::string& stance) {
  if (stance == "action") return "#d62728";
  if (stance == "denial") return "#1f77b4";
  return "#888888";
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Plot {
  double x0, x1;  // the plot's horizontal extent
  Timestamp from, until;

  double x(Timestamp t) const {
    const double span = static_cast<double>((until - from).count());
    const double f = span > 0 ? static_cast<double>((t - from).count()) / span : 0;
    return x0 + std::clamp(f, 0.0, 1.0) * (x1 - x0);
  }
};

std::string text_el(double x, double y, std::string_view content, const char* attrs = "") {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + attrs + ">" + xml_escape(content) +
         "</text>\n";
}

// One mark: rhetoric a hollow grey circle, action a solid red one, denial a blue crossed circle.
std::string mark_shape(const std::string& stance, double x, double y, std::string_view tooltip) {
  const std::string c = stance_colour(stance);
  std::string out = "<g><title>" + xml_escape(tooltip) + "</title>";
  if (stance == "action") {
    out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"5\" fill=\"" + c + "\"/>";
  } else {
    out += "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"5\" fill=\"white\" stroke=\"" +
           c + "\" stroke-width=\"1.5\"/>";
  }
  if (stance == "denial") {
    out += "<path d=\"M" + num(x - 3.5) + " " + num(y - 3.5) + "L" + num(x + 3.5) + " " +
           num(y + 3.5) + "M" + num(x - 3.5) + " " + num(y + 3.5) + "L" + num(x + 3.5) + " " +
           num(y - 3.5) + "\" stroke=\"" + c + "\" stroke-width=\"1.5\"/>";
  }
  return out + "</g>\n";
}

std::string legend(double x, double y) {
  std::string out = "<g class=\"legend\" font-size=\"12\">\n";
  out += mark_shape("rhetoric", x, y - 4, "rhetoric") + text_el(x + 9, y, "rhetoric");
  out += mark_shape("action", x + 80, y - 4, "action") + text_el(x + 89, y, "action (reported)");
  out += mark_shape("denial", x + 210, y - 4, "denial") + text_el(x + 219, y, "denial");
  out += "<rect x=\"" + num(x + 275) + "\" y=\"" + num(y - 9) +
         "\" width=\"22\" height=\"10\" fill=\"#d62728\" fill-opacity=\"0.3\" stroke=\"#d62728\"/>";
  out += text_el(x + 302, y, "event, first to last report (sources)");
  out += "<path d=\"M" + num(x + 560) + " " + num(y) + "h10v-8h12\" fill=\"none\" stroke=\"#333\" "
         "stroke-width=\"1.5\"/>";
  out += text_el(x + 587, y, "tracked figure");
  return out + "</g>\n";
}

// Events as bars, greedily stacked in two rows so neighbours do not hide each other.
std::string event_bars(const TimelineData& d, const std::string& topic, const Plot& p, double top) {
  std::string out;
  double row_end[2] = {-1e9, -1e9};
  for (const auto& e : d.events) {
    if (e.topic != topic) continue;
    const double x = p.x(e.first_seen);
    const double w = std::max(4.0, p.x(e.last_seen) - x);
    const int row = x > row_end[0] ? 0 : (x > row_end[1] ? 1 : 0);
    const std::string label = std::to_string(e.sources) + (e.sources == 1 ? " source" : " sources");
    row_end[row] = x + w + 7.0 * static_cast<double>(label.size());
    const double y = top + 6 + row * 14;
    const char* c = stance_colour(e.stance);
    out += "<g><title>" + xml_escape(e.title + " — " + e.stance + ", " + label + ", " +
                                     std::to_string(e.reports) + " reports") + "</title>";
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) +
           "\" height=\"10\" fill=\"" + c + "\" fill-opacity=\"0.3\" stroke=\"" + c + "\"/>";
    out += text_el(x + w + 3, y + 9, label, " font-size=\"10\"");
    out += "</g>\n";
  }
  return out;
}

std::string lane_marks(const TimelineData& d, const std::string& topic, const Plot& p, double top) {
  std::string out;
  for (const auto& m : d.marks) {
    if (m.topic != topic) continue;
    const double row = m.stance == "action" ? 0 : (m.stance == "rhetoric" ? 1 : 2);
    out += mark_shape(m.stance, p.x(m.at), top + 42 + row * 14,
                      short_time(m.at) + " " + m.stance + ": " + m.title + " (" + m.feed + ")");
  }
  return out;
}

// Each numeric fact of the lane as a step line on its own scale (0 to its largest value).
std::string fact_lines(const TimelineData& d, const std::string& topic, const Plot& p, double top) {
  std::map<std::string, std::vector<const TimelineFactPoint*>> by_fact;
  for (const auto& f : d.facts) {
    if (f.topic == topic) by_fact[f.fact].push_back(&f);
  }
  std::string out;
  const double base = top + kLaneHeight - 6, height = kLaneHeight - 40;
  for (const auto& [fact, points] : by_fact) {
    double max = 0;
    for (const auto* f : points) max = std::max(max, f->value);
    if (max <= 0) max = 1;
    auto y = [&](double v) { return base - height * std::max(0.0, v) / max; };
    std::string path;
    for (std::size_t i = 0; i < points.size(); ++i) {
      const double x = p.x(points[i]->at), yy = y(points[i]->value);
      path += (i == 0 ? "M" : "V") + (i == 0 ? num(x) + " " + num(yy) : num(yy));
      const double x_next = i + 1 < points.size() ? p.x(points[i + 1]->at) : p.x1;
      path += "H" + num(x_next);
      out +=
          text_el(x + 2, yy - 3, fact_figure(points[i]->value), " font-size=\"10\" fill=\"#333\"");
    }
    out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.5\"/>\n";
    out += text_el(p.x1 - 4, base - height - 4, fact, " font-size=\"10\" fill=\"#333\" text-anchor=\"end\"");
  }
  return out;
}

// "2 action · 5 rhetoric" and "1 denial · 3 events", two lines under the lane's name.
std::pair<std::string, std::string> lane_counts(const TimelineData& d, const std::string& topic) {
  int a = 0, r = 0, n = 0, e = 0;
  for (const auto& m : d.marks) {
    if (m.topic != topic) continue;
    a += m.stance == "action";
    r += m.stance == "rhetoric";
    n += m.stance == "denial";
  }
  for (const auto& ev : d.events) e += ev.topic == topic;
  return {std::to_string(a) + " action · " + std::to_string(r) + " rhetoric",
          std::to_string(n) + " denial · " + std::to_string(e) + (e == 1 ? " event" : " events")};
}

std::string axis(const TimelineData& d, const Plot& p, double y) {
  std::string out = "<g class=\"axis\" font-size=\"11\" fill=\"#333\">\n";
  out += "<path d=\"M" + num(p.x0) + " " + num(y) + "H" + num(p.x1) + "\" stroke=\"#333\"/>\n";
  const int max_ticks = std::max(2, static_cast<int>((p.x1 - p.x0) / 90));
  for (const auto& t : axis_ticks(d.from, d.until, max_ticks)) {
    const double x = p.x(t.at);
    out += "<path d=\"M" + num(x) + " " + num(kTop) + "V" + num(y + 5) +
           "\" stroke=\"#ccc\" stroke-dasharray=\"2 3\"/>\n";
    out += text_el(x, y + 18, t.label, " text-anchor=\"middle\"");
  }
  return out + "</g>\n";
}

std::string document(int width, int height, std::string_view title, const std::string& body) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + std::to_string(width) +
         "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" font-family=\"sans-serif\">\n";
  out += "<title>" + xml_escape(title) + "</title>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  out += text_el(16, 28, title, " font-size=\"18\" font-weight=\"bold\"");
  return out + body + "</svg>\n";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      out += ' ';
    } else if (c == U'&') {
      out += "&amp;";
    } else if (c == U'<') {
      out += "&lt;";
    } else if (c == U'>') {
      out += "&gt;";
    } else if (c == U'"') {
      out += "&quot;";
    } else if (c == U'\'') {
      out += "&apos;";
    } else if (c == kReplacement || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe) {
      out += "\xEF\xBF\xBD";  // U+FFFD
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

std::string render_timeline_svg(const TimelineData& d, const SvgOptions& options) {
  const int width = std::max(options.width, 600);
  const std::string title = d.title.empty() ? "redline timeline" : d.title;
  if (d.empty() || d.topics.empty()) {
    return document(width, 140, title,
                    text_el(width / 2.0, 85, "no matched items yet",
                            " font-size=\"16\" fill=\"#666\" text-anchor=\"middle\""));
  }
  const Plot p{kLabelWidth, static_cast<double>(width - kRightMargin), d.from, d.until};
  const int lanes_bottom = kTop + kLaneHeight * static_cast<int>(d.topics.size());
  std::string body = text_el(16, 46, short_time(d.from) + " to " + short_time(d.until) + " UTC",
                             " font-size=\"11\" fill=\"#666\"");
  body += legend(kLabelWidth, 66);
  for (std::size_t i = 0; i < d.topics.size(); ++i) {
    const std::string& topic = d.topics[i];
    const double top = kTop + kLaneHeight * static_cast<double>(i);
    body += "<g class=\"lane\">\n";
    body += "<rect x=\"0\" y=\"" + num(top) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
            std::to_string(kLaneHeight) + "\" fill=\"" + (i % 2 ? "#ffffff" : "#f4f4f4") + "\"/>\n";
    body += text_el(16, top + 40, topic, " font-size=\"14\" font-weight=\"bold\"");
    const auto [counts1, counts2] = lane_counts(d, topic);
    body += text_el(16, top + 58, counts1, " font-size=\"10\" fill=\"#555\"");
    body += text_el(16, top + 71, counts2, " font-size=\"10\" fill=\"#555\"");
    body += fact_lines(d, topic, p, top) + event_bars(d, topic, p, top) + lane_marks(d, topic, p, top);
    body += "</g>\n";
  }
  body += axis(d, p, lanes_bottom + 4);  // after the lanes, so its grid lines show over them
  return document(width, lanes_bottom + kAxisHeight, title, body);
}

}  // namespace redline
