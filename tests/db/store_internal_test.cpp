#include "db/store_internal.h"

#include <gtest/gtest.h>

namespace redline {
namespace {

// The lists written directly are the text nlohmann::json writes for them, and any other list
// (quotes, backslashes, control characters, text outside ASCII, invalid UTF-8) is left to it.
TEST(JsonListText, WritesWhatNlohmannWrites) {
  const std::vector<std::vector<std::string>> lists = {
      {},
      {"Sinaloa"},
      {"e:CJNG", "n:1500 troops", "t:strikes", "word"},
      {"a \"quoted\" name"},
      {"back\\slash"},
      {"tab\there"},
      {std::string("nul\0byte", 8)},
      {"del\x7f"},
      {"Cártel Jalisco Nueva Generación", "\xe2\x82\xac"},
      {"broken \xc3", "\xff"},
      {"", ""},
  };
  for (const auto& list : lists) {
    EXPECT_EQ(json_list_text(list), to_json_text(nlohmann::json(list)))
        << (list.empty() ? std::string("(empty)") : list[0]);
  }
  EXPECT_EQ(json_list_text({"e:CJNG", "t:strikes"}), R"(["e:CJNG","t:strikes"])");
}

}  // namespace
}  // namespace redline
