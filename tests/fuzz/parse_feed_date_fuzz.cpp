// Any text through the lenient date reader: it must return a value or nullopt, never crash or
// overflow (UBSan checks the arithmetic).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feeds/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)redline::parse_feed_date(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
