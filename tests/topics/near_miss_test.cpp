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

TEST(Blind10, ADenialOfASingleSoldierDeniesTroops) {
  expect_all({
      {"troops", "Pentagon: 'No U.S. soldier has set foot in Mexico'", "", Stance::denial},
      {"troops", "No American marine is deployed inside Mexico, embassy says", "", Stance::denial},
  });
}

TEST(Blind10, AKickerOfAnotherMissionPlacesTheHeadline) {
  expect_all({
      {"troops", "Hurricane relief: 800 soldiers deployed to Laredo after flooding", "",
       std::nullopt},
      {"troops", "Wildfire response: Army sends 600 troops to Arizona border county", "",
       std::nullopt},
      // a kicker that names the border, or the topic's place, keeps the report
      {"troops", "Border security: 1,500 more troops deployed to South Texas", "", Stance::action},
      {"troops", "Storm over Sinaloa strike: Pentagon sends 500 troops to the border", "",
       Stance::action},
      {"strikes", "Operativo conjunto en Sinaloa: participaron marines de EU, confirma Sedena", "",
       Stance::action},
  });
}

TEST(Blind10, FavouringAnActIsNoReportOfIt) {
  expect_all({
      {"strikes", "Poll: most Republicans favor bombing cartel labs in Mexico", "",
       Stance::rhetoric},
      {"strikes", "Most Americans back striking cartels in Mexico, survey finds", "",
       Stance::rhetoric},
      // an actor that begins or keeps at it, or a drone caught at it, still reports
      {"strikes", "U.S. began bombing CJNG camps in Jalisco overnight", "", Stance::action},
      {"strikes", "Residents woken by an American drone hitting a house in Choix, Sinaloa", "",
       Stance::action},
  });
}

TEST(Blind10, ApprovingAnAuthorizationOfForceIsRhetoric) {
  expect_all({
      {"strikes", "Comité del Senado de EU aprueba autorizar fuerza militar contra cárteles", "",
       Stance::rhetoric},
      {"strikes", "Trump autoriza uso de la fuerza militar contra cárteles en México", "",
       Stance::rhetoric},
  });
}

TEST(Blind10, NoAircraftInvolvedDeniesTheStrike) {
  expect_all({
      {"strikes", "Explosion at Uruapan warehouse: no U.S. aircraft was involved, embassy says", "",
       Stance::denial},
      {"strikes", "'Not us,' Pentagon says of blast in Guasave",
       "An official said no American drone was involved in the explosion.", Stance::denial},
      // aircraft that were used report the act
      {"strikes", "US drones were used in the Sinaloa strike, officials say", "", Stance::action},
  });
}

TEST(Blind10, AForceNotHeadedToTheBorderAndASatireAreDenials) {
  expect_all({
      {"troops", "Army: 3rd Infantry brigade is not headed to the border", "", Stance::denial},
      {"troops", "Marines are not bound for the border, Pentagon says", "", Stance::denial},
      {"troops", "Viral post claiming US troops crossed into Tamaulipas is satire", "",
       Stance::denial},
      // the border surge is the US's mission
      {"troops", "Viral post claiming 40,000-troop border surge is satire", "", Stance::denial},
      {"troops", "Planners drew up a 10,000-troop border surge, memo shows", "", Stance::rhetoric},
      {"strikes", "Video de supuesto bombardeo de EU en Sinaloa es una sátira", "", Stance::denial},
  });
}

TEST(Blind10, APlaceNamedOnlyAsTheDistanceOffAnotherTheatreIsNotWhere) {
  expect_all({
      {"strikes", "US strikes drug boat, killing 4",
       "The boat was hit in the eastern Pacific, 500 miles southwest of Manzanillo.", std::nullopt},
      // a boat in Mexican waters off the same port is
      {"strikes", "Narco-sub sunk in U.S. strike off Manzanillo",
       "Southern Command said it was hit inside Mexican waters.", Stance::action},
  });
}

TEST(Blind10, NotConfirmingIsNoDenial) {
  expect_all({
      {"strikes", "Misil estadounidense destruyó laboratorio en Sonora",
       "El Pentágono no ha confirmado el ataque.", Stance::action},
      {"strikes", "US drone strike kills 3 in Sinaloa", "The Pentagon did not confirm the strike.",
       Stance::action},
      {"strikes", "Pentagon has not confirmed reports of a US strike in Sonora", "",
       Stance::rhetoric},
  });
}

TEST(Blind10, ABoatSunkOrDestroyedByAUSAircraftIsStruck) {
  expect_all({
      {"strikes", "Lancha hundida por dron estadounidense en aguas de Sinaloa", "", Stance::action},
      {"strikes", "Lancha con cocaína, destruida por avión estadounidense frente a Altata",
       "La Marina confirmó que la aeronave actuó dentro de aguas mexicanas.", Stance::action},
      // off another country, or by Mexico's navy, it is not
      {"strikes", "Narco-sub sunk in U.S. strike off Colombia", "", std::nullopt},
      {"strikes", "Lancha destruida por un buque de la Armada de México en Altata", "",
       std::nullopt},
  });
}

TEST(Blind10, GangsOfAnotherCountryInThePossessiveAreNoCartelListing) {
  expect_all({
      {"designations", "US designates Colombia's Clan del Golfo as terrorist organization", "",
       std::nullopt},
      {"designations", "Treasury lists Brazil's Comando Vermelho as foreign terrorist organization",
       "", std::nullopt},
      // a group named by its Mexican state still is
      {"designations", "US designates Sinaloa's Los Mayos as terrorists", "", Stance::action},
  });
}

TEST(Blind10, CourtsRuleOnListingsAndMakeNone) {
  expect_all({
      {"designations", "Federal court upholds FTO designation of Gulf cartel", "", std::nullopt},
      {"designations", "Jury convicts CJNG financier after terror listing", "", std::nullopt},
      {"designations", "Los Cuinis join U.S. list of foreign terrorist organizations", "",
       Stance::action},
  });
}

TEST(Blind10, AHelicopterBothAirForcesFlyNamesNoActor) {
  expect_all({
      {"strikes", "Un Black Hawk de la Fuerza Aérea Mexicana atacó a sicarios en Zacatecas", "",
       std::nullopt},
      {"strikes", "Helicóptero artillado dispara contra convoy en Sombrerete",
       "Un Black Hawk de la Fuerza Aérea Mexicana atacó ocho camionetas.", std::nullopt},
  });
}

TEST(Blind10, ADiaryLooksBack) {
  expect_all({
      {"troops", "Troops at the border: a Marine's diary", "", Stance::rhetoric},
  });
}

TEST(Blind10, ASummaryThatRetractsTheReportDeniesIt) {
  expect_all({
      {"strikes", "Reports: US special forces raided ranch in Chihuahua",
       "The paper later corrected its report.", Stance::denial},
      {"strikes", "Reports: US special forces raided ranch in Chihuahua",
       "Officials rejected the reports on Monday.", Stance::denial},
      // a rejected claim about something else leaves the report
      {"strikes", "US drone strike kills 4 in Sinaloa",
       "Officials dismissed claims that civilians were among the dead.", Stance::action},
      {"strikes", "US drone strike kills 4 in Sinaloa", "Residents reported hearing two blasts.",
       Stance::action},
  });
}

TEST(Blind10, APlanCalledOffIsNoAct) {
  expect_all({
      {"strikes", "US strike on Culiacán compound was called off at the last minute", "",
       Stance::rhetoric},
      {"strikes", "Trump shelved plan to bomb Sinaloa labs", "", Stance::rhetoric},
      {"strikes", "Pentágono canceló ataque de EU contra laboratorios en Sinaloa, revela NYT", "",
       Stance::rhetoric},
      // what others call off after the act does not undo it
      {"strikes", "Mexico cancels security talks after US strike in Sinaloa", "", Stance::action},
  });
}

TEST(Blind10, LabourStrikesAtPlantsAndANameStruckOffAListAreNoStrikes) {
  expect_all({
      {"strikes", "Strikes at Mexican auto plants hit US supply chains", "", std::nullopt},
      {"strikes", "Trump strikes Mexico off list of trusted partners", "", std::nullopt},
      {"strikes", "US strikes at cartel camps in Sinaloa kill 12", "", Stance::action},
  });
}

TEST(Blind10, AListingUnderTheDrugLawsIsNoTerroristListing) {
  expect_all({
      {"designations", "OFAC designates CJNG money launderers under narcotics authority", "",
       std::nullopt},
      {"designations", "Tesoro designa a operadores del CJNG bajo la Ley Kingpin", "",
       std::nullopt},
      {"designations", "US designates Tren del Golfo as transnational criminal organization", "",
       std::nullopt},
      {"designations", "US designates CJNG's leader as specially designated narcotics trafficker",
       "", std::nullopt},
      // under the counterterrorism authority it is
      {"designations", "OFAC designates CJNG launderers as SDGTs under counterterrorism authority",
       "", Stance::action},
  });
}

TEST(Blind10, AMexicanStateCongressListsUnderItsOwnLaw) {
  expect_all({
      {"designations", "La Línea listed as terrorist group by Chihuahua congress", "",
       std::nullopt},
      {"designations", "Cartel listed as terrorist group by Mexican state congress", "",
       std::nullopt},
      {"designations", "State Department lists La Línea as terrorist group", "", Stance::action},
  });
}

TEST(Blind10, AQuotedWarningIsNoReportAndNoOrderYetIsNoDenial) {
  expect_all({
      {"troops", "'Diez mil soldados más': la nueva advertencia de Trump sobre la frontera", "",
       Stance::rhetoric},
      {"troops", "'Diez mil soldados más': la nueva advertencia de Trump sobre la frontera",
       "El Pentágono dijo que no ha recibido instrucciones.", Stance::rhetoric},
  });
}

TEST(Blind10, NotASingleDroneDeniesTheStrike) {
  expect_all({
      {"strikes", "Ni un solo dron de EU ha atacado en Sinaloa, dice Sheinbaum", "",
       Stance::denial},
      {"strikes", "Not a single U.S. strike has hit Mexican soil, Pentagon says", "",
       Stance::denial},
  });
}
// The raid convention (round 15): a raid by US special forces or commandos inside Mexico is
// `strikes`; it is also `troops` only when the item reports US troops entering, crossing into or
// landing in Mexico, or gives their numbers.
TEST(RaidConvention, ARaidIsAStrikeAndACrossingOrLandingIsTroopsToo) {
  expect_all({
      {"strikes", "Delta Force raid on a cartel compound in Sinaloa kills four", "",
       Stance::action},
      {"troops", "Delta Force raid on a cartel compound in Sinaloa kills four", "", std::nullopt},
      {"strikes", "Navy SEALs kill Gulf Cartel boss in Tamaulipas raid", "", Stance::action},
      {"troops", "Navy SEALs kill Gulf Cartel boss in Tamaulipas raid", "", std::nullopt},
      {"troops", "Fuerzas especiales de EU abaten a jefe de plaza en Sinaloa", "", std::nullopt},
      // a force that crosses or lands and takes, kills or destroys: both
      {"strikes", "US troops crossed into Sonora, killed two gunmen and withdrew", "",
       Stance::action},
      {"troops", "US troops crossed into Sonora, killed two gunmen and withdrew", "",
       Stance::action},
      {"strikes", "Soldados de EU cruzan a Chihuahua y capturan a dos presuntos sicarios", "",
       Stance::action},
      {"troops", "Soldados de EU cruzan a Chihuahua y capturan a dos presuntos sicarios", "",
       Stance::action},
      {"strikes", "Marines come ashore near Ensenada, raid cartel dock",
       "U.S. Marines landed near Ensenada before dawn and destroyed a cartel pier, the Pentagon said.",
       Stance::action},
      {"troops", "Marines come ashore near Ensenada, raid cartel dock",
       "U.S. Marines landed near Ensenada before dawn and destroyed a cartel pier, the Pentagon said.",
       Stance::action},
      // a landing or a crossing alone is troops; a unit posted somewhere is no raid
      {"troops", "US Marines landed in Tamaulipas", "", Stance::action},
      {"strikes", "US Marines landed in Tamaulipas", "", std::nullopt},
      {"strikes", "U.S. special forces team stationed in Sonora, officials confirm", "",
       std::nullopt},
      {"strikes", "Migrants who crossed into Texas were detained by Border Patrol", "",
       std::nullopt},
  });
}

TEST(Blind11, NotUSTroopsAndZeroStrikesAreDenials) {
  expect_all({
      {"troops", "Not U.S. troops: soldiers in Reynosa video were Mexican Army", "",
       Stance::denial},
      {"strikes", "Northcom: 'We have carried out zero strikes in Mexico'", "", Stance::denial},
  });
}

TEST(Blind11, ACorrectionOfADetailKeepsTheReport) {
  expect_all({
      {"strikes", "Corrección: el bombardeo de EU fue en Cosalá",
       "En una versión anterior se ubicó erróneamente el ataque estadounidense del martes.",
       Stance::action},
      {"strikes", "Correction: US strike hit Cosalá",
       "An earlier version of this story incorrectly placed the U.S. drone strike in Badiraguato.",
       Stance::action},
      // a report called erroneous is still denied
      {"strikes", "US strike in Sinaloa",
       "The report that a US drone struck the town was erroneous, officials said.",
       Stance::denial},
  });
}

TEST(Blind11, WeightsOtherCountriesGangsAndAircraftAreNoTopic) {
  expect_all({
      {"strikes", "Tomato exports to U.S. hit record", "Sinaloa shipped 2 billion pounds this year.",
       std::nullopt},
      {"strikes", "US jets pound cartel camps in Sinaloa", "", Stance::action},
      {"designations", "U.S. lists Brazilian prison gang as terrorist organization", "",
       std::nullopt},
      {"designations", "Colombian street gang designated as terrorists by U.S.", "", std::nullopt},
      {"strikes", "ICE raids car wash in San Fernando Valley", "", std::nullopt},
      {"troops", "Aeronaves de EU, trasladadas a la base de Davis-Monthan, según fuentes militares",
       "", std::nullopt},
      {"strikes", "U.S. targets cartel finances in Sinaloa", "", std::nullopt},
  });
}
TEST(Blind11, AConditionOnTheActorsVerbAndANearMissAreRhetoric) {
  expect_all({
      {"troops", "Mexico warns of consequences if U.S. sends troops to the border", "",
       Stance::rhetoric},
      {"strikes", "Mexico warns of consequences if the U.S. strikes cartels in Sinaloa", "",
       Stance::rhetoric},
      {"troops", "U.S. sends troops to the border", "", Stance::action},
      {"strikes", "US nearly struck cartel camp in Sonora last month, report says", "",
       Stance::rhetoric},
      {"strikes", "Trump says he 'almost' bombed cartels in Mexico", "", Stance::rhetoric},
      {"strikes", "US drones struck a camp near Culiacán, killing nearly 20", "", Stance::action},
      {"strikes", "Sin ataques de EU en México hasta ahora: Sedena", "", Stance::denial},
  });
}
}  // namespace
}  // namespace redline
