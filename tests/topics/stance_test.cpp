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
  EXPECT_EQ(stance_of("strikes", "Trump weighs drone strikes on cartels in Mexico"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "White House mulls raids on fentanyl labs in Sinaloa"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Pentagon eyes sending more troops to the border"),
            Stance::rhetoric);
}

TEST(Stance, ModalsAreRhetoric) {
  EXPECT_EQ(stance_of("strikes", "US could strike cartels in Mexico, official says"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "A US strike in Sonora would violate sovereignty"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "More cartels could be designated soon, Rubio says"),
            Stance::rhetoric);
}

TEST(Stance, WontRuleOutIsRhetoricNotDenial) {
  EXPECT_EQ(stance_of("strikes", "Trump won't rule out strikes on cartels in Mexico"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Trump no descarta enviar tropas a México"), Stance::rhetoric);
}

TEST(Stance, RulesOutIsDenial) {
  EXPECT_EQ(stance_of("troops", "White House rules out sending troops into Mexico"),
            Stance::denial);
}

TEST(Stance, OfficialDenialIsDenial) {
  EXPECT_EQ(stance_of("strikes", "Pentagon denies US drones bombed ranch in Chihuahua"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum niega bombardeo de EU en Michoacán"), Stance::denial);
}

TEST(Stance, FactCheckIsDenial) {
  EXPECT_EQ(stance_of("strikes", "Fact check: no, the US did not bomb a cartel base in Sonora"),
            Stance::denial);
}

TEST(Stance, AttributionKeepsTheReportedAction) {
  EXPECT_EQ(stance_of("strikes", "Mexico says US drone killed three near Nogales"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum confirma ataque de dron de EU en Sonora"),
            Stance::action);
}

TEST(Stance, ThreatsAndRejectedOffersAreRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Trump threatens strikes on cartels in Mexico"), Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Mexico rejects Trump offer to send US troops"), Stance::rhetoric);
}

TEST(Stance, SpanishThreatIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Trump amaga con bombardear a cárteles en México"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "EU analiza ataques con drones contra cárteles en Sinaloa"),
            Stance::rhetoric);
}

TEST(Stance, SpanishPastTenseIsAction) {
  EXPECT_EQ(stance_of("strikes", "EU bombardeó un campamento del CJNG en Jalisco"), Stance::action);
  EXPECT_EQ(
      stance_of("troops", "Llegan a Texas 500 soldados estadounidenses para reforzar la frontera"),
      Stance::action);
}

TEST(Stance, SummaryDenialOverridesHeadline) {
  EXPECT_EQ(stance_of("strikes", "US drone strike hits cartel lab in Sinaloa",
                      "The Pentagon later denied that any US aircraft struck targets in Mexico."),
            Stance::denial);
}

TEST(Stance, AfterAStrikeTakesItAsGiven) {
  EXPECT_EQ(stance_of("strikes", "Mexico protests after US drone strike near Nogales"),
            Stance::action);
}

TEST(Stance, BackgroundTimeExpressionIsNotNews) {
  EXPECT_FALSE(stance_of("designations",
                         "A year after the terror designation, cartels still move fentanyl"));
  EXPECT_NE(
      stance_of("designations", "Since the 2025 FTO designation, banks froze cartel accounts"),
      Stance::action);
  EXPECT_NE(stance_of("designations", "In 2025, Trump designated cartels as terrorists"),
            Stance::action);
  EXPECT_NE(
      stance_of("strikes", "Tras los bombardeos de EU del año pasado, Sinaloa vive con miedo"),
      Stance::action);
}

TEST(Stance, DecadesAgoIsBackground) {
  EXPECT_FALSE(stance_of("troops", "Decades ago, US troops chased Pancho Villa into Chihuahua"));
  EXPECT_FALSE(stance_of("troops", "In the 1990s, US troops helped build the border fence"));
}

TEST(Stance, TroopCountRisingIsAction) {
  EXPECT_EQ(stance_of("troops", "US troops at the southern border rise to 11,000"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Casi 10 mil soldados de EU ya están en la frontera con México"),
            Stance::action);
}

TEST(Stance, NewActBesideABackgroundOneIsAction) {
  EXPECT_EQ(stance_of("designations", "US designates a ninth cartel as a terrorist organization",
                      "It is the first addition since the February 2025 listing."),
            Stance::action);
}

TEST(Stance, BackgroundActKeepsItsDenial) {
  EXPECT_EQ(stance_of("strikes", "Pentagon denies last year's reports of a US strike in Sinaloa"),
            Stance::denial);
}

TEST(Stance, HypotheticalFrameIsRhetoric) {
  EXPECT_EQ(stance_of("designations", "Scenario: US designates more cartels, Mexico retaliates"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "War game: US drones strike cartel labs in Sinaloa"),
            Stance::rhetoric);
}

TEST(Stance, FactCheckKickerDeniesTheTitle) {
  EXPECT_EQ(
      stance_of("strikes", "Verificamos: video de supuesto bombardeo de EU en Culiacán es viejo"),
      Stance::denial);
}

TEST(Stance, UnfoundedClaimIsDenial) {
  EXPECT_EQ(stance_of("strikes", "Claims of a US drone strike in Michoacán are unfounded"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "US jets fly near Mexican airspace",
                      "No strikes were carried out, the Pentagon said."),
            Stance::denial);
}

TEST(Stance, PresumedKickerYieldsToASummaryThatHedges) {
  EXPECT_EQ(stance_of("strikes", "US strikes on cartels: Trump says Mexico has 30 days",
                      "He said strikes would follow if Mexico does not act."),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "US drone strike in Sinaloa: Mexico recalls ambassador"),
            Stance::action);
}

TEST(Stance, PaperworkAboutAnActIsRhetoric) {
  EXPECT_EQ(stance_of("troops", "Senate approves funding for border troop mission"),
            Stance::rhetoric);
  EXPECT_EQ(
      stance_of("designations", "State Department publishes criteria for designating cartels"),
      Stance::rhetoric);
  EXPECT_EQ(
      stance_of("strikes", "Trump firma memorando para preparar ataques contra cárteles en México"),
      Stance::rhetoric);
}

TEST(Stance, SpanishFirstPersonFutureIsRhetoric) {
  EXPECT_EQ(stance_of("troops", "Vamos a mandar tropas: Trump sobre los cárteles en México"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Trump: bombardearemos a los cárteles en México"),
            Stance::rhetoric);
}

TEST(Stance, PotentialActIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Potential US raids in Mexico raise legal questions"),
            Stance::rhetoric);
}

TEST(Stance, AfterTalkOfAnActIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Peso falls after Trump's comments on strikes in Mexico"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes",
                      "Tras las declaraciones de Trump sobre ataques a cárteles, "
                      "Sheinbaum llama a la calma"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Peso falls after US strike on cartel camp in Sinaloa"),
            Stance::action);
}

TEST(Stance, AfterAnInfinitiveActIsNotGiven) {
  EXPECT_EQ(stance_of("designations",
                      "Tras el anuncio de EU de designar a más cárteles, bancos revisan cuentas"),
            Stance::rhetoric);
}

TEST(Stance, TroopsLeavingOrCrossingTheBorderIsAction) {
  EXPECT_EQ(stance_of("troops", "US Marines leave the border as mission winds down"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "US soldiers cross border by mistake, Mexico says"),
            Stance::action);
}

TEST(Stance, ReactionToAnActTakesItAsHappened) {
  EXPECT_EQ(stance_of("strikes", "Mexico condemns US drone strike in Michoacán"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum condena el bombardeo de EU en Culiacán"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Families bury victims of US raid in Tamaulipas"), Stance::action);
}

TEST(Stance, ReactionByTheActorIsNotItsAct) {
  EXPECT_NE(stance_of("strikes", "Mexican journalist killed in Sinaloa; US condemns attack"),
            Stance::action);
}

TEST(Stance, AnyActIsHypothetical) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum condemns any US strike on Mexican soil"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes",
                      "Sheinbaum dice que cualquier ataque de EU en México sería una agresión"),
            Stance::rhetoric);
}

TEST(Stance, NegatedSpanishPreteriteIsDenial) {
  EXPECT_EQ(stance_of("troops", "Los soldados de EU no cruzaron la frontera, aclara Sedena"),
            Stance::denial);
}

TEST(Stance, FootageFromAVideoGameIsDenial) {
  EXPECT_EQ(
      stance_of("strikes", "Viral video of 'US bombing' in Michoacán is from a 2019 video game"),
      Stance::denial);
}

TEST(Stance, InCaseOfIsHypothetical) {
  EXPECT_EQ(stance_of("strikes", "Ranchers near Nogales build shelters in case of US airstrikes"),
            Stance::rhetoric);
}

TEST(Stance, FalseClaimIsDenial) {
  EXPECT_EQ(stance_of("troops", "Trump falsely claims US troops are already in Mexico"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Pentagon: reports of US raid in Sonora are 'inaccurate'"),
            Stance::denial);
}

TEST(Stance, SpanishEntryIsActionAndItsNegationDenial) {
  EXPECT_EQ(stance_of("troops", "Tropas de EU entran a Sonora en persecución de sicarios"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Tropas de EU no entran a Sonora, aclara la Defensa"),
            Stance::denial);
}

TEST(Stance, HitByUsForcesIsAction) {
  EXPECT_EQ(stance_of("strikes", "Cartel camp in Sinaloa hit by US drones, officials confirm"),
            Stance::action);
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
