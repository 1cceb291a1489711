// Any TOML text as a configuration: an error is a "FILE:LINE: reason" Result, never a crash or
// an exception escaping parse_config.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)redline::parse_config(std::string_view(reinterpret_cast<const char*>(data), size),
                              "/nonexistent/fuzz/redline.toml");
  return 0;
}
