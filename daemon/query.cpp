#include "daemon/query.h"

#include <cstdio>
#include <filesystem>

#include "daemon/commands.h"

namespace redline {

std::unique_ptr<Store> open_existing_store(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    std::fprintf(stderr, "redline: no database at %s (run `redline poll --once` or give --db)\n",
                 path.c_str());
    return nullptr;
  }
  return open_sqlite_store(path);
}

int bad_date(const char* option, const std::string& value) {
  std::fprintf(stderr, "redline: bad date for %s: %s (use 2025-03-01, RFC 3339, or 24h / 7d)\n",
               option, value.c_str());
  return exit_code::usage;
}

}  // namespace redline
