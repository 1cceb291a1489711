// What the query commands (history, status, diffs, timeline, alerts list) share: opening an
// existing database without creating one, and the JSON shape of stored items.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "db/store.h"

namespace redline {

// The store at `path`, or nullptr after printing "no database at PATH" (a query never creates
// an empty database by accident).
std::unique_ptr<Store> open_existing_store(const std::string& path);

// Prints "redline: bad date for OPTION: VALUE" and returns the usage exit code.
int bad_date(const char* option, const std::string& value);

// History items as `redline history --format json` prints them.
nlohmann::json to_json(const std::vector<HistoryItem>& items);

}  // namespace redline
