// Near misses of the action cues found in rounds 11 to 13 (the blind dev batches dev_blind7.jsonl to
// dev_blind9.jsonl and the probes written for each round, tests/data/topics/README.md), each with
// the report that must stay action. Sentences are not dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::expect_all;

// Fourteenth session (round 11): near misses of the action cues, written for the cue before the
// blind batches were read (not dev items).

TEST(Blind7, AConditionOpeningTheSentenceGovernsItsClause) {
  expect_all({
      {"strikes", "If US troops raided a Sinaloa ranch, Mexico would cut cooperation", "",
       Stance::rhetoric},
      {"troops", "Si Estados Unidos envía tropas a México, habrá respuesta: Sheinbaum", "",
       Stance::rhetoric},
      {"strikes", "Unless Mexico acts, US strikes cartel labs, Trump says", "", Stance::rhetoric},
      // a condition later in the sentence, or in another clause, leaves the report alone
      {"strikes", "Mexico asks if it was warned; US drone strike kills five in Sinaloa", "",
       Stance::action},
      {"strikes", "Sheinbaum unsure if Mexico was told before US strike killed 5 in Sinaloa", "",
       Stance::action},
      {"strikes", "As if on cue, US jets struck cartel camps in Sinaloa hours after the vote", "",
       Stance::action},
  });
}

TEST(Blind7, ATimeExpressionEndingInTheClauseOpenerDatesTheClause) {
  expect_all({
      {"designations", "Sheinbaum meets Rubio on security",
       "The meeting came a year after the US designated six cartels as terrorist organizations.",
       std::nullopt},
      {"strikes", "Rubio in Mexico",
       "The visit came hours after a US drone strike killed five in Sinaloa.", Stance::action},
  });
}

TEST(Blind7, StatePoliceAStateDeploysAreNoTroops) {
  expect_all({
      {"troops", "Texas deploys DPS troopers to border", "", std::nullopt},
      {"troops", "Texas despliega policías estatales en la frontera", "", std::nullopt},
      {"troops", "Texas despliega 1.000 guardias nacionales en la frontera", "", Stance::action},
      {"troops", "Abbott deploys 500 Texas Guard soldiers to Eagle Pass", "", Stance::action},
  });
}

TEST(Blind7, ACarBombIsACartelsActNotAStrike) {
  expect_all({
      {"strikes", "Hegseth: 'nothing is off the table' after Tijuana car bomb", "", std::nullopt},
      {"strikes", "Coche bomba en Celaya deja 3 heridos; EU analiza opciones", "", std::nullopt},
      // a denial that names the car bomb stays a denial
      {"strikes", "Fiscalía: explosion in Uruapan was a car bomb, not a US drone strike", "",
       Stance::denial},
  });
}

TEST(Blind7, ARequestOrAnUrgingIsNoDeployment) {
  expect_all({
      {"troops", "Governor asks Pentagon for 1,500 active-duty troops for Cochise County",
       "Governor Hobbs sent a letter requesting that the Army assign 1,500 soldiers to the border.",
       Stance::rhetoric},
      {"strikes", "GOP senators press White House",
       "Six senators sent a letter urging strikes on the cartel cell behind the Culiacán ambush.",
       Stance::rhetoric},
      {"troops", "Pentagon sends 1,500 soldiers to the Arizona border after governor's request", "",
       Stance::action},
  });
}

TEST(Blind7, AircraftOfTheUSNamedAfterTheActOwnIt) {
  expect_all({
      {"strikes", "Niega Semar incursión de aeronaves de EU en Guasave", "", Stance::denial},
      {"strikes", "Confirma Sedena incursión de helicópteros estadounidenses en Guasave", "",
       Stance::action},
      // Mexico's own helicopters are Mexico's
      {"strikes", "Helicópteros de la Marina atacan campamento en Guasave", "", std::nullopt},
  });
}

TEST(Blind7, MexicosMigrantRescuersAreNoTroops) {
  expect_all({
      {"troops", "Rescatan a 9 migrantes cerca de Sásabe",
       "Elementos del Grupo Beta hallaron al grupo en el desierto.", std::nullopt},
  });
}

TEST(Blind7, AGroupNamedAfterTheVerbOfADeniedListingMatches) {
  expect_all({
      {"designations", "Treasury: 'No plans' to designate Los Pelones",
       "A spokesman said reports that the gang would go on the terrorist list were inaccurate.",
       Stance::denial},
      {"designations", "Treasury plans to designate Los Pelones", "", Stance::rhetoric},
  });
}

TEST(Blind7, ACountOfActsUnderAConditionIsAThreat) {
  expect_all({
      {"strikes", "Trump: '50 raids in a month unless Mexico acts'", "", Stance::rhetoric},
      {"strikes",
       "Amenaza Trump con 'diez bombardeos en una semana si no entregan capos' en Sinaloa", "",
       Stance::rhetoric},
      {"strikes", "Pentagon: three strikes in a week hit CJNG labs in Jalisco", "", Stance::action},
  });
}

TEST(Blind7, AnActInATheatreBeforeACommaIsNotTheNextClausesPlace) {
  expect_all({
      {"strikes", "Hegseth: 'We struck Yemen, we can strike Sonora'", "", Stance::rhetoric},
      {"strikes", "Trump: 'We bombed Iran, we can bomb Sinaloa'", "", std::nullopt},
      // a list without a comma names both places the act landed in
      {"strikes", "US struck boats off Venezuela and a lab in Sinaloa this week", "",
       Stance::action},
  });
}

TEST(Blind7, TheDayAnActHappenedIsAStoryOfThePast) {
  expect_all({
      {"strikes", "El día que EU bombardeó Cosalá: crónica", "", std::nullopt},
      {"strikes", "The day US jets bombed Cosalá", "", std::nullopt},
      {"strikes", "US jets bombed Cosalá the day Sheinbaum visited Washington", "", Stance::action},
      {"strikes", "Sheinbaum: 'el día que EU nos ataque, responderemos'", "", Stance::rhetoric},
  });
}

TEST(Blind7, AnAirIncursionOfTheUSIsItsAct) {
  expect_all({
      {"strikes", "Niega Sedena que haya habido incursión aérea de EU en Chihuahua", "",
       Stance::denial},
      {"strikes", "Confirma Sedena incursión aérea de EU en Chihuahua", "", Stance::action},
  });
}

TEST(Blind8, ForcesTheUSTrainsOwnTheActOfTheirRelativeClause) {
  expect_all({
      {"strikes", "US trained the commandos who raided a ranch in Badiraguato", "", std::nullopt},
      {"strikes", "EU capacitó a los marinos que atacaron el campamento en Tamazula", "",
       std::nullopt},
      {"strikes", "Units trained by the US stormed a CJNG safe house in Zapopan", "", std::nullopt},
      // the US's own forces in a relative clause still own it
      {"strikes", "The US commandos who raided a ranch in Badiraguato left at dawn", "",
       Stance::action},
      {"strikes", "US Rangers raided a ranch in Badiraguato", "", Stance::action},
  });
}

TEST(Blind8, ACartelsOwnClaimIsNoReport) {
  expect_all({
      {"strikes", "CJNG claims US drones bombed its ranch in Tomatlán", "", Stance::rhetoric},
      {"strikes", "Narcomanta acusa que helicópteros de EU atacaron en Aguililla", "",
       Stance::rhetoric},
      {"strikes", "Gunmen say US troops raided a hideout in Tamazula; Pentagon silent", "",
       Stance::rhetoric},
      // a cartel named as target or as the one who vows revenge is no claimant
      {"strikes", "US drone strike kills CJNG plaza boss in Tomatlán; cartel vows revenge", "",
       Stance::action},
      // a claim after ";" hedges only its own clause
      {"strikes", "US drones strike CJNG camp in Tomatlán; cartel says its men survived", "",
       Stance::action},
      {"strikes", "US jets hit lab of a cartel said to supply Culiacán", "", Stance::action},
  });
}

TEST(Blind8, APastActNamedAsTheTimeOfAThreatIsNoReport) {
  expect_all({
      {"strikes", "Rubio on Sinaloa: 'Nobody is safe'",
       "Two days after the Cosalá strike, the secretary said American drones would go after "
       "every lab in the state.",
       Stance::rhetoric},
      // a reaction dated by the act still reports it, and so does an act with its actor
      {"strikes", "Ambassador recalled over Cosalá",
       "The foreign ministry called home its envoy in Washington two days after the Cosalá "
       "strike.",
       Stance::action},
      {"strikes", "Rubio on Sinaloa: 'Nobody is safe'",
       "Two days after US drones bombed a lab in Cosalá, the secretary said more would follow.",
       Stance::action},
      {"strikes", "Travel alert for Cosalá",
       "Washington issued the alert two days after the Cosalá strike, citing the risk of "
       "reprisals.",
       Stance::action},
  });
}

TEST(Blind8, NoCurrentPlansDenyTheAct) {
  expect_all({
      {"troops", "Army: no change at Del Rio",
       "The Army said it has no immediate plans to send more soldiers to Del Rio.", Stance::denial},
      {"troops", "Army has plans to send more soldiers to Del Rio", "", Stance::rhetoric},
      {"troops", "Hegseth: 'We are not going to send troops into Sonora'", "", Stance::denial},
      {"troops", "Hegseth: 'We are going to send troops into Sonora'", "", Stance::rhetoric},
  });
}

TEST(Blind8, AnActCalledOneOfTheToolsIsAnOption) {
  expect_all({
      {"strikes", "Rubio: drone strikes in Sonora are now part of the toolkit", "",
       Stance::rhetoric},
      {"strikes", "US drone strikes in Sonora are now in their third week", "", Stance::action},
  });
}

TEST(Blind8, ASumOfMoneyIsNoTroopCount) {
  expect_all({
      {"troops", "Price of US border deployment tops $900 million", "", Stance::rhetoric},
      {"troops", "US border deployment tops 11,000 troops", "", Stance::action},
  });
}

TEST(Blind8, ANewActAfterAnArticleIsANoun) {
  expect_all({
      {"strikes", "Sheinbaum advierte que un nuevo bombardeo de EU en Sinaloa rompería acuerdos",
       "", Stance::rhetoric},
      {"strikes", "EU bombardeó de nuevo un laboratorio en Sinaloa", "", Stance::action},
  });
}

TEST(Blind8, AnActGivenOnlyAsTheReasonForAnotherActorsActIsNotTheNews) {
  expect_all({
      {"strikes", "Marina despliega 900 elementos en Tamazula",
       "El despliegue ocurre tras el bombardeo estadounidense en Cosalá.", std::nullopt},
      // a reaction is no act of its own, and an actor of the topic keeps the report
      {"strikes", "Sheinbaum suspends intelligence sharing",
       "The decision came after the US raid in Múzquiz.", Stance::action},
      {"strikes", "US drones return to Sinaloa",
       "The flights resumed after the US raid in Múzquiz.", Stance::action},
  });
}

TEST(Blind9, StateInvestigatorsAndTheArmysCivilWorksCorpsAreNoTroops) {
  expect_all({
      {"troops", "Texas Rangers sent to Starr County after shooting", "", std::nullopt},
      {"troops", "Army Corps of Engineers deploys to El Paso to repair levee", "", std::nullopt},
      // the Army's Rangers and its engineers at the border still are
      {"troops", "Army Rangers sent to Starr County", "", Stance::action},
      {"troops", "Army engineers deploy to El Paso border", "", Stance::action},
  });
}

TEST(Blind9, DrillsPortCallsAndTexasCitiesAreNoBorderMission) {
  expect_all({
      {"troops", "Army deploys 400 soldiers to Fort Bliss for exercise", "", std::nullopt},
      {"troops", "Texas Guard soldiers arrive at Fort Bliss for annual drills", "", std::nullopt},
      {"troops", "US Navy destroyer arrives in Manzanillo for port visit", "", std::nullopt},
      {"troops", "Texas National Guard sends 500 troops to Austin for inauguration", "",
       std::nullopt},
      {"troops", "Texas Guard deploys to Houston after hurricane", "", std::nullopt},
      {"troops", "US Marshals deployed to Laredo", "", std::nullopt},
      // troops admitted to Mexico for exercises, and the Guard at the line, still are
      {"troops", "Senado aprueba ingreso de 40 militares de EU para ejercicios", "",
       Stance::action},
      {"troops", "Texas National Guard sends 500 troops to Eagle Pass", "", Stance::action},
      {"troops", "Army deploys 400 soldiers to the border near Fort Bliss", "", Stance::action},
  });
}

TEST(Blind9, GuardSoldiersInAFloodedTownAreDisasterRelief) {
  expect_all({
      {"troops", "Texas Guard soldiers rescue residents in flooded Del Rio",
       "About 300 Guard members were deployed after the river crested.", std::nullopt},
      {"troops", "Guardia de Texas reparte víveres en barrios inundados de Eagle Pass", "",
       std::nullopt},
      {"troops", "Texas Guard soldiers deployed to Del Rio border crossing", "", Stance::action},
  });
}

TEST(Blind9, AuthorizingCovertActionInSpanishIsRhetoric) {
  expect_all({
      {"strikes", "Autoriza Trump a la CIA acciones encubiertas contra cárteles en México: WSJ", "",
       Stance::rhetoric},
      {"strikes", "Aprueba la Casa Blanca operaciones encubiertas contra el CJNG en Jalisco", "",
       Stance::rhetoric},
  });
}

TEST(Blind9, AMexicanStrikeOrAnAgencyBackedRaidIsNoUSStrike) {
  expect_all({
      {"strikes", "Trump hails Mexican strike that killed CJNG commander", "", std::nullopt},
      {"strikes", "Rubio praises Mexican navy raid on Chapitos lab", "", std::nullopt},
      {"strikes", "DEA-backed raid nets Sinaloa cartel boss in Culiacán", "", std::nullopt},
      {"strikes", "CIA-supported raid kills CJNG plaza chief in Zapopan", "", std::nullopt},
      // a US strike on Mexican soil, and a US-led raid, still are
      {"strikes", "US drone strike on Mexican soil kills four in Sinaloa", "", Stance::action},
      {"strikes", "US-led raid kills CJNG plaza chief in Zapopan", "", Stance::action},
  });
}

TEST(Blind9, ForcesAtOtherBordersAndGroupsOfOtherWarsAreOtherTheatres) {
  expect_all({
      {"troops", "Lithuania: U.S. Abrams company deploys near Russian border", "", std::nullopt},
      {"troops", "Llegan 800 soldados de EU a Rumania, cerca de la frontera con Ucrania", "",
       std::nullopt},
      {"designations", "EU designa terroristas a tres milicias en Siria", "", std::nullopt},
      {"designations", "US designates Libya militia as foreign terrorist organization", "",
       std::nullopt},
      // the line with Mexico and a cartel still are
      {"troops", "U.S. Abrams company deploys near Mexican border in Texas", "", Stance::action},
      {"designations", "EU designa terrorista al Cártel de Santa Rosa de Lima", "", Stance::action},
  });
}

TEST(Blind9, ACrossingToFetchSomethingIsNoStrike) {
  expect_all({
      {"strikes", "US troops cross into Mexico to recover downed surveillance drone", "",
       std::nullopt},
      {"strikes", "Soldados de EU cruzan a Sonora para recuperar un dron derribado", "",
       std::nullopt},
      {"troops", "US troops cross into Mexico to recover downed surveillance drone", "",
       Stance::action},
      // a crossing to strike still is
      {"strikes", "US commandos cross into Sonora to kill cartel boss", "", Stance::action},
  });
}

TEST(Blind9, TheBorderPatrolsNameIsNoPatrol) {
  expect_all({
      {"troops", "Border Patrol says soldiers at the border would help", "", Stance::rhetoric},
      {"troops", "Soldiers at the border could ease Border Patrol workload, union says", "",
       Stance::rhetoric},
      // troops who patrol do
      {"troops", "US soldiers patrol the border near Yuma", "", Stance::action},
      {"troops", "Marines now patrol the border near Yuma", "", Stance::action},
      {"troops", "2,000 troops will patrol the Rio Grande, Pentagon says", "", Stance::rhetoric},
  });
}

}  // namespace
}  // namespace redline
