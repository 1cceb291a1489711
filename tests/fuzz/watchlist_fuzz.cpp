// Any TOML text as a watchlist: an error is a one-line Result, never a crash, an uncaught
// exception or a runaway regular expression (RE2 keeps user patterns linear).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "topics/topics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redline;
  auto watchlist = parse_watchlist(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
  if (watchlist) {
    Classifier classifier(*watchlist);
    (void)classifier.classify("US forces strike cartel lab in Sinaloa, 1,500 troops deployed",
                              "Officials deny a raid was planned.");
  }
  return 0;
}
