#include "topics/evaluation.h"

#include <re2/re2.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "topics/analysis.h"
#include "topics/watchlist.h"

namespace redline {

namespace {

using Prediction = std::vector<std::pair<std::string, Stance>>;

const Stance* find_topic(const Prediction& p, const std::string& topic) {
  for (const auto& [t, s] : p) {
    if (t == topic) return &s;
  }
  return nullptr;
}

std::string describe(const Prediction& p) {
  std::string out;
  for (const auto& [t, s] : p) out += (out.empty() ? "" : ",") + t + "/" + to_string(s);
  return out.empty() ? "-" : out;
}

EvalReport score(const std::vector<LabelledItem>& items, const std::vector<std::string>& topics,
                 const std::function<Prediction(const LabelledItem&)>& predict) {
  EvalReport r;
  r.items = static_cast<int>(items.size());
  for (const auto& t : topics) r.topics[t];
  for (const auto& item : items) {
    const Prediction got = predict(item);
    bool wrong = false;
    for (const auto& topic : topics) {
      const Stance* want = find_topic(item.labels, topic);
      const Stance* have = find_topic(got, topic);
      Counts& c = r.topics[topic];
      if (want && have) {
        ++c.tp;
        ++r.stance_compared;
        if (*want == *have)
          ++r.stance_correct;
        else
          wrong = true;
      } else if (want) {
        ++c.fn, wrong = true;
      } else if (have) {
        ++c.fp, wrong = true;
      }
      const bool want_action = want && *want == Stance::action;
      const bool have_action = have && *have == Stance::action;
      if (want_action && have_action)
        ++r.action.tp;
      else if (want_action)
        ++r.action.fn;
      else if (have_action)
        ++r.action.fp;
    }
    if (wrong) {
      r.errors.push_back(item.id + ": want " + describe(item.labels) + ", got " + describe(got) +
                         " | " + item.title);
    }
  }
  return r;
}

std::vector<std::string> topic_names(const std::vector<TopicInfo>& infos) {
  std::vector<std::string> names;
  for (const auto& t : infos) names.push_back(t.name);
  return names;
}

}  // namespace

Result<std::vector<LabelledItem>> load_labelled(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(path + ":1: cannot open");
  std::vector<LabelledItem> items;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const auto j = nlohmann::json::parse(line);
      LabelledItem item;
      item.id = j.at("id").get<std::string>();
      item.title = j.value("title", "");
      item.summary = j.value("summary", "");
      for (const auto& l : j.at("labels")) {
        const auto stance = stance_from_string(l.at("stance").get<std::string>());
        if (!stance) return make_error(path + ":" + std::to_string(n) + ": unknown stance");
        item.labels.emplace_back(l.at("topic").get<std::string>(), *stance);
      }
      items.push_back(std::move(item));
    } catch (const nlohmann::json::exception& e) {
      return make_error(path + ":" + std::to_string(n) + ": " + e.what());
    }
  }
  return items;
}

EvalReport evaluate(const std::vector<LabelledItem>& items, const Classifier& c) {
  auto r = score(items, topic_names(c.topics()), [&c](const LabelledItem& item) {
    Prediction p;
    for (const auto& m : c.classify(item.title, item.summary)) p.emplace_back(m.topic, m.stance);
    return p;
  });
  r.system = "redline";
  return r;
}

EvalReport evaluate_naive(const std::vector<LabelledItem>& items, const Watchlist& w) {
  static const RE2 past(R"([a-z]{3,}(ed|aron|ieron)[^a-z])");
  auto r = score(items, topic_names(w.infos), [&w](const LabelledItem& item) {
    const auto a = topics_detail::analyze(w, item.title, item.summary);
    const std::string raw = item.title + " " + item.summary + " ";
    const bool spanish_past =
        raw.find("\xC3\xB3 ") != std::string::npos || raw.find("\xC3\xB3,") != std::string::npos;
    const bool action = spanish_past || RE2::PartialMatch(a.text, past);
    Prediction p;
    for (const auto& topic : w.topics) {
      if (!topic.act.find_all(a.text).empty()) {
        p.emplace_back(topic.info.name, action ? Stance::action : Stance::rhetoric);
      }
    }
    return p;
  });
  r.system = "naive keyword baseline";
  return r;
}

std::string format_report(const EvalReport& r) {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%s: %d items\n", r.system.c_str(), r.items);
  out += buf;
  std::snprintf(buf, sizeof buf, "  %-14s %5s %5s %5s %9s %7s %6s\n", "topic", "tp", "fp", "fn",
                "precision", "recall", "f1");
  out += buf;
  for (const auto& [name, c] : r.topics) {
    std::snprintf(buf, sizeof buf, "  %-14s %5d %5d %5d %9.3f %7.3f %6.3f\n", name.c_str(), c.tp,
                  c.fp, c.fn, c.precision(), c.recall(), c.f1());
    out += buf;
  }
  std::snprintf(buf, sizeof buf, "  stance accuracy (topic found and labelled): %.3f (%d/%d)\n",
                r.stance_accuracy(), r.stance_correct, r.stance_compared);
  out += buf;
  std::snprintf(buf, sizeof buf,
                "  ACTION alerts: precision %.3f  recall %.3f  f1 %.3f  (tp %d, fp %d, fn %d)\n",
                r.action.precision(), r.action.recall(), r.action.f1(), r.action.tp, r.action.fp,
                r.action.fn);
  out += buf;
  return out;
}

}  // namespace redline
