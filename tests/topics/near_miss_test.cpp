// Near misses of the cues that report an act (explainers, kickers, labels, "anuncia", the place
// that lifts an exclusion), found when the seventh session's precision batches were first
// scored (items d2421 on of tests/data/topics/dev.jsonl), each with the report that must stay
// action. Sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(NearMiss, AnExplainerAfterAKickerTakesTheActAsDone) {
  EXPECT_EQ(stance_of("strikes", "Explainer: what we know about the US raid in Sonora"),
            Stance::action);
  // the kicker alone explains nothing, and a hedged act stays a hedge
  EXPECT_EQ(stance_of("strikes", "Explainer: what a US strike in Sonora would mean"),
            Stance::rhetoric);
}

TEST(NearMiss, FictionImaginesTheActItShows) {
  EXPECT_EQ(stance_of("strikes", "Hollywood thriller shows US commandos raiding a Sinaloa ranch"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Serie de Netflix recrea bombardeo de EU en Culiacán"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "New movie about US drone strike in Durango divides critics"),
            Stance::rhetoric);
}

TEST(NearMiss, AnAnnouncedDeliberationIsNoListing) {
  EXPECT_EQ(stance_of("designations",
                      "Casa Blanca anuncia que evaluará designar a Los Mayos como terroristas"),
            Stance::rhetoric);
  EXPECT_EQ(
      stance_of("designations", "Washington estudiará designar a más cárteles, anuncia Rubio"),
      Stance::rhetoric);
  // an announced listing is one
  EXPECT_EQ(
      stance_of("designations",
                "Casa Blanca anuncia la designación de La Línea como organización terrorista"),
      Stance::action);
}

TEST(NearMiss, AMonthWithItsYearIsBackground) {
  EXPECT_NE(stance_of("designations", "Explainer: how the cartel terror listings work",
                      "In March 2025 the State Department listed six cartels as foreign "
                      "terrorist organizations."),
            Stance::action);
  EXPECT_NE(stance_of("strikes",
                      "A dos años del bombardeo de EU en Culiacán: la reconstrucción "
                      "sigue"),
            Stance::action);
}

TEST(NearMiss, ATargetsTiesAreNotWhereTheActLands) {
  EXPECT_EQ(stance_of("strikes", "US strike hits vessel tied to Sinaloa cartel in the Caribbean"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes",
                      "Ataque de EU contra lancha vinculada al Cártel de Sinaloa en "
                      "aguas internacionales"),
            std::nullopt);
  // a place where the act lands still lifts the exclusion
  EXPECT_EQ(
      stance_of("strikes", "US drone strike kills gunmen loyal to CJNG aboard a truck in Sinaloa"),
      Stance::action);
}

TEST(NearMiss, TroopsWhoOperateInMexicoAreTroopsNotAStrike) {
  EXPECT_EQ(stance_of("troops", "Pentagon confirms 300 troops operate in Mexico"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Pentagon confirms 300 troops operate in Mexico"), std::nullopt);
  // commandos who operate there are a raid
  EXPECT_EQ(stance_of("strikes", "White House denies US commandos operate in Sonora"),
            Stance::denial);
}

TEST(NearMiss, APlaceNamedInAnotherAttributionDoesNotLiftAnExclusion) {
  EXPECT_NE(stance_of("strikes", "Hegseth vows to hit cartels",
                      "US jets struck boats off Venezuela, and Hegseth said Sinaloa is next."),
            Stance::action);
}

TEST(NearMiss, TheStartOfATermDatesASummaryAct) {
  EXPECT_EQ(stance_of("troops", "Trump vows more troops for the border",
                      "The Pentagon sent 1,500 troops to the border after he took office."),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "EU amenaza con más tropas",
                      "El Pentágono envió 1,500 soldados a la frontera al asumir Trump la "
                      "presidencia."),
            Stance::rhetoric);
  // a summary act of its own day still beats the threat
  EXPECT_EQ(stance_of("troops", "Trump vows more troops for the border",
                      "The Pentagon sent 1,500 more troops to the border on Monday."),
            Stance::action);
}

TEST(NearMiss, ADaysEventThatIsNotTheActReportsNothing) {
  EXPECT_EQ(stance_of("strikes", "Tuesday's hearing on US strikes in Mexico turns heated"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes",
                      "Mexico's defense chief names cartel boss killed in Sunday's US "
                      "drone strike in Durango"),
            Stance::action);
}

TEST(NearMiss, AUsAssistedRaidIsMexicosButAUsLedRaidIsNot) {
  EXPECT_EQ(stance_of("strikes", "US-assisted raid nets CJNG plaza boss in Jalisco"), std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US-led raid frees kidnapped Americans in Tamaulipas"),
            Stance::action);
}

TEST(NearMiss, AWorkNamedBeforeARealActDoesNotFrameIt) {
  EXPECT_EQ(stance_of("strikes", "Netflix pulls cartel documentary after US strike in Sinaloa"),
            Stance::action);
}

TEST(NearMiss, APlaceInsideAGroupsNameIsNotWhereTheActLands) {
  EXPECT_EQ(
      stance_of("strikes", "Pentagon: strike in eastern Pacific killed 3 Sinaloa cartel smugglers"),
      std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US drone strike hits Sinaloa cartel lab"), Stance::action);
}

TEST(NearMiss, WhereATargetWasGoingIsNotWhereTheActLands) {
  EXPECT_EQ(stance_of("strikes", "US military kills 6 in strike on vessel bound for Mexico"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "EU ataca lancha que iba rumbo a Sinaloa"), std::nullopt);
}

TEST(NearMiss, AGangNamedByAnotherNationalityIsNotACartel) {
  EXPECT_EQ(
      stance_of("designations", "US designates Venezuelan gang Tren del Llano as terrorist group"),
      std::nullopt);
  // a group the watchlist names is still one
  EXPECT_EQ(
      stance_of("designations", "US designates Venezuelan gang Tren de Aragua as terrorist group"),
      Stance::action);
}

TEST(NearMiss, AKickerThatLooksBackPresumesNothingNew) {
  EXPECT_NE(stance_of("troops",
                      "When US troops went to the border: looking back at the 2018 "
                      "mission"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US drone strike in Sinaloa: Mexico recalls ambassador"),
            Stance::action);
}

TEST(NearMiss, BombingAtAnEventIsAFlop) {
  EXPECT_EQ(stance_of("strikes", "Trump bombs at Tijuana news conference, critics say"),
            std::nullopt);
}

TEST(NearMiss, NoTargetsHitIsADenial) {
  EXPECT_EQ(stance_of("strikes", "Pentagon says no cartel targets were hit in Sonora"),
            Stance::denial);
}

TEST(NearMiss, AnOfficerReplacedIsNoRotationOfTroops) {
  EXPECT_NE(stance_of("troops", "Border mission commander replaced by Army general"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Marines replaced by Army units at Texas border"), Stance::action);
}

TEST(NearMiss, AReportOfAnActIsNotTakenAsDone) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum mulls protest after report of US commandos in Sinaloa"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Mexico recalls envoy after US commando raid in Sinaloa"),
            Stance::action);
}

TEST(NearMiss, WhereATrackedBoatIsGoingIsNoDeployment) {
  EXPECT_EQ(stance_of("troops", "US destroyer tracks cartel boat heading to Sinaloa"),
            std::nullopt);
  EXPECT_EQ(stance_of("troops", "US destroyers deploy off Baja California coast"), Stance::action);
}

TEST(NearMiss, AnEventAboutTheActIsTalk) {
  EXPECT_EQ(stance_of("strikes",
                      "Anuncian en el Senado foro sobre ataques de EU a cárteles en "
                      "México"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Senate panel on US strikes in Mexico draws protesters"),
            Stance::rhetoric);
}

TEST(NearMiss, TheConditionalOfAGuessHedgesTheAct) {
  EXPECT_EQ(stance_of("strikes",
                      "Habría sido un dron de EU el que atacó en Tepalcatepec, dicen "
                      "pobladores"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Un dron de EU atacó en Tepalcatepec, confirma la Defensa"),
            Stance::action);
}

TEST(NearMiss, AnOperationOfBothCountriesIsNamedByNeither) {
  EXPECT_EQ(stance_of("strikes", "Operativo de Estados Unidos y México en Sonora deja 3 detenidos"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Operativo de EU en Sonora deja 3 detenidos"), Stance::action);
}

TEST(NearMiss, APlaceOpeningAClauseOfItsOwnIsNotWhereTheActLands) {
  EXPECT_EQ(stance_of("strikes", "US strikes cartel boat off Colombia as Mexico watches nervously"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US strikes cartel camp in Sinaloa as Mexico protests"),
            Stance::action);
}

TEST(NearMiss, AUsOperationAcrossUsStatesIsPoliceWork) {
  EXPECT_EQ(stance_of("strikes",
                      "US operation targeting Sinaloa cartel nets 600 arrests across 40 states"),
            std::nullopt);
  EXPECT_EQ(
      stance_of("strikes", "Operación estadounidense contra el CJNG deja 300 detenidos en EU"),
      std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Operativo de EU en Sinaloa deja 3 muertos"), Stance::action);
}

TEST(NearMiss, ADatedSummaryActIsBackground) {
  EXPECT_EQ(stance_of("strikes", "Hegseth vows relentless campaign",
                      "US forces struck a cartel camp in Sinaloa in January, killing 11."),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Mexico recalls ambassador",
                      "US forces struck a cartel camp in Sinaloa on Monday, killing 11."),
            Stance::action);
}

TEST(NearMiss, AnExplainerPresumesOnlyAnActWhoseActorItNames) {
  EXPECT_EQ(stance_of("troops", "Texas National Guard: what we know about the new border mission",
                      "Governor Abbott said the soldiers would arrive next month."),
            Stance::rhetoric);
}

TEST(NearMiss, NoCasualtiesDeniesATollNotTheAct) {
  EXPECT_EQ(stance_of("strikes", "US drones destroy two labs in Sinaloa",
                      "The Pentagon said no civilian casualties were reported."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "EU ataca en Sinaloa",
                      "El Pentágono informó que no hubo bajas civiles."),
            Stance::action);
  // no act is still a denial
  EXPECT_EQ(stance_of("strikes", "Explosion in Culiacán",
                      "The Pentagon said no US strike was carried out."),
            Stance::denial);
}

// Round 10 (thirteenth session): false alerts and lost denials of dev_blind6 and its leftovers,
// each with the report that must stay action. Sentences are not dev items.
using test::expect_all;

TEST(Blind6, GangsNamedByAnotherNationalityAfterTheNounAreNotCartels) {
  expect_all({
      {"designations", "EU designa como terrorista a banda haitiana", "", std::nullopt},
      {"designations", "EU designa como terroristas a pandillas venezolanas", "", std::nullopt},
      {"designations", "EU designa como terrorista a pandilla de Sinaloa", "", Stance::action},
  });
}

TEST(Blind6, NoUnitsOnTheMoveDeniesTroops) {
  expect_all({
      {"troops", "Iowa Guard says no units are being sent to the border", "", Stance::denial},
      {"troops", "No soldiers are heading to the border, Army says", "", Stance::denial},
      // no one hurt is no denial of the deployment
      {"troops", "US troops at the border fired on from Mexico", "No soldiers were hurt.",
       Stance::action},
  });
}

TEST(Blind6, NoTerrorismListingDeniesIt) {
  expect_all({
      {"designations", "Treasury: no terrorism listing for Los Viagras yet", "", Stance::denial},
      {"designations", "Treasury adds Los Viagras to terrorism sanctions list", "", Stance::action},
  });
}

TEST(Blind6, AFactCheckThatTheyAreNotUSSoldiersDeniesTroops) {
  expect_all({
      {"troops", "No, those aren't American troops in Matamoros", "", Stance::denial},
      {"troops", "Those are U.S. soldiers in Matamoros, Pentagon confirms", "", Stance::action},
  });
}

TEST(Blind6, AnUltimatumsAlternativeIsAThreat) {
  expect_all({
      {"strikes", "Trump gives Sheinbaum 60 days to extradite capos or face U.S. strikes", "",
       Stance::rhetoric},
      {"strikes", "Da Trump 60 días a México para actuar o enfrentar ataques de EU", "",
       Stance::rhetoric},
      {"strikes", "U.S. strikes cartel camp in Sinaloa after ultimatum expires", "",
       Stance::action},
  });
}

TEST(Blind6, ARejectedVersionWithItsRejecterNamedIsADenial) {
  expect_all({
      {"strikes", "Rechaza la Secretaría de Marina versión de que drones de EU atacaron en Tepic",
       "", Stance::denial},
      {"strikes", "Drones de EU atacaron en Tepic, confirma la Secretaría de Marina", "",
       Stance::action},
  });
}

TEST(Blind6, EvidenceThatDoesNotShowTheActDeniesIt) {
  expect_all({
      {"strikes", "Verificado | No, este video no muestra un bombardeo de EU en Culiacán", "",
       Stance::denial},
      {"strikes", "Fact check: the viral video doesn't show a U.S. strike in Sinaloa", "",
       Stance::denial},
      {"strikes", "Nuevo video muestra el bombardeo de EU en Culiacán", "", Stance::action},
      {"strikes", "Captan en video el momento del bombardeo de un dron estadounidense en Cosalá",
       "", Stance::action},
  });
}

}  // namespace
}  // namespace redline
