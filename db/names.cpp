#include "db/names.h"

namespace redline {

const char* stance_name(Stance s) {
  switch (s) {
    case Stance::action: return "action";
    case Stance::rhetoric: return "rhetoric";
    case Stance::denial: return "denial";
  }
  return "rhetoric";
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::critical: return "critical";
  }
  return "warning";
}

int stance_strength(std::string_view stance) {
  if (stance == "action") return 3;
  if (stance == "denial") return 2;
  if (stance == "rhetoric") return 1;
  return 0;
}

}  // namespace redline
