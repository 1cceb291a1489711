// Words numbered in the order they are first met, for comparing reports with events by number
// (SqliteStore::most_similar_open_event).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace redline {

// Open addressing, with part of each word's hash beside its number: a report's words are looked
// up once each, most of them are in no event, and a lookup that misses must be cheap (issue #8:
// std::unordered_map's were 2.6 % of a cold poll of varied news).
class WordNumbers {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // The word's number, or kNone.
  std::uint32_t find(std::string_view word) const;
  // The word's number; the next one (size() before the call) when it had none.
  std::uint32_t insert(std::string_view word);
  std::size_t size() const { return words_.size(); }

 private:
  std::size_t slot_of(std::uint64_t hash) const { return hash & (slots_.size() - 1); }
  std::vector<std::string> words_;    // by number
  std::vector<std::uint64_t> slots_;  // hash's high half << 32 | (number + 1); 0: empty
};

}  // namespace redline
