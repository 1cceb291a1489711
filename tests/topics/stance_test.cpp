#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(Stance, HeadlinePresentTenseIsAction) {
  EXPECT_EQ(stance_of("strikes", "US strikes cartel camp in Sinaloa"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Pentagon deploys 1,000 more soldiers to the southern border"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "US designates Gulf Cartel as terrorist organization"),
            Stance::action);
}

TEST(Stance, ToPlusVerbIsFuture) {
  EXPECT_EQ(stance_of("troops", "US to deploy 1,500 troops to the border"), Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "Trump to designate more cartels as terrorists"),
            Stance::rhetoric);
}

TEST(Stance, DeliberationIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Trump weighs drone strikes on cartels in Mexico"), Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "White House mulls raids on fentanyl labs in Sinaloa"), Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Pentagon eyes sending more troops to the border"), Stance::rhetoric);
}

TEST(Stance, ModalsAreRhetoric) {
  EXPECT_EQ(stance_of("strikes", "US could strike cartels in Mexico, official says"), Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "A US strike in Sonora would violate sovereignty"), Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "More cartels could be designated soon, Rubio says"),
            Stance::rhetoric);
}

TEST(Stance, WontRuleOutIsRhetoricNotDenial) {
  EXPECT_EQ(stance_of("strikes", "Trump won't rule out strikes on cartels in Mexico"), Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Trump no descarta enviar tropas a México"), Stance::rhetoric);
}

TEST(Stance, RulesOutIsDenial) {
  EXPECT_EQ(stance_of("troops", "White House rules out sending troops into Mexico"), Stance::denial);
}

TEST(Stance, OfficialDenialIsDenial) {
  EXPECT_EQ(stance_of("strikes", "Pentagon denies US drones bombed ranch in Chihuahua"), Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum niega bombardeo de EU en Michoacán"), Stance::denial);
}

TEST(Stance, FactCheckIsDenial) {
  EXPECT_EQ(stance_of("strikes", "Fact check: no, the US did not bomb a cartel base in Sonora"),
            Stance::denial);
}

TEST(Stance, AttributionKeepsTheReportedAction) {
  EXPECT_EQ(stance_of("strikes", "Mexico says US drone killed three near Nogales"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum confirma ataque de dron de EU en Sonora"), Stance::action);
}

TEST(Stance, ThreatsAndRejectedOffersAreRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Trump threatens strikes on cartels in Mexico"), Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Mexico rejects Trump offer to send US troops"), Stance::rhetoric);
}

TEST(Stance, SpanishThreatIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Trump amaga con bombardear a cárteles en México"), Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "EU analiza ataques con drones contra cárteles en Sinaloa"),
            Stance::rhetoric);
}

TEST(Stance, SpanishPastTenseIsAction) {
  EXPECT_EQ(stance_of("strikes", "EU bombardeó un campamento del CJNG en Jalisco"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Llegan a Texas 500 soldados estadounidenses para reforzar la frontera"),
            Stance::action);
}

TEST(Stance, SummaryDenialOverridesHeadline) {
  EXPECT_EQ(stance_of("strikes", "US drone strike hits cartel lab in Sinaloa",
                      "The Pentagon later denied that any US aircraft struck targets in Mexico."),
            Stance::denial);
}

TEST(Stance, AfterAStrikeTakesItAsGiven) {
  EXPECT_EQ(stance_of("strikes", "Mexico protests after US drone strike near Nogales"), Stance::action);
}

TEST(Stance, ToStringRoundTrips) {
  for (Stance s : {Stance::action, Stance::rhetoric, Stance::denial}) {
    EXPECT_EQ(stance_from_string(to_string(s)), s);
  }
  EXPECT_FALSE(stance_from_string("maybe").has_value());
  EXPECT_STREQ(to_string(Severity::critical), "critical");
  EXPECT_STREQ(to_string(Severity::warning), "warning");
  EXPECT_STREQ(to_string(Severity::info), "info");
}

}  // namespace
}  // namespace redline
