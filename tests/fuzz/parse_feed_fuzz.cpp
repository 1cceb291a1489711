// Any bytes through parse_feed: with no options, and with a base URL plus an HTTP charset picked
// by the first input byte, so charset detection and link resolution are both exercised. The
// result is also rendered to JSON, the path `redline parse` takes.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feeds/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redline;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto feed = parse_feed(bytes)) {
    (void)feed_to_json(*feed);
  }
  static constexpr std::array<std::string_view, 5> charsets = {"", "utf-8", "windows-1252",
                                                               "iso-8859-1", "utf-16"};
  ParseOptions options;
  options.base_url = "https://news.example.org/world/feed.xml";
  options.http_charset = std::string(charsets[size == 0 ? 0 : data[0] % charsets.size()]);
  options.max_items = 50;
  if (auto feed = parse_feed(bytes, options)) {
    (void)feed_to_json(*feed);
  }
  return 0;
}
