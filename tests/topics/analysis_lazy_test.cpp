// The grammar lists an analysis scans only when a decision first asks for them: a list is
// filled once, never before it is read, and holds exactly what scanning it at once would have
// found (with the hits a longer cue contains dropped, as before).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/topics/support.h"
#include "topics/analysis.h"
#include "topics/watchlist.h"

namespace redline {
namespace {

using topics_detail::Analysis;
using topics_detail::Hit;
using topics_detail::Lazy;

int fills = 0;

void count_to_three(const Analysis&, std::vector<int>& out) {
  ++fills;
  out = {1, 2, 3};
}

TEST(LazyHits, FillsOnceAndOnlyWhenRead) {
  const auto& w = *test::shipped_watchlist();
  const auto a = topics_detail::analyze(w, "Rain expected at the weekend", "");
  Lazy<std::vector<int>> lazy;
  fills = 0;
  lazy.defer(&a, count_to_three);
  EXPECT_EQ(fills, 0);
  EXPECT_EQ(lazy.size(), 3u);
  EXPECT_EQ(fills, 1);
  EXPECT_EQ(lazy[2], 3);
  const std::vector<int>& same = lazy;
  EXPECT_EQ(same, (std::vector<int>{1, 2, 3}));
  int sum = 0;
  for (int v : lazy) sum += v;
  EXPECT_EQ(sum, 6);
  EXPECT_EQ(fills, 1);
}

// True when a longer hit of `phrases` contains `h`.
bool inside_longer(const Hit& h, const std::vector<Hit>& phrases) {
  for (const auto& p : phrases) {
    if (p.begin <= h.begin && h.end <= p.end && p.end - p.begin > h.end - h.begin) return true;
  }
  return false;
}

std::vector<Hit> without_inside(std::vector<Hit> hits, const std::vector<const std::vector<Hit>*>& of) {
  std::erase_if(hits, [&](const Hit& h) {
    for (const auto* phrases : of) {
      if (inside_longer(h, *phrases)) return true;
    }
    return false;
  });
  return hits;
}

bool same_hits(const std::vector<Hit>& x, const std::vector<Hit>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].begin != y[i].begin || x[i].end != y[i].end || x[i].label != y[i].label) return false;
  }
  return true;
}

TEST(LazyHits, HoldWhatScanningAtOnceFinds) {
  const auto& w = *test::shipped_watchlist();
  const auto& g = w.grammar;
  const std::vector<std::pair<std::string, std::string>> items = {
      {"Pentagon denies US strike on cartel lab in Sinaloa",
       "A spokesman said no US aircraft had flown over Mexico; the reports were false."},
      {"Trump says US could strike suspected cartel compounds in Mexico",
       "Officials would not rule out drone strikes, the White House said on Tuesday."},
      {"Opinion: US troops at the border would change nothing",
       "Last year's deployment of 1,500 more troops brought the total to 10,000."},
      {"EU niega ataque con dron en Sinaloa",
       "La Defensa dijo que no hubo ataque; el gobierno de Trump no ha comentado."},
      {"US strikes alleged cartel lab in Sinaloa", "Alleged US drone strike kills four."},
      {"Pentagon extends the border mission through September 2027",
       "The deployment began in 2025."},
      {"Sonora governor says US did not warn Mexico before the drone strike",
       "Habría sido abatido el jefe de sicarios en el bombardeo, según la fiscalía."},
  };
  for (const auto& [title, summary] : items) {
    const auto a = topics_detail::analyze(w, title, summary);
    const std::string& t = a.text;
    const auto title_only = std::string_view(t).substr(0, static_cast<std::size_t>(a.title_end));
    const auto speech = g.speech.find_all(t);
    const auto noun_hedge = g.noun_hedge.find_all(t);
    EXPECT_TRUE(same_hits(a.speech, speech)) << title;
    EXPECT_TRUE(same_hits(a.noun_hedge, noun_hedge)) << title;
    EXPECT_TRUE(same_hits(a.modal, g.modal.find_all(t))) << title;
    EXPECT_TRUE(same_hits(a.total, g.total.find_all(t))) << title;
    EXPECT_TRUE(same_hits(a.increment, g.increment.find_all(t))) << title;
    EXPECT_TRUE(same_hits(a.determiner, g.determiner.find_all(t))) << title;
    EXPECT_TRUE(same_hits(a.opinion_label, g.opinion_label.find_all(title_only))) << title;
    EXPECT_TRUE(same_hits(a.denial, without_inside(g.denial.find_all(t), {&a.action, &speech})))
        << title;
    EXPECT_TRUE(same_hits(a.rhetoric,
                          without_inside(g.rhetoric.find_all(t), {&a.action, &noun_hedge})))
        << title;
    EXPECT_TRUE(same_hits(a.not_denial, without_inside(g.not_denial.find_all(t), {&noun_hedge})))
        << title;
    EXPECT_TRUE(
        same_hits(a.retrospective, without_inside(g.retrospective.find_all(t), {&a.action})))
        << title;
    std::vector<int> marks;
    for (const auto& h : speech) marks.push_back(h.end);
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i] == ':') marks.push_back(static_cast<int>(i) + 1);
    }
    std::sort(marks.begin(), marks.end());
    EXPECT_EQ(a.speech_marks.get(), marks) << title;
  }
}

}  // namespace
}  // namespace redline
