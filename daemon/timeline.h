// The timeline: a picture of the watched question over time, one lane per topic. Matched items
// are marks (rhetoric hollow grey, action solid red, denial blue and crossed), events are bars
// from first to last report with their source count, and numeric tracked facts (troop figures)
// are a step line in their topic's lane. The data is plain values gathered from the store by
// `redline timeline`; rendering is pure (no clock, no I/O), so it is tested on hand-made data.
// Everything shown comes from feeds and is hostile: the SVG escapes every text, carries no
// script, no event handler and no external reference; the text chart prints no control bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace redline {

// One matched item on one topic.
struct TimelineMark {
  std::string topic;
  std::string stance;  // "action", "rhetoric" or "denial"
  Timestamp at;        // published, else first seen
  std::string title;
  std::string feed;
};

// One event: reports of one happening grouped by the store.
struct TimelineEvent {
  std::string topic;
  std::string stance;  // strongest reported
  std::string title;
  Timestamp first_seen;
  Timestamp last_seen;
  int sources = 0;
  int reports = 0;
};

// One value of a numeric tracked fact, valid from `at` until the next point of the same fact.
struct TimelineFactPoint {
  std::string topic;
  std::string fact;
  double value = 0;
  Timestamp at;
};

struct TimelineData {
  std::string title;                // e.g. the watchlist's question
  std::vector<std::string> topics;  // lanes, top to bottom
  Timestamp from;                   // the time axis; from < until
  Timestamp until;
  std::vector<TimelineMark> marks;
  std::vector<TimelineEvent> events;
  std::vector<TimelineFactPoint> facts;  // ordered by time within each fact

  bool empty() const { return marks.empty() && events.empty() && facts.empty(); }
};

// What the store gives, in the store's own shapes, turned into the timeline's values.
struct TimelineInput {
  std::string title;
  std::vector<std::string> topic_order;  // the watchlist's order; unknown topics follow by name
  std::optional<Timestamp> since;        // the axis; absent: from the data (with a margin)
  std::optional<Timestamp> until;
  Timestamp now;  // the axis ends here when neither `until` nor later data says otherwise
};

// A tracked fact's value as a number ("10000", "about 2,200 troops", "1.5k" is not one): the
// first number in the text, commas between digit groups allowed; nullopt when there is none.
std::optional<double> fact_number(std::string_view value);

// A fact value as people write it: 10000, 2200, 1.5 (two decimals when it is not whole).
std::string fact_figure(double v);

// Chooses the lanes (topics with data, in topic_order first, then by name) and the axis, and
// drops what lies outside [since, until].
TimelineData make_timeline(const TimelineInput& input, std::vector<TimelineMark> marks,
                           std::vector<TimelineEvent> events, std::vector<TimelineFactPoint> facts);

struct SvgOptions {
  int width = 1000;  // user units of the viewBox
};

// A standalone SVG 1.1 document. Empty data gives a picture that says "no matched items yet".
std::string render_timeline_svg(const TimelineData& data, const SvgOptions& options = {});

// The same as a terminal chart at most `width` columns wide: a row per topic, a column per day
// (or week, or month when the range is long), a fact line under its lane, a date axis, a legend.
std::string render_timeline_text(const TimelineData& data, int width);

// Text made safe inside an XML element or attribute: & < > " ' escaped, control characters
// dropped, invalid UTF-8 and non-characters replaced by U+FFFD.
std::string xml_escape(std::string_view text);

// A time axis: tick positions and their labels, at a step that suits the range.
struct AxisTick {
  Timestamp at;
  std::string label;
};
std::vector<AxisTick> axis_ticks(Timestamp from, Timestamp until, int max_ticks);

}  // namespace redline
