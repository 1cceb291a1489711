// Small helpers shared by the store's .cpp files: JSON text for columns and payloads, fact sets,
// the topic settings of a policy, and a word-set similarity for when no policy similarity is set.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "db/store.h"

namespace redline {

// JSON text; invalid UTF-8 from a hostile feed is replaced (U+FFFD), never thrown on.
std::string to_json_text(const nlohmann::json& value);
// to_json_text(nlohmann::json(list)), written directly when every string is plain ASCII (no
// quote, backslash or control character): a list for every match recorded.
std::string json_list_text(const std::vector<std::string>& list);

// [{"value": 1500, "what": "troops"}, ...]
nlohmann::json numbers_json(const std::vector<Number>& numbers);
std::vector<Number> numbers_from_json(const std::string& text);

// A JSON array of strings as text to a vector; anything else gives an empty vector.
std::vector<std::string> json_string_list(const std::string& text);

// Set-valued facts are stored as members joined by "; ".
std::string join_fact_set(const std::vector<std::string>& members);
std::vector<std::string> split_fact_set(const std::string& value);

// The policy's settings for a topic (defaults when the topic is not listed).
TopicInfo topic_info(const AlertPolicy& policy, const std::string& topic);

// Jaccard similarity of the two word sets, in [0,1]; 0 when either is empty.
double word_set_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace redline
