#include "topics/patterns.h"

#include <re2/set.h>

#include "topics/literal.h"

#include <cctype>

namespace redline::topics_detail {

namespace {

RE2::Options pattern_options() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(true);  // text and patterns are both folded to lower case
  o.set_longest_match(true);   // "ataque de dron" beats "ataque", whatever the order
  o.set_max_mem(64 << 20);     // big alternations stay on the DFA
  return o;
}

// Where the class that opens at p[i] ('[') ends: one past its ']'; npos when it does not.
std::size_t class_end(std::string_view p, std::size_t i) {
  std::size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;  // a ']' first is a member
  for (; j < p.size(); ++j) {
    if (p[j] == '\\') {
      ++j;
    } else if (p[j] == '[' && j + 1 < p.size() && p[j + 1] == ':') {
      const std::size_t close = p.find(":]", j + 2);
      if (close == std::string_view::npos) return std::string_view::npos;
      j = close + 1;
    } else if (p[j] == ']') {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

bool needs_a_character(std::string_view p) {
  int depth = 0;
  bool needed = false;
  for (std::size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '|' && depth == 0) return false;  // alternatives at the top: each would need reading
    if (c == '(' || c == ')' || c == '|') {
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth < 0) return false;
      ++i;
      continue;
    }
    if (c == '?' || c == '*' || c == '+') {  // a quantifier of a group (an atom's is read below)
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = p.find('}', i);
      if (close == std::string_view::npos) return false;
      i = close + 1;
      continue;
    }
    // One atom: where it ends, and whether it matches one character.
    std::size_t end = i + 1;
    bool consumes = true;
    if (c == '\\') {
      if (i + 1 >= p.size()) return false;
      const auto e = static_cast<unsigned char>(p[i + 1]);
      // Only escapes known to match one character count (\S, \d, \., \-, ...); \b, \A, \Q,
      // \p{..}, \x{..} and the like make the reading unsure.
      if (std::isalnum(e) &&
          std::string_view("SsDdWw").find(static_cast<char>(e)) == std::string_view::npos) {
        return false;
      }
      end = i + 2;
    } else if (c == '[') {
      end = class_end(p, i);
      if (end == std::string_view::npos) return false;
    } else if (c == '^' || c == '$') {
      consumes = false;
    }
    const bool optional = end < p.size() && (p[end] == '?' || p[end] == '*' || p[end] == '{');
    if (depth == 0 && consumes && !optional) needed = true;
    i = end;
  }
  return needed && depth == 0;
}

namespace {

// Each pattern on its own, for the error that names it: parsed (RE2::Set::Add stops after the
// parse; an unbalanced "a)|(b" would otherwise pass inside the alternation), and compiled alone
// when its text does not show that it needs a character (or when `all` is set), to tell
// whether it matches the empty string.
Result<void> check_patterns(const std::vector<std::vector<PatternSource>>& groups,
                            const std::string& file, bool all) {
  for (const auto& group : groups) {
    for (const auto& src : group) {
      const auto where = file + ":" + std::to_string(src.line) + ": ";
      std::string error;
      RE2::Set parsed(pattern_options(), RE2::UNANCHORED);
      if (parsed.Add(src.pattern, &error) < 0) {
        return make_error(where + "bad pattern '" + src.pattern + "': " + error);
      }
      if (!all && needs_a_character(src.pattern)) continue;
      RE2 one(src.pattern, pattern_options());
      if (!one.ok()) return make_error(where + "bad pattern '" + src.pattern + "': " + one.error());
      if (RE2::FullMatch("", one)) {
        return make_error(where + "pattern '" + src.pattern + "' matches the empty string");
      }
    }
  }
  return {};
}

std::string label_name(std::size_t label) {
  return "redline_label_" + std::to_string(label);
}

}  // namespace

Result<PatternList> PatternList::compile(const std::vector<std::vector<PatternSource>>& groups,
                                         const std::string& file) {
  // Parsing each pattern alone is cheap; compiling each alone is what loading a watchlist spent
  // a third of its time on (issue #8), so that is done only for the few whose text leaves open
  // whether they match the empty string, and for all when the list as a whole fails, to say
  // which one is at fault.
  if (auto parsed = check_patterns(groups, file, false); !parsed) return parsed.error();
  PatternList list;
  // Each label is a named group, so its group number comes from RE2 whatever groups the
  // patterns inside hold.
  std::string combined = "[^a-z0-9](?:";
  bool any = false;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].empty()) continue;  // a label without patterns never matches
    if (any) combined += '|';
    combined += "(?P<" + label_name(g) + ">";
    for (std::size_t k = 0; k < groups[g].size(); ++k) {
      if (k > 0) combined += '|';
      combined += "(?:" + groups[g][k].pattern + ")";
    }
    combined += ")";
    any = true;
  }
  combined += ")[^a-z0-9]";
  if (!any) return list;
  list.program_ = std::make_shared<Program>();
  list.program_->pattern = std::move(combined);
  list.program_->labels = groups.size();
  std::vector<std::vector<std::string>> patterns(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const auto& src : groups[g]) patterns[g].push_back(src.pattern);
  }
  // A list that suits a LiteralIndex is matched by it; its whole program is compiled only if
  // asked (program()). Its patterns were each parsed above, and those the index leaves to RE2
  // compiled together into its programs; a list whose index cannot be built compiles the whole
  // program while the watchlist loads (share_literal_index).
  list.literal_ = LiteralList::build(patterns, pattern_options());
  if (list.literal_) return list;
  auto re = std::make_shared<RE2>(list.program_->pattern, pattern_options());
  if (!re->ok()) {
    if (auto each = check_patterns(groups, file, true); !each) return each.error();
    const int line = groups.empty() || groups[0].empty() ? 1 : groups[0][0].line;
    return make_error(file + ":" + std::to_string(line) +
                      ": patterns do not compile together: " + re->error());
  }
  // The reverse program too, now, on the thread that loads the watchlist: find_all needs it for
  // every hit (RE2 finds where a leftmost-longest match starts by running it backwards), and
  // left to the first hit it is compiled in the middle of a poll, a fifth of the first batch's
  // classifying time.
  re->ReverseProgramSize();
  list.program_->take(std::move(re));
  return list;
}

void PatternList::Program::take(std::shared_ptr<const RE2> compiled_re) {
  re = std::move(compiled_re);
  // By the names given in compile: a pattern may name groups of its own (one that reuses a
  // name given there does not compile).
  label_group.assign(labels, -1);
  const auto& named = re->NamedCapturingGroups();
  for (std::size_t g = 0; g < labels; ++g) {
    const auto it = named.find(label_name(g));
    if (it != named.end()) label_group[g] = it->second;
  }
}

void PatternList::share_literal_index(const std::vector<PatternList*>& lists) {
  std::vector<std::shared_ptr<const LiteralList>> parts;
  std::vector<PatternList*> members;
  for (auto* list : lists) {
    if (!list->literal_) continue;
    parts.push_back(list->literal_);
    members.push_back(list);
  }
  if (members.empty()) return;
  const auto index = LiteralIndex::build(std::move(parts));
  if (!index) {  // RE2 alone answers for them: compiled now, not at the first text
    for (auto* list : members) list->program().ReverseProgramSize();
    return;
  }
  for (std::size_t id = 0; id < members.size(); ++id) {
    members[id]->index_ = index;
    members[id]->index_id_ = id;
  }
}

const RE2& PatternList::program() const {
  Program& p = *program_;
  std::call_once(p.compiled, [&p] {
    // Its patterns each parsed; together they could only fail on RE2's memory budget, and then
    // RE2 finds nothing (a text the index declines is not well-formed UTF-8, or over 16 MB).
    if (!p.re) p.take(std::make_shared<const RE2>(p.pattern, pattern_options()));
  });
  return *p.re;
}

bool PatternList::matches(std::string_view text) const {
  if (!program_) return false;
  if (index_) {
    thread_local std::vector<Hit> first;
    first.clear();
    if (index_->find_all(index_id_, text, first, true)) return !first.empty();
  }
  // Every hit is a match of the whole program and vice versa (a match without a labelled group
  // is impossible: each alternative is inside one), so a bare search answers it on the DFA.
  return program().Match(re2::StringPiece(text.data(), text.size()), 0, text.size(),
                         RE2::UNANCHORED, nullptr, 0);
}

void PatternList::find_all(std::string_view text, std::vector<Hit>& out) const {
  if (!program_) return;
  if (index_ && index_->find_all(index_id_, text, out, false)) return;
  find_all_with_re2(text, out);
}

void PatternList::find_all_with_re2(std::string_view text, std::vector<Hit>& out) const {
  if (!program_) return;
  const RE2& re = program();
  const auto& label_group = program_->label_group;
  // One label: the whole match minus its two boundary characters is the hit, and asking RE2 for
  // no submatches keeps it on the fast DFA.
  const bool single = label_group.size() == 1;
  const int ngroups = single ? 1 : re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(ngroups));
  const re2::StringPiece whole(text.data(), text.size());
  std::size_t pos = 0;
  while (pos < text.size() &&
         re.Match(whole, pos, text.size(), RE2::UNANCHORED, groups.data(), ngroups)) {
    if (single) {
      const auto [begin, end] = inside_boundaries(text, groups[0]);
      out.push_back(Hit{begin, end, 0});
      pos = static_cast<std::size_t>(out.back().end);
      continue;
    }
    bool found = false;
    for (std::size_t label = 0; label < label_group.size() && !found; ++label) {
      if (label_group[label] < 0) continue;
      const auto& g = groups[static_cast<std::size_t>(label_group[label])];
      if (g.data() == nullptr) continue;
      found = true;
      Hit hit;
      hit.begin = static_cast<int>(g.data() - text.data());
      hit.end = hit.begin + static_cast<int>(g.size());
      hit.label = static_cast<int>(label);
      out.push_back(hit);
      // Resume at the end of the hit: the boundary character after it may open the next one.
      pos = static_cast<std::size_t>(hit.end > hit.begin ? hit.end : hit.begin + 1);
    }
    if (!found) pos = static_cast<std::size_t>(groups[0].data() - text.data()) + 1;
  }
}

}  // namespace redline::topics_detail
