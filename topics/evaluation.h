// Measuring the classifier against a labelled set (JSON Lines of {"id", "title", "summary",
// "labels": [{"topic", "stance"}]}): per-topic detection precision/recall/F1, stance accuracy on
// the items where the topic was both labelled and found, and the figure that matters most,
// precision and recall of ACTION alerts (an alert is an (item, topic) pair with stance action).
// The same figures for a naive keyword matcher show what the rules are worth.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "topics/topics.h"
#include "util/result.h"

namespace redline {

struct LabelledItem {
  std::string id;
  std::string title;
  std::string summary;
  std::vector<std::pair<std::string, Stance>> labels;  // topic, stance
};

// Reads a labelled JSONL file; Error "FILE:LINE: reason" for a malformed line.
Result<std::vector<LabelledItem>> load_labelled(const std::string& path);

struct Counts {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

struct EvalReport {
  std::string system;  // "redline" or "naive keyword baseline"
  int items = 0;
  std::map<std::string, Counts> topics;  // detection, per topic
  int stance_compared = 0;
  int stance_correct = 0;
  Counts action;  // (item, topic, action) alerts
  std::vector<std::string> errors;  // one line per wrong decision, for tuning
  double stance_accuracy() const {
    return stance_compared == 0 ? 1.0 : double(stance_correct) / stance_compared;
  }
};

EvalReport evaluate(const std::vector<LabelledItem>& items, const Classifier& c);

// The naive baseline: any act keyword of a topic is a match; any past-tense-looking word
// ("-ed", "-aron", "-ó") makes it action, else rhetoric.
EvalReport evaluate_naive(const std::vector<LabelledItem>& items, const Watchlist& w);

// A printable table of the report.
std::string format_report(const EvalReport& r);

}  // namespace redline
