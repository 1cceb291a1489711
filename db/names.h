// How the store spells the classifier's enums in the database and in alert payloads. The
// spellings are part of the schema (CHECK constraints, users' queries), so the store keeps its
// own copy rather than depending on how topics/ prints them.
#pragma once

#include <optional>
#include <string_view>

#include "topics/topics.h"

namespace redline {

const char* stance_name(Stance s);    // "action", "rhetoric", "denial"
const char* severity_name(Severity s);  // "info", "warning", "critical"

// Strength for an event's stance: action > denial > rhetoric. Unknown spellings rank lowest.
int stance_strength(std::string_view stance);

}  // namespace redline
