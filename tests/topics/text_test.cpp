#include <gtest/gtest.h>

#include "topics/text.h"

namespace redline::topics_detail {
namespace {

TEST(Normalize, FoldsAccentsAndCase) {
  EXPECT_EQ(normalize_text("Cártel del NORESTE: Bombardeó Michoacán, España"),
            "cartel del noreste: bombardeo michoacan, espana");
}

TEST(Normalize, QuotesBecomeSpacesButApostrophesStay) {
  EXPECT_EQ(normalize_text("Trump says US \u2018will hit\u2019 cartels; he won't"),
            "trump says us will hit cartels; he won't");
  EXPECT_EQ(normalize_text("\u00bfAtacar\u00e1? \u201cS\u00ed\u201d"), "atacara? sii");
}

TEST(Normalize, AccentedSiStaysApartFromIf) {
  EXPECT_EQ(normalize_text("S\u00ed hubo ataque, si acaso"), "sii hubo ataque, si acaso");
  EXPECT_EQ(normalize_text("S\u00cd HUBO; as\u00ed fue"), "sii hubo; asi fue");
  EXPECT_EQ(normalize_pattern("s\u00ed hubo"), "sii hubo");
}

TEST(Normalize, CollapsesWhiteSpaceAndDropsInvalidBytes) {
  EXPECT_EQ(normalize_text("  a\t\n b \xff c  "), "a b c");
}

TEST(Normalize, PatternKeepsEscapes) {
  EXPECT_EQ(normalize_pattern("C\u00c1RTEL\\S+\\B"), "cartel\\S+\\B");
}

TEST(Normalize, WordIndexCountsWords) {
  const auto w = word_index(" us to deploy ");
  EXPECT_EQ(w[1], 1);
  EXPECT_EQ(w[4], 2);
  EXPECT_EQ(w[13], 3);
}

}  // namespace
}  // namespace redline::topics_detail
