// Wording families of the twelfth session (round 9, recall): the families found when the
// blind-written batches of tests/data/topics/dev_blind5.jsonl (about half action reports in the
// shapes feeds use less often: transcripts, wire datelines, press releases, court filings,
// roundups, verbless headlines, regional Mexican press) were first scored, and the dev_blind4
// misses the eleventh session left. Each test is named after its family and holds a table of
// sentences that are not dev items, with near misses that must keep their stance.
#include <optional>
#include <string>
#include <vector>

#include "tests/topics/support.h"

namespace redline {
namespace {

using test::expect_all;

TEST(Blind5, TheAnonymousSourcesFormulaAttributesAndDeniesNothing) {
  expect_all({
      {"strikes", "CIA drone struck a cartel lab in Badiraguato, two officials say",
       "The officials, who were not authorized to speak publicly, said the strike was Tuesday.",
       Stance::action},
      {"strikes", "Dron de la CIA atacó laboratorio en Cosalá",
       "Los funcionarios, que no estaban autorizados a hablar públicamente, confirmaron el ataque.",
       Stance::action},
      // a real denial next to the formula still denies
      {"troops", "US troops were not sent to Sonora, officials say", "", Stance::denial},
  });
}

TEST(Blind5, ListiclesAndGuidesExplainTheAct) {
  expect_all({
      {"strikes", "Five things to know about the US strike in Culiacán", "", Stance::action},
      {"strikes", "3 takeaways from the U.S. raid in Badiraguato", "", Stance::action},
      {"strikes", "What to know about the US drone strike in Tamazula", "", Stance::action},
      // a guide to an act that may come explains nothing that happened
      {"strikes", "5 things to know about possible US strikes in Mexico", "", Stance::rhetoric},
  });
}

TEST(Blind5, SpanishPresuppositionWithTheContractedArticle) {
  expect_all({
      {"strikes", "Vecinos abandonan Tamazula después del bombardeo de EU", "", Stance::action},
      {"strikes", "Luego del ataque de drones estadounidenses, cierran escuelas en Cosalá", "",
       Stance::action},
      {"strikes", "Después del anuncio, EU podría atacar laboratorios en Sinaloa", "",
       Stance::rhetoric},
  });
}

TEST(Blind5, AttributingTheActToTheUsReportsIt) {
  expect_all({
      {"strikes", "Explosion at Caborca ranch: 4 dead",
       "Sonora prosecutors attributed the attack to a U.S. drone.", Stance::action},
      // attributed to someone else: not a US act
      {"strikes", "Sonora prosecutors attributed the attack in Caborca to a rival cartel", "",
       std::nullopt},
  });
}

TEST(Blind5, AnActDatedToADayHappened) {
  expect_all({
      {"designations", "Treasury moves against Los Cuinis",
       "The Treasury designation of Los Cuinis as terrorists came Monday.", Stance::action},
      {"strikes", "If the US strike on Tamazula came Monday, Mexico would protest", "",
       Stance::rhetoric},
  });
}

TEST(Blind5, FactCheckersAndUnsupportedClaimsDeny) {
  expect_all({
      {"strikes", "PolitiFact: Post saying US jets bombed Culiacán is unsupported", "",
       Stance::denial},
      {"strikes", "Claim that U.S. drones struck a ranch in Zacatecas is unsubstantiated", "",
       Stance::denial},
  });
}

TEST(Blind5, MoreMunicipalitiesAndBorderCounties) {
  expect_all({
      {"strikes", "Ataque de dron de EU en Pihuamo deja dos muertos", "", Stance::action},
      {"strikes", "US drone strike hits ranch near Cutzamala", "", Stance::action},
      {"troops", "500 soldiers arrive in Brewster County", "", Stance::action},
      {"troops", "Guard troops could be sent to Hudspeth County", "", Stance::rhetoric},
  });
}

TEST(Blind5, TroopsThatTakeOverAStretchOrSettleInAreThere) {
  expect_all({
      {"troops", "82nd Airborne paratroopers take over Nogales stretch from Guard unit", "",
       Stance::action},
      {"troops", "Se instalan 300 soldados de EU junto al muro en Sasabe", "", Stance::action},
      {"troops", "Marines could take over the Yuma stretch next year", "", Stance::rhetoric},
  });
}

TEST(Blind5, SoldiersWhoDetainSomeoneAreThere) {
  expect_all({
      {"troops", "Soldiers detained two men inside the El Paso defense area", "",
       Stance::action},
  });
}

TEST(Blind5, SpanishListingsAfterTheGroupsNameAndTheWordAlready) {
  expect_all({
      {"designations",
       "Los Viagras y dos casas de cambio de Apatzingán, designados como terroristas globales", "",
       Stance::action},
      {"designations", "La Línea y tres empresas de Hermosillo, designadas como terroristas globales",
       "", Stance::action},
      {"designations", "Congelan cuentas de Los Rojos; EU ya los considera terroristas", "",
       Stance::action},
      // a participle that opens the title or follows its noun describes it; deliberation lists
      // no one
      {"designations", "Designados como terroristas, los cárteles cambian de estrategia", "",
       Stance::rhetoric},
      {"designations", "Cárteles designados como terroristas globales por EU reclaman ante corte",
       "", Stance::rhetoric},
      {"designations", "EU considera designar terroristas a Los Rojos", "", Stance::rhetoric},
  });
}

TEST(Blind5, ANewNameOnTheTerrorListIsAListing) {
  expect_all({
      {"designations", "The latest name on the terror list: Los Ardillos of Guerrero", "",
       Stance::action},
      {"designations", "Could Los Ardillos be the next name on the terror list?", "",
       Stance::rhetoric},
  });
}

TEST(Blind5, NoDateYetIsThePlansStage) {
  expect_all({
      {"strikes", "Analiza EU ataques con drones contra laboratorios en Sinaloa",
       "Funcionarios de EU dijeron que no hay fecha para una decisión.", Stance::rhetoric},
  });
}

TEST(Blind5, AircraftOnlyTheUsFliesThereNameTheUs) {
  expect_all({
      {"strikes", "Apache helicopters fire on cartel convoy in Sonora", "", Stance::action},
      {"strikes", "An AC-130 fired on a cartel convoy near Culiacán", "", Stance::action},
      {"strikes", "B-52 bombers struck a CJNG camp in Jalisco", "", Stance::action},
  });
}

TEST(Blind5, ADroneLaunchedFromAWarshipIsNoDeployment) {
  expect_all({
      {"troops", "A drone launched from a U.S. destroyer struck a house in Sinaloa", "",
       std::nullopt},
      {"strikes", "A drone launched from a U.S. destroyer struck a house in Sinaloa", "",
       Stance::action},
      // a destroyer sent to the coast is still a deployment
      {"troops", "US sends destroyer to patrol off Tamaulipas", "", Stance::action},
  });
}

TEST(Blind5, ASummaryThatPlacesTheTitlesActInsideTheWatersPlacesIt) {
  expect_all({
      {"strikes", "Aeronave de EU ataca lancha frente a Guaymas",
       "La embarcación fue alcanzada dentro de aguas mexicanas, informó la Marina.",
       Stance::action},
      {"strikes", "U.S. Navy helicopter sinks go-fast boat near Mazatlán",
       "The boat was inside Mexican territorial waters, officials said.", Stance::action},
      // without it the boat is the campaign at sea, and so it is off another country
      {"strikes", "Aeronave de EU ataca lancha frente a Guaymas", "", std::nullopt},
      {"strikes", "US strike destroys drug boat off Colombia",
       "Mexico's navy said it stepped up patrols inside Mexican waters.", std::nullopt},
  });
}

TEST(Blind5, ACommaInsideANumberEndsNoClause) {
  expect_all({
      {"troops", "Hours after 2,000 soldiers arrived in El Paso, U.S. drones struck a lab in Sinaloa",
       "", Stance::action},
      {"strikes", "Hours after 2,000 soldiers arrived in El Paso, U.S. drones struck a lab in Sinaloa",
       "", Stance::action},
  });
}

TEST(Blind5, ARelativeClauseOfPlaceIsAClauseOfItsOwn) {
  expect_all({
      {"troops", "U.S. raid in Sonora was launched from a base in Arizona where 800 troops arrived this month",
       "", Stance::action},
      {"troops", "Raid near Nogales was planned at a base where troops could be sent", "",
       std::nullopt},
  });
}

TEST(Blind5, MarinesInSpanishAreTheUs) {
  expect_all({
      {"troops", "Amplían misión de los marines en la frontera de Arizona", "", Stance::action},
      // in English both navies have Marines; Mexico's named as such are Mexico's
      {"troops", "Mexican marines deploy to Sinaloa", "", std::nullopt},
  });
}

TEST(Blind5, TheStateDepartmentByItsHeadlineNameLists) {
  expect_all({
      {"designations", "State lists Los Cuinis as an FTO", "", Stance::action},
      {"designations", "State could list Los Cuinis as an FTO", "", Stance::rhetoric},
  });
}

// Batch 2 (g151-g300): transcripts, wire updates, press, local TV and notices.

TEST(Blind5, AnAnswerInTheSummaryOutweighsTheQuestionBeforeIt) {
  expect_all({
      {"strikes", "Pentagon briefing, Nov. 3",
       "Q: Can you confirm the raid near Bavispe? A: I can confirm that U.S. forces carried out a "
       "raid against a cartel camp in Sonora on Friday.",
       Stance::action},
      {"strikes", "Pentagon briefing, Nov. 3",
       "Q: Will there be a raid near Bavispe? A: We don't discuss future operations.",
       Stance::rhetoric},
  });
}

TEST(Blind5, AQuestionOfWhyTakesTheActAsDone) {
  expect_all({
      {"strikes", "Why did the U.S. strike a ranch in Cosalá?", "", Stance::action},
      {"strikes", "¿Por qué EU bombardeó un rancho en Cosalá?", "", Stance::action},
      {"strikes", "Why would the U.S. strike a ranch in Cosalá?", "", Stance::rhetoric},
  });
}

TEST(Blind5, WeaponsAndAircraftNamedWithWhatTheyDid) {
  expect_all({
      {"strikes", "Last week's U.S. drone strike in Tamazula killed four", "", Stance::action},
      {"strikes", "Tomahawks launched from a destroyer hit a camp near Guanaceví", "",
       Stance::action},
      {"troops", "Tomahawks launched from a destroyer hit a camp near Guanaceví", "",
       std::nullopt},
      {"strikes", "Cartel post in Ciudad Mier hit",
       "Army HIMARS launchers in Starr County fired on a cartel position outside Ciudad Mier.",
       Stance::action},
      {"strikes", "Strike Eagles flew from Texas to hit targets in Coahuila",
       "Two F-15Es bombed a camp near Allende on Monday.", Stance::action},
      {"strikes", "Gray Eagle drone fired on a pickup near Ojinaga", "", Stance::action},
      {"strikes", "The funeral came a day after U.S. aircraft destroyed two labs near Cosalá", "",
       Stance::action},
  });
}

TEST(Blind5, StoppingShipsIsABlockade) {
  expect_all({
      {"strikes", "U.S. Navy starts stopping ships off Manzanillo", "", Stance::action},
      {"strikes", "U.S. Navy could start stopping ships off Manzanillo", "", Stance::rhetoric},
      // a boat hundreds of miles off a port is the campaign at sea
      {"strikes", "U.S. strike destroys boat 900 miles southwest of Manzanillo", "", std::nullopt},
  });
}

TEST(Blind5, AftermathInMexicanPress) {
  expect_all({
      {"strikes", "Sepultan en Tuzantla a víctimas", "El ataque estadounidense ocurrió el martes.",
       Stance::action},
      {"strikes", "Exigen justicia en Escuinapa a una semana del bombardeo estadounidense", "",
       Stance::action},
      {"strikes", "CNDH abre queja por muertes en incursión estadounidense en Camargo", "",
       Stance::action},
      {"strikes", "Testigos en Janos",
       "Un grupo de soldados estadounidenses bajó de dos helicópteros, abatió a tres hombres y se "
       "retiró.",
       Stance::action},
      {"strikes", "Comando estadounidense sacó a 'El Gordo' de su casa en Culiacán", "",
       Stance::action},
  });
}

TEST(Blind5, TheSourceOfAnAttributionDoesNotOwnTheAct) {
  expect_all({
      {"strikes", "Misa por víctimas en Tlapa",
       "El ataque, atribuido por la Fiscalía de Guerrero a un dron estadounidense, dejó cinco "
       "muertos en Metlatónoc.",
       Stance::action},
      {"strikes", "Bombardean rancho en Cosalá; Fiscalía de Sinaloa lo atribuye a Estados Unidos",
       "", Stance::action},
      {"strikes", "Según la Marina, helicóptero estadounidense atacó un campamento en Cosalá", "",
       Stance::action},
      // the Navy's own act stays the Navy's
      {"strikes", "Según la Marina, sus elementos atacaron un campamento en Cosalá", "",
       std::nullopt},
  });
}

TEST(Blind5, TroopsOrderedCountedArrivingAndDying) {
  expect_all({
      {"troops", "Presidential order directs 2,000 more troops to the southern border", "",
       Stance::action},
      {"troops", "Soldier on border mission dies in crash near Deming", "", Stance::action},
      {"troops", "Border troop count falls below 7,000 as units head home", "", Stance::action},
      {"troops", "NOW: CONVOY ARRIVING IN LAREDO — 1ST ARMORED DIVISION SOLDIERS", "",
       Stance::action},
      {"troops", "Now: Trump could send more troops to Laredo", "", Stance::rhetoric},
      {"troops", "Observan llegada de soldados estadounidenses a Presidio", "", Stance::action},
      {"troops", "Prorroga el Pentágono la misión de 900 soldados en la frontera de Arizona", "",
       Stance::action},
      {"troops", "'The troops are here,' Naco ranchers say of new camp", "", Stance::action},
  });
}

TEST(Blind5, ListingsWorded) {
  expect_all({
      {"designations", "El Departamento de Estado designó como terroristas a Los Cuinis de Jalisco",
       "", Stance::action},
      {"designations", "Los Ardillos of Guerrero join list of foreign terrorist organizations", "",
       Stance::action},
      {"designations", "Oficial: Los Ardillos, organización terrorista extranjera para EU", "",
       Stance::action},
      {"designations",
       "Amendment of the Designation of Los Zetas as a Foreign Terrorist Organization", "",
       Stance::action},
  });
}

TEST(Blind5, AHeadlineThatCountsOneMoreActReportsIt) {
  expect_all({
      {"strikes", "Otro ataque con dron estadounidense en Cosalá; suman tres en la semana", "",
       Stance::action},
      {"strikes", "Another U.S. drone strike in Tamazula", "", Stance::action},
      {"strikes", "Another U.S. drone strike could hit Sinaloa", "", Stance::rhetoric},
      // whose act it is must be named next to it
      {"strikes", "Otro ataque en Cosalá deja dos muertos", "", std::nullopt},
  });
}

TEST(Blind5, AProjectileOrABoatNamedWithWhoFiredOrSankIt) {
  expect_all({
      {"strikes", "Tres muertos en bodega de Jerez",
       "La Fiscalía de Zacatecas confirmó que el proyectil, disparado por una aeronave de EU, mató a "
       "tres hombres.",
       Stance::action},
      {"strikes", "Peritos: fue un misil",
       "La camioneta fue alcanzada por un proyectil estadounidense lanzado desde un dron en Cosalá.",
       Stance::action},
      {"strikes", "Mexican navy tows boat sunk by U.S. helicopter in the Gulf of California", "",
       Stance::action},
      // sunk at sea, with no inside place, is the campaign at sea
      {"strikes", "Drug boat sunk by U.S. helicopter off Mazatlán, navy says", "", std::nullopt},
  });
}

TEST(Blind5, AnOperationCarriedOutByUsForcesAloneIsTheirs) {
  expect_all({
      {"strikes", "Capturan a 'El Flaco' en Navojoa",
       "Funcionarios confirmaron que la operación fue ejecutada por militares estadounidenses sin "
       "participación mexicana.",
       Stance::action},
  });
}

TEST(Blind5, HelicoptersThatLandAndDetainRaid) {
  expect_all({
      {"strikes", "Aterrizan helicópteros de EU en Sabinas y detienen a tres hombres", "",
       Stance::action},
      {"strikes", "US helicopters landed near Cosalá and detained four men", "", Stance::action},
      // a landing with aid is no raid
      {"strikes", "US helicopters land in Acapulco with aid for flood victims", "", std::nullopt},
  });
}

// Near misses of this session's cues, written against them before they were kept.
TEST(Blind5, NearMissesOfTheRoundsCuesKeepTheirStance) {
  expect_all({
      {"strikes", "Trump's threat of strikes on cartels in Mexico came Monday", "",
       Stance::rhetoric},
      {"strikes", "The US has so far not struck Mexico", "", Stance::denial},
      {"strikes", "Trump says US strikes in Mexico are 'the best so far'", "", Stance::rhetoric},
      {"strikes", "Map: every U.S. strike in Mexico so far", "", Stance::action},
      {"troops", "Migrant dies in Texas border crossing as troops watch", "", Stance::rhetoric},
      {"troops", "The arrival of 2,000 troops at the border is expected next week", "",
       Stance::rhetoric},
      {"troops", "Se espera la llegada de 500 soldados estadounidenses a Presidio", "",
       Stance::rhetoric},
      {"troops", "Observan desde Ojinaga llegada de soldados estadounidenses a Presidio", "",
       Stance::action},
      {"troops", "Se instala mesa de diálogo sobre tropas de EU en la frontera", "",
       Stance::rhetoric},
      {"strikes", "The threat of US strikes in Sinaloa is here, analysts warn", "",
       Stance::rhetoric},
      {"troops", "Trump directs Pentagon to prepare plans for troops at the border", "",
       Stance::rhetoric},
      {"strikes", "Another day, another threat of US strikes in Mexico", "", Stance::rhetoric},
  });
}

TEST(Blind5, NetworksSanctionedAsSupportAndGroupsNewlyListed) {
  expect_all({
      {"designations",
       "El Tesoro de EU sanciona a red de lavado de Los Viagras en Apatzingán como apoyo a "
       "terroristas",
       "", Stance::action},
      {"designations", "El Tesoro de EU analiza sancionar a red de Los Viagras como apoyo a terroristas",
       "", Stance::rhetoric},
      {"designations", "Banks freeze accounts of newly listed Los Cuinis",
       "The State Department designation took effect Monday.", Stance::action},
  });
}

TEST(Blind5, AnOrderGivenKeepsTroopsInPlace) {
  expect_all({
      {"troops", "Por orden del Pentágono, 1,000 soldados más permanecerán en la frontera", "",
       Stance::action},
      {"troops", "Por orden de Trump, el Pentágono prepara planes para enviar tropas a la frontera",
       "", Stance::rhetoric},
  });
}

}  // namespace
}  // namespace redline
