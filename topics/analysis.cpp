#include "topics/analysis.h"

#include <algorithm>
#include <initializer_list>

#include "topics/text.h"

namespace redline::topics_detail {

namespace {

// A '.' ends a sentence unless it is part of a number ("1.500") or an abbreviation ("U.S.",
// "EE.UU.", "Gen."): the word before it is short or itself dotted.
bool ends_sentence(const std::string& t, std::size_t i) {
  if (t[i] == '?' || t[i] == '!') return i + 1 < t.size() && t[i + 1] == ' ';
  if (t[i] != '.' || i + 1 >= t.size() || t[i + 1] != ' ') return false;
  std::size_t start = i;
  while (start > 0 && t[start - 1] != ' ') --start;
  const std::string_view word(t.data() + start, i - start);
  if (word.size() <= 3) return false;                          // "u.s", "gen", "mr"
  if (word.find('.') != std::string_view::npos) return false;  // "ee.uu", "d.c"
  return true;
}

void split_sentences(Analysis& a) {
  a.sentences.push_back({0, a.title_end, true});
  int begin = a.title_end;
  for (std::size_t i = static_cast<std::size_t>(a.title_end) + 1; i < a.text.size(); ++i) {
    if (ends_sentence(a.text, i)) {
      a.sentences.push_back({begin, static_cast<int>(i) + 1, false});
      begin = static_cast<int>(i) + 1;
    }
  }
  if (begin < static_cast<int>(a.text.size())) {
    a.sentences.push_back({begin, static_cast<int>(a.text.size()), false});
  }
}

// Drops every hit that lies inside a longer hit of `phrases`: a cue word that is part of a longer
// action phrase belongs to that phrase ("did not" in "did not warn Mexico before", "si" in "si
// hubo"). Both lists are sorted by start and `phrases` do not overlap each other: one pass.
void drop_inside(std::vector<Hit>& hits, const std::vector<Hit>& phrases) {
  std::size_t p = 0;
  auto inside = [&](const Hit& h) {
    while (p < phrases.size() && phrases[p].end <= h.begin) ++p;
    return p < phrases.size() && phrases[p].begin <= h.begin && h.end <= phrases[p].end &&
           (phrases[p].end - phrases[p].begin) > (h.end - h.begin);
  };
  hits.erase(std::remove_if(hits.begin(), hits.end(), inside), hits.end());
}

enum class Opens { plain, presupposed, background };

// The first word of a sentence (sentences begin with the space before it).
int first_word(const Analysis& a, const Sentence& sen) {
  int i = sen.begin;
  while (i < sen.end && a.text[static_cast<std::size_t>(i)] == ' ') ++i;
  return i;
}

// A clause that is not the news, up to the next comma: opened by an `aside` ("Having sent 10,000
// troops, Trump threatens...", "Trump, who sent troops to the border, now wants...") or by a
// participle opening the sentence ("Designated as terrorists, cartels now face..."). A
// sentence-opening participle with no comma after it describes the noun it precedes ("Deployed
// troops complain"): it goes to `attributive`, and no clause is cut.
void background_clauses(Analysis& a, const Sentence& sen, const std::vector<Hit>& participles,
                        const std::vector<Hit>& asides, std::vector<std::pair<int, Opens>>& cuts) {
  const int start = first_word(a, sen);
  auto cut = [&](const Hit& h) {
    const auto comma = clause_comma(a.text, static_cast<std::size_t>(h.end));
    if (comma == std::string::npos || static_cast<int>(comma) >= sen.end) return false;
    cuts.emplace_back(h.begin, Opens::background);
    cuts.emplace_back(static_cast<int>(comma), Opens::plain);
    return true;
  };
  for (const auto& h : participles) {
    if (h.begin == start && !cut(h)) a.attributive.push_back(h);
  }
  for (const auto& h : asides) {
    if (h.begin >= sen.begin && h.begin < sen.end) cut(h);
  }
}

void split_scopes(Analysis& a, const std::vector<Hit>& breaks, const std::vector<Hit>& participles,
                  const std::vector<Hit>& asides) {
  for (int s = 0; s < static_cast<int>(a.sentences.size()); ++s) {
    const auto& sen = a.sentences[static_cast<std::size_t>(s)];
    std::vector<std::pair<int, Opens>> cuts;  // position, what the scope there is
    for (int i = sen.begin; i < sen.end; ++i) {
      const char c = a.text[static_cast<std::size_t>(i)];
      if (c == ';' || c == ':' || c == '|' ||
          (c == '-' && a.text[static_cast<std::size_t>(i) - 1] == ' ')) {
        cuts.emplace_back(i, Opens::plain);
      }
    }
    for (const auto& h : breaks) {
      if (h.begin >= sen.begin && h.begin < sen.end) cuts.emplace_back(h.begin, Opens::plain);
    }
    for (const auto& h : a.presuppose) {  // "after X," : the presupposed part ends at the comma
      if (h.begin < sen.begin || h.begin >= sen.end) continue;
      cuts.emplace_back(h.begin, Opens::presupposed);
      const auto comma = clause_comma(a.text, static_cast<std::size_t>(h.end));
      if (comma != std::string::npos && static_cast<int>(comma) < sen.end) {
        cuts.emplace_back(static_cast<int>(comma), Opens::plain);
      }
    }
    background_clauses(a, sen, participles, asides, cuts);
    std::sort(cuts.begin(), cuts.end());
    int begin = sen.begin;
    Opens opens = Opens::plain;
    auto add = [&](int end) {
      if (end > begin)
        a.scopes.push_back(
            {begin, end, s, opens == Opens::presupposed, opens == Opens::background});
    };
    for (const auto& [pos, kind] : cuts) {
      add(pos);
      begin = pos;
      opens = kind;
    }
    a.scopes.push_back(
        {begin, sen.end, s, opens == Opens::presupposed, opens == Opens::background});
  }
}

}  // namespace

// The first comma at or after `from` that ends a clause: not one inside a number ("1,000
// paratroopers landed at Fort Bliss, U.S. jets struck…" ends its clause at the second comma).
std::size_t clause_comma(const std::string& t, std::size_t from) {
  auto is_digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  for (auto c = t.find(',', from); c != std::string::npos; c = t.find(',', c + 1)) {
    if (c == 0 || c + 1 >= t.size() || !is_digit(c - 1) || !is_digit(c + 1)) return c;
  }
  return std::string::npos;
}

int Analysis::sentence_of(int pos) const {
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (pos < sentences[i].end) return static_cast<int>(i);
  }
  return static_cast<int>(sentences.size()) - 1;
}

int Analysis::scope_of(int pos) const {
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    if (pos < scopes[i].end) return static_cast<int>(i);
  }
  return static_cast<int>(scopes.size()) - 1;
}

int Analysis::distance(const Hit& x, const Hit& y) const {
  const auto w = [this](int pos) { return words[static_cast<std::size_t>(pos)]; };
  if (x.begin >= y.end) return w(x.begin) - w(y.end - 1);
  if (y.begin >= x.end) return w(y.begin) - w(x.end - 1);
  return 0;
}

bool any_within(const std::vector<Hit>& hits, int begin, int end) {
  return std::any_of(hits.begin(), hits.end(),
                     [&](const Hit& h) { return h.begin >= begin && h.end <= end; });
}

bool any_right_before(const Analysis& a, const std::vector<Hit>& hits, const Hit& h) {
  return std::any_of(hits.begin(), hits.end(),
                     [&](const Hit& b) { return b.end <= h.begin && a.distance(b, h) == 1; });
}

bool any_overlapping(const std::vector<Hit>& hits, const Hit& h) {
  return std::any_of(hits.begin(), hits.end(), [&](const Hit& o) { return overlaps(o, h); });
}

std::string analysis_text(std::string_view title, std::string_view summary, int* title_end) {
  // Appended piece by piece (not `" " + ...`, which GCC 12 warns about with -Wrestrict, a
  // false positive, and which makes temporaries).
  std::string text = " ";
  text += normalize_text(title.substr(0, kMaxTitleBytes));
  text += " .";
  if (title_end) *title_end = static_cast<int>(text.size());
  text += ' ';
  text += normalize_text(summary.substr(0, kMaxSummaryBytes));
  text += ' ';
  return text;
}

bool opens_sentence(const Analysis& a, const Hit& h, int sentence_begin) {
  return a.words[static_cast<std::size_t>(h.begin)] ==
         a.words[static_cast<std::size_t>(sentence_begin)] + 1;
}

bool opens_as_label(const Analysis& a, const Hit& label, int sentence_begin) {
  if (!opens_sentence(a, label, sentence_begin)) return false;
  const auto next = a.text.find_first_not_of(' ', static_cast<std::size_t>(label.end));
  return next != std::string::npos &&
         (a.text[next] == ':' || a.text[next] == '-' || a.text[next] == '|');
}

bool TopicGate::any() const {
  return std::find(candidate.begin(), candidate.end(), true) != candidate.end();
}

TopicGate gate_topics(const Watchlist& w, std::string_view text) {
  return std::move(gate_topics(w, std::vector<std::string_view>{text}).front());
}

std::vector<TopicGate> gate_topics(const Watchlist& w, const std::vector<std::string_view>& texts) {
  std::vector<TopicGate> gates(texts.size());
  for (auto& g : gates) g.act.resize(w.topics.size()), g.candidate.resize(w.topics.size());
  for (std::size_t t = 0; t < w.topics.size(); ++t) {
    for (std::size_t i = 0; i < texts.size(); ++i)
      gates[i].act[t] = w.topics[t].act.matches(texts[i]);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      gates[i].candidate[t] = gates[i].act[t] && w.topics[t].where.matches(texts[i]);
    }
  }
  return gates;
}

Analysis analyze(const Watchlist& w, std::string_view title, std::string_view summary) {
  int title_end = 0;
  std::string text = analysis_text(title, summary, &title_end);
  return Analysis(w, std::move(text), title_end);
}

namespace {

// The fills of the lazy lists. A list a longer cue contains belongs to that cue: drop_inside.
template <PatternList Grammar::*list>
void scan(const Analysis& a, std::vector<Hit>& out) {
  (a.watchlist.grammar.*list).find_all(a.text, out);
}

// Labels open the title: scanned there only (a view ending at the title's " .", no copy).
template <PatternList Grammar::*list>
void scan_title(const Analysis& a, std::vector<Hit>& out) {
  const auto title = std::string_view(a.text).substr(0, static_cast<std::size_t>(a.title_end));
  (a.watchlist.grammar.*list).find_all(title, out);
}

// `list`'s hits, less those inside a longer hit of one of `cues`.
void scan_dropping(const PatternList& list, const Analysis& a, std::vector<Hit>& out,
                   std::initializer_list<const std::vector<Hit>*> cues) {
  list.find_all(a.text, out);
  for (const auto* cue : cues) drop_inside(out, *cue);
}

void scan_denial(const Analysis& a, std::vector<Hit>& out) {
  // "The Pentagon has not commented": no comment attributes, it denies nothing.
  scan_dropping(a.watchlist.grammar.denial, a, out, {&a.action, &a.speech.get()});
}

// Both below: "strikes suspected cartel compound", "abatidos tres presuntos sicarios": the hedge
// doubts what the target is, not whether the act happened.
void scan_not_denial(const Analysis& a, std::vector<Hit>& out) {
  scan_dropping(a.watchlist.grammar.not_denial, a, out, {&a.noun_hedge.get()});
}

void scan_rhetoric(const Analysis& a, std::vector<Hit>& out) {
  scan_dropping(a.watchlist.grammar.rhetoric, a, out, {&a.action, &a.noun_hedge.get()});
}

// A date inside a longer action phrase belongs to it: "extends the mission through September
// 2027" looks ahead, not back.
void scan_retrospective(const Analysis& a, std::vector<Hit>& out) {
  scan_dropping(a.watchlist.grammar.retrospective, a, out, {&a.action});
}

void find_speech_marks(const Analysis& a, std::vector<int>& marks) {
  for (const auto& h : a.speech) marks.push_back(h.end);
  for (std::size_t i = 0; i < a.text.size(); ++i) {
    if (a.text[i] == ':') marks.push_back(static_cast<int>(i) + 1);
  }
  std::sort(marks.begin(), marks.end());
}

}  // namespace

void scan_eager_lists(const Watchlist& w, const std::vector<std::string_view>& texts,
                      std::vector<EagerHits>& out) {
  out.resize(texts.size());
  const Grammar& g = w.grammar;
  const std::pair<const PatternList*, std::vector<Hit> EagerHits::*> lists[] = {
      {&g.action, &EagerHits::action},
      {&g.presuppose, &EagerHits::presuppose},
      {&g.participle, &EagerHits::participle},
      {&g.reaction, &EagerHits::reaction},
      {&g.clause_break, &EagerHits::clause_break},
      {&g.aside, &EagerHits::aside},
      {&w.units, &EagerHits::units}};
  std::vector<EagerHits*> into;
  for (auto& e : out) into.push_back(&e);
  scan_in_turn(lists, texts, into);
  for (auto& e : out) e.entities.resize(w.entities.size());
  for (std::size_t k = 0; k < w.entities.size(); ++k) {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      w.entities[k].patterns.find_all(texts[i], out[i].entities[k]);
    }
  }
}

namespace {

EagerHits scan_eager(const Watchlist& w, std::string_view text) {
  std::vector<EagerHits> one;
  scan_eager_lists(w, {text}, one);
  return std::move(one.front());
}

}  // namespace

Analysis::Analysis(const Watchlist& w, std::string t, int title_end_offset)
    : watchlist(w), text(std::move(t)), title_end(title_end_offset) {
  init(scan_eager(w, text));
}

Analysis::Analysis(const Watchlist& w, std::string t, int title_end_offset, EagerHits eager)
    : watchlist(w), text(std::move(t)), title_end(title_end_offset) {
  init(std::move(eager));
}

void Analysis::init(EagerHits eager) {
  words = word_index(text);
  action = std::move(eager.action);
  presuppose = std::move(eager.presuppose);
  participle = std::move(eager.participle);
  reaction = std::move(eager.reaction);
  entities = std::move(eager.entities);
  units = std::move(eager.units);
  denial.defer(this, scan_denial);
  not_denial.defer(this, scan_not_denial);
  rhetoric.defer(this, scan_rhetoric);
  speech.defer(this, scan<&Grammar::speech>);
  increment.defer(this, scan<&Grammar::increment>);
  total.defer(this, scan<&Grammar::total>);
  noun_after.defer(this, scan<&Grammar::noun_after>);
  link.defer(this, scan<&Grammar::link>);
  postposed.defer(this, scan<&Grammar::postposed>);
  infinitive.defer(this, scan<&Grammar::infinitive>);
  retrospective.defer(this, scan_retrospective);
  frame.defer(this, scan<&Grammar::frame>);
  plan_noun.defer(this, scan<&Grammar::plan_noun>);
  modal.defer(this, scan<&Grammar::modal>);
  determiner.defer(this, scan<&Grammar::determiner>);
  offshore.defer(this, scan<&Grammar::offshore>);
  noun_before.defer(this, scan<&Grammar::noun_before>);
  news_label.defer(this, scan_title<&Grammar::news_label>);
  noun_hedge.defer(this, scan<&Grammar::noun_hedge>);
  dated.defer(this, scan<&Grammar::dated>);
  explainer.defer(this, scan<&Grammar::explainer>);
  opinion_label.defer(this, scan_title<&Grammar::opinion_label>);
  attribution.defer(this, scan<&Grammar::attribution>);
  speech_marks.defer(this, find_speech_marks);
  split_sentences(*this);
  // A clause break inside a longer cue belongs to it: "did not notify Mexico ahead of the raid",
  // "protesta ante EU por ataques".
  auto& breaks = eager.clause_break;
  drop_inside(breaks, action);
  drop_inside(breaks, reaction);
  split_scopes(*this, breaks, participle, eager.aside);
}

}  // namespace redline::topics_detail
