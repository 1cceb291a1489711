// Acts that an item mentions but does not report as news: past acts placed by a time
// expression or a clause before the news, participles that describe a noun, acts that only
// name what a plan is about. None of them may raise an action alert.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(Stance, RelativeClauseWithPastYearIsBackground) {
  EXPECT_NE(
      stance_of("troops", "The troops that Trump sent to the border in 2019 cost $600 million"),
      Stance::action);
  EXPECT_NE(
      stance_of("troops",
                "Soldiers who were deployed to the border in 2025 describe months of boredom"),
      Stance::action);
  EXPECT_NE(stance_of("troops",
                      "Los militares que Trump envió a la frontera en 2025 costaron 2 mil "
                      "millones de dólares"),
            Stance::action);
}

TEST(Stance, PastYearDoesNotReachAcrossAttribution) {
  // The year belongs to the designation, not to the strikes Trump now talks about.
  EXPECT_EQ(
      stance_of("strikes",
                "Trump, who designated the cartels as terrorists in 2025, says strikes are next"),
      Stance::rhetoric);
  EXPECT_NE(
      stance_of("designations",
                "Trump, who designated the cartels as terrorists in 2025, says strikes are next"),
      Stance::action);
}

TEST(Stance, LastWithPastVerbIsBackground) {
  EXPECT_NE(stance_of("strikes", "Historians warn against an invasion of Mexico",
                      "US troops last crossed into Mexico to chase Pancho Villa."),
            Stance::action);
}

TEST(Stance, ParticipleOpeningHeadlineDescribesNoun) {
  EXPECT_NE(
      stance_of("troops", "Deployed troops complain of heat and poor housing at Texas border camp"),
      Stance::action);
  EXPECT_NE(stance_of("designations", "Designated cartels shift money to crypto, Treasury says"),
            Stance::action);
}

TEST(Stance, ParticipleClauseBeforeCommaIsBackground) {
  EXPECT_NE(
      stance_of("designations", "Designated as terrorists, cartels now face US military threat"),
      Stance::action);
  // The clause after the comma is the news.
  EXPECT_EQ(stance_of("troops", "Ordered to the border last week, 1,500 Marines arrive in El Paso"),
            Stance::action);
}

TEST(Stance, ParticipleAfterItsSubjectStillReports) {
  EXPECT_EQ(stance_of("troops", "US troops deployed to Texas border as crossings rise"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "United States strikes cartel camp in Sinaloa, killing five"),
            Stance::action);
}

TEST(Stance, HavingClauseIsBackground) {
  // The aside runs to the comma after "border" (not to the one inside "10,000"): its troops are
  // background, and the threat names them only as "them", so no troops match is left.
  EXPECT_EQ(stance_of("troops",
                      "Having sent 10,000 troops to the border, Trump now threatens to "
                      "send them into Mexico"),
            std::nullopt);
  EXPECT_EQ(stance_of("troops",
                      "Having sent troops to the border, Trump now threatens to send more troops "
                      "into Mexico"),
            Stance::rhetoric);
}

TEST(Stance, NounCompoundPlanIsRhetoric) {
  EXPECT_EQ(stance_of("troops", "Pentagon announces troop drawdown plan for the border"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Pentagon unveils troop surge plan for southern border"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "White House approves strike package for cartel labs in Sinaloa"),
            Stance::rhetoric);
}

TEST(Stance, StrikeVerbsBeyondStrikeAreAction) {
  EXPECT_EQ(stance_of("strikes", "US drone destroys fentanyl lab outside Culiacán, killing four"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US gunships pound cartel positions near Reynosa"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Misiles estadounidenses destruyen pista clandestina en Durango"),
            Stance::action);
}

TEST(Stance, RelativeClauseBetweenCommasIsBackground) {
  EXPECT_NE(stance_of("troops",
                      "Trump, who sent 10,000 troops to the border, now wants to send "
                      "them into Sonora"),
            Stance::action);
}

TEST(Stance, AfterPlusGerundIsBackground) {
  // "after" + the subject's own earlier step is context; "after" + a noun still takes it as given.
  EXPECT_NE(stance_of("troops",
                      "After sending troops to the border, Trump now eyes sending them "
                      "into Mexico"),
            Stance::action);
  EXPECT_NE(stance_of("troops",
                      "Tras desplegar 10 mil soldados en la frontera, Trump amaga con "
                      "enviarlos a México"),
            Stance::action);
  EXPECT_EQ(
      stance_of("strikes", "After a US drone strike in Sinaloa, Mexico recalls its ambassador"),
      Stance::action);
}

TEST(Stance, ReducedRelativeUnderModalIsRhetoric) {
  EXPECT_EQ(stance_of("troops", "Troops sent to Texas would stay until 2027 under Senate plan"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops",
                      "Hegseth told senators that troops sent into Mexico would stay "
                      "'for months'"),
            Stance::rhetoric);
}

TEST(Stance, ParticipleAfterObjectOfPrepositionDescribesIt) {
  EXPECT_NE(stance_of("designations", "Trump signs order allowing military to target cartels",
                      "The directive authorizes the Pentagon to use force against cartels "
                      "designated as terrorists."),
            Stance::action);
}

TEST(Stance, ActionWordAfterArticleIsNoun) {
  // "bombardeo" is also the verb "bombardeó"; after "un" it is the noun, here one only feared.
  EXPECT_EQ(
      stance_of("strikes", "Bolsa mexicana cae ante el temor de un bombardeo de EU en Sinaloa"),
      Stance::rhetoric);
}

TEST(Stance, ArrivalVerbsAreAction) {
  EXPECT_EQ(stance_of("troops", "Another 2,000 US troops land in El Paso for border duty"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Texas Guard troops roll into Eagle Pass as crossings spike"),
            Stance::action);
}

TEST(Stance, SinceGerundIsBackground) {
  EXPECT_NE(stance_of("designations",
                      "Since designating the cartels, Washington has frozen $1 billion in assets"),
            Stance::action);
}

TEST(Stance, LastYearIsBackground) {
  EXPECT_NE(stance_of("strikes",
                      "The raid that US commandos carried out in Culiacán last year "
                      "still divides Mexico"),
            Stance::action);
}

TEST(Stance, HyphenatedParticipleIsAnAdjective) {
  EXPECT_NE(stance_of("designations", "US-designated cartel CJNG fights rivals in Zacatecas"),
            Stance::action);
}

}  // namespace
}  // namespace redline
