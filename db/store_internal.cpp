#include "db/store_internal.h"

#include <algorithm>
#include <set>

namespace redline {

std::string to_json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_list_text(const std::vector<std::string>& list) {
  std::size_t size = 2;
  for (const auto& s : list) {
    for (const char c : s) {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b >= 0x80 || c == '"' || c == '\\') return to_json_text(nlohmann::json(list));
    }
    size += s.size() + 3;
  }
  std::string out;
  out.reserve(size);
  out += '[';
  for (std::size_t k = 0; k < list.size(); ++k) {
    if (k > 0) out += ',';
    out += '"';
    out += list[k];
    out += '"';
  }
  out += ']';
  return out;
}

nlohmann::json numbers_json(const std::vector<Number>& numbers) {
  auto out = nlohmann::json::array();
  for (const auto& n : numbers) out.push_back({{"value", n.value}, {"what", n.what}});
  return out;
}

std::vector<Number> numbers_from_json(const std::string& text) {
  std::vector<Number> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (!e.is_object()) continue;
    Number n;
    if (e.contains("value") && e["value"].is_number()) n.value = e["value"].get<double>();
    if (e.contains("what") && e["what"].is_string()) n.what = e["what"].get<std::string>();
    out.push_back(std::move(n));
  }
  return out;
}

std::vector<std::string> json_string_list(const std::string& text) {
  std::vector<std::string> out;
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_array()) return out;
  for (const auto& e : j)
    if (e.is_string()) out.push_back(e.get<std::string>());
  return out;
}

std::string join_fact_set(const std::vector<std::string>& members) {
  std::string out;
  for (const auto& m : members) {
    if (!out.empty()) out += "; ";
    out += m;
  }
  return out;
}

std::vector<std::string> split_fact_set(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    const auto end = value.find(';', start);
    std::string member = value.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const auto b = member.find_first_not_of(' ');
    const auto e = member.find_last_not_of(' ');
    if (b != std::string::npos) out.push_back(member.substr(b, e - b + 1));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

TopicInfo topic_info(const AlertPolicy& policy, const std::string& topic) {
  for (const auto& t : policy.topics)
    if (t.name == topic) return t;
  TopicInfo fallback;
  fallback.name = topic;
  return fallback;
}

double word_set_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::set<std::string> sa(a.begin(), a.end()), sb(b.begin(), b.end());
  if (sa.empty() || sb.empty()) return 0;
  std::size_t common = 0;
  for (const auto& w : sa) common += sb.count(w);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

}  // namespace redline
