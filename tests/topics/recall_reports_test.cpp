// More wording families of real action reports missed when the sixth session's later recall
// batches were first scored (tests/data/topics/dev.jsonl from d2023 on), each with the near
// miss that must keep its stance. Sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(RecallReports, AnExplainerPresumesTheActOnlyWhenNothingHedges) {
  EXPECT_EQ(stance_of("strikes", "Crónica: así fue el ataque de EU en Navolato"), Stance::action);
  EXPECT_EQ(
      stance_of("troops", "What we know about the soldiers Trump wants at the Arizona border"),
      Stance::rhetoric);
}

TEST(RecallReports, ARescueIsARaidNotADeployment) {
  EXPECT_EQ(stance_of("strikes", "US commandos rescue kidnapped American in Durango"),
            Stance::action);
  EXPECT_NE(stance_of("troops", "Marines rescue lost hikers near the Arizona border"),
            Stance::action);
}

TEST(RecallReports, AnActContinuingForAnotherNightGoesOn) {
  EXPECT_EQ(stance_of("strikes", "US airstrikes continue for a third night in Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Bombardeos de EU continúan por segundo día en Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US airstrikes in Durango could continue for a third night"),
            Stance::rhetoric);
}

TEST(RecallReports, CasualtyFiguresReportTheAct) {
  EXPECT_EQ(stance_of("strikes", "Pentagon publishes casualty count from Durango strikes"),
            Stance::action);
}

TEST(RecallReports, ARaidThatNetsSomeoneHappened) {
  EXPECT_EQ(stance_of("strikes", "SEAL team raid in Durango nets cartel accountant"),
            Stance::action);
}

TEST(RecallReports, ACountOfStrikesInASpanReportsThem) {
  EXPECT_EQ(stance_of("strikes", "Durango under fire: five US airstrikes in a week"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Trump wants five strikes in a week on Durango cartels"),
            Stance::rhetoric);
}

TEST(RecallReports, DivisionsAndEngineersAreTroops) {
  EXPECT_EQ(stance_of("troops", "Soldiers of the 10th Mountain Division arrive at Texas border"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Army engineers arrive in New Mexico border zone"), Stance::action);
}

TEST(RecallReports, AGroupThatAppearsOnTheListIsListed) {
  EXPECT_EQ(stance_of("designations", "Los Rojos ya figuran en la lista de terroristas de EU"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos podrían figurar en la lista de terroristas de EU"),
            Stance::rhetoric);
}

TEST(RecallReports, AListingMadeOfficialIsReported) {
  EXPECT_EQ(stance_of("designations", "Los Rojos cartel terror designation now official"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "EU oficializa designación de Los Rojos como terroristas"),
            Stance::action);
}

TEST(RecallReports, PicturesFromAnotherYearAreADenialInSpanish) {
  EXPECT_EQ(stance_of("troops", "Video de 'tropas de EU en Nogales, Sonora' es de 2019"),
            Stance::denial);
}

TEST(RecallReports, NoUsSoldierTookPartDenies) {
  EXPECT_EQ(
      stance_of("strikes", "Ningún soldado estadounidense participó en el operativo en Navolato"),
      Stance::denial);
}

TEST(RecallReports, JoiningOrEndingAMissionAndLeavingTheBorderMoveTroops) {
  EXPECT_EQ(stance_of("troops", "Ohio Guard soldiers join Arizona border mission"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Marines leave Yuma as border deployment ends"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Termina la misión de soldados de EU en Nogales, Arizona"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Army pulls 800 soldiers off Texas border mission"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Ohio Guard soldiers could join Arizona border mission"),
            Stance::rhetoric);
}

TEST(RecallReports, AnInfinitiveInTheTitleLooksAhead) {
  EXPECT_EQ(stance_of("troops", "Troop drawdown at the border: 900 soldiers to come home in May"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Troop drawdown at the border: 900 soldiers come home"),
            Stance::action);
}

TEST(RecallReports, ACampAndACountThatRisesReportTroops) {
  EXPECT_EQ(stance_of("troops", "Instalan soldados de EU campamento en Santa Teresa"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Eleva EU a 9 mil los soldados en la frontera"), Stance::action);
  EXPECT_EQ(stance_of("troops", "US troop count at the border reaches 11,000"), Stance::action);
}

TEST(RecallReports, SpanishAnnouncementsAndBecomingReportAListing) {
  EXPECT_EQ(stance_of("designations", "Rubio anuncia la designación terrorista de Los Rojos"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos pasan a ser grupo terrorista para EU"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos, oficialmente organización terrorista para EU"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Rubio anuncia que podría designar a Los Rojos"),
            Stance::rhetoric);
}

TEST(RecallReports, NotOnTheListDenies) {
  EXPECT_EQ(
      stance_of("designations", "Los Rojos cartel is not on the US terror list, officials say"),
      Stance::denial);
}

TEST(RecallReports, DetailsOfASpecificActOnly) {
  EXPECT_EQ(stance_of("strikes", "Pentagon details the drone strike on a Durango lab"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Hegseth details how strikes in Durango would work"),
            Stance::rhetoric);
}

TEST(RecallReports, BecomingATargetIsNoListing) {
  EXPECT_EQ(stance_of("strikes", "Durango pasa a ser objetivo de ataques de EU, advierten"),
            Stance::rhetoric);
}

TEST(RecallReports, ShootingDownIsAStrikeBeingShotDownIsNot) {
  EXPECT_EQ(stance_of("strikes", "US drone shoots down cartel aircraft over Durango"),
            Stance::action);
  EXPECT_NE(stance_of("strikes", "US drone shot down over Durango, cartel claims"), Stance::action);
}

TEST(RecallReports, TakingPartInANamedOperation) {
  EXPECT_EQ(stance_of("strikes", "Fact check: no US soldiers took part in Navolato operation"),
            Stance::denial);
}

TEST(RecallReports, TalkAboutAnActUnderALiveLabelIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "LIVE: Trump addresses the nation on cartel strikes in Durango"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "LIVE: US airstrikes on cartel camps in Durango"), Stance::action);
}

TEST(RecallReports, OnlyACountOfMarinesNamesNoOneAndStillMeansUsMarines) {
  EXPECT_EQ(stance_of("troops", "1,200 Marines reach the Sonora border"), Stance::action);
  // Marines with no count and no actor may be Mexico's
  EXPECT_EQ(stance_of("troops", "Marines arrive in Culiacán"), std::nullopt);
}

TEST(RecallReports, ASpanishSubjunctiveAfterDespuesDeQueIsPast) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum responde",
                      "Habló horas después de que un dron estadounidense atacara un rancho en "
                      "Durango."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum advierte que EU atacará ranchos en Durango"),
            Stance::rhetoric);
}

TEST(RecallReports, TroopsBackingUpTheBorderPatrolAreTroops) {
  EXPECT_EQ(stance_of("troops", "600 soldiers sent to New Mexico to back up Border Patrol"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Army units take over surveillance posts along the Texas border"),
            Stance::action);
  // Border Patrol agents are not troops
  EXPECT_EQ(stance_of("troops", "Border Patrol sends 600 agents to New Mexico border"),
            std::nullopt);
}

TEST(RecallReports, ImpersonalSpanishListingAsTerroristsIsTheUs) {
  EXPECT_EQ(stance_of("designations", "Designan como terroristas a Los Rojos y a La Barredora"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Ecuador designa como terroristas a dos bandas"),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "State Department listing makes Los Rojos an FTO"),
            Stance::action);
}

TEST(RecallReports, PreparingASendingIsRhetoric) {
  EXPECT_EQ(stance_of("troops", "Pentágono alista envío de 900 soldados a la frontera de Arizona"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Pentágono envió 900 soldados a la frontera de Arizona"),
            Stance::action);
}

TEST(RecallReports, AttributingAnActReportsIt) {
  EXPECT_EQ(stance_of("strikes", "Explosión en Tamazula: atribuyen ataque a drones de EU"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Durango governor blames deadly drone attack on US forces"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Revela diario que la CIA dirigió ataques con drones en Durango"),
            Stance::action);
}

TEST(RecallReports, ACountThatAlreadyAddsUpReportsTroops) {
  EXPECT_EQ(stance_of("troops", "La frontera de Arizona suma ya 5 mil soldados de EU"),
            Stance::action);
}

TEST(RecallReports, AWishWithACountAndAParticipleIsRhetoric) {
  EXPECT_EQ(stance_of("troops", "Governors want 2,500 more Guard troops sent to the Texas border"),
            Stance::rhetoric);
}

TEST(RecallReports, BlamingAnActForItsResultReportsIt) {
  EXPECT_EQ(stance_of("strikes", "Durango mayor blames US airstrike for deaths of three herders"),
            Stance::action);
}

TEST(RecallReports, DisputingAClaimDenies) {
  EXPECT_EQ(stance_of("strikes", "Pentagon disputes claims of US drone strike in Durango"),
            Stance::denial);
  // disputing a toll does not deny the act
  EXPECT_EQ(stance_of("strikes", "US drone strike in Durango killed five; Pentagon disputes toll"),
            Stance::action);
}

TEST(RecallReports, SoldiersSettingUpWireAtTheBorderAreDeployed) {
  EXPECT_EQ(stance_of("troops", "Soldiers set up razor wire in Del Rio as deployment grows"),
            Stance::action);
}

TEST(RecallReports, AnActThatNeverTookPlaceIsDenied) {
  EXPECT_EQ(stance_of("strikes", "No US airstrike took place in Durango, Northcom says"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Cartel boss was not killed in a US raid in Durango, family says"),
            Stance::denial);
  EXPECT_EQ(stance_of("troops",
                      "No se reportó la llegada de soldados estadounidenses a Nogales, "
                      "Sonora"),
            Stance::denial);
}

TEST(RecallReports, SpanishImpersonalRecordsReport) {
  EXPECT_EQ(stance_of("strikes", "Se registró un bombardeo estadounidense en Tamazula"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Se reportó la llegada de 400 soldados de EU a Nogales, Arizona"),
            Stance::action);
}

TEST(RecallReports, SurvivorsRecountingARaidReportIt) {
  EXPECT_EQ(stance_of("strikes", "Survivors recount US raid on Durango ranch"), Stance::action);
}

TEST(RecallReports, NothingOrderedYetDenies) {
  EXPECT_EQ(stance_of("troops",
                      "Marines at the border? Pentagon says no deployment has been "
                      "ordered to Arizona"),
            Stance::denial);
}

TEST(RecallReports, NotAUsActDenies) {
  EXPECT_EQ(stance_of("strikes", "Blast in Durango was a cartel car bomb, not a US strike"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Durango explosion was not caused by a US missile, officials say"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "No US soldiers crossed into Mexico during Durango clash"),
            Stance::denial);
}

TEST(RecallReports, RegionsAreMexicanPlaces) {
  EXPECT_EQ(stance_of("strikes", "Bombardeo de EU en la Tierra Caliente deja tres muertos"),
            Stance::action);
}

TEST(RecallReports, SpanishFootageShowsTheAct) {
  EXPECT_EQ(stance_of("strikes", "Imágenes muestran el ataque de un dron de EU en Tamazula"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Es falso que video muestre ataque de EU en Tamazula"),
            Stance::denial);
}

TEST(RecallReports, AListingPublishedByTheUsReports) {
  EXPECT_EQ(
      stance_of("designations", "Designación de Los Rojos como terroristas, publicada por EU"),
      Stance::action);
}

}  // namespace
}  // namespace redline
