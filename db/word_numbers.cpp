#include "db/word_numbers.h"

#include <algorithm>
#include <functional>

namespace redline {

namespace {

std::uint64_t hash_of(std::string_view word) {
  return std::hash<std::string_view>{}(word);
}

std::uint64_t slot_for(std::uint64_t hash, std::size_t number) {
  return (hash >> 32) << 32 | (number + 1);
}

}  // namespace

std::uint32_t WordNumbers::find(std::string_view word) const {
  if (slots_.empty()) return kNone;
  const std::uint64_t hash = hash_of(word);
  for (std::size_t k = slot_of(hash);; k = (k + 1) & (slots_.size() - 1)) {
    const std::uint64_t slot = slots_[k];
    if (slot == 0) return kNone;
    const auto number = static_cast<std::uint32_t>(slot) - 1;
    if ((slot >> 32) == (hash >> 32) && words_[number] == word) return number;
  }
}

std::uint32_t WordNumbers::insert(std::string_view word) {
  if (const auto found = find(word); found != kNone) return found;
  auto place = [this](std::uint64_t hash, std::size_t number) {
    std::size_t k = slot_of(hash);
    while (slots_[k] != 0) k = (k + 1) & (slots_.size() - 1);
    slots_[k] = slot_for(hash, number);
  };
  // At most half full, so that probes stay short and a miss soon meets an empty slot.
  if (2 * (words_.size() + 1) > slots_.size()) {
    slots_.assign(std::max<std::size_t>(1024, 2 * slots_.size()), 0);
    for (std::size_t n = 0; n < words_.size(); ++n) place(hash_of(words_[n]), n);
  }
  const auto number = static_cast<std::uint32_t>(words_.size());
  place(hash_of(word), number);
  words_.emplace_back(word);
  return number;
}

}  // namespace redline
