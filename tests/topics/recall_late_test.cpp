// Wording families of action reports missed in rounds 14 to 16 (dev_blind10.jsonl to
// dev_blind12.jsonl and the probes written for each round, tests/data/topics/README.md), one table
// per family with the near misses each cue was tried against. Sentences are not dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::expect_all;

TEST(Blind10, AnActThatShakesATownTookPlace) {
  expect_all({
      {"strikes", "US drone strike rocks Culiacán outskirts", "", Stance::action},
      {"strikes", "Ataque de dron estadounidense sacude Badiraguato", "", Stance::action},
      {"strikes", "Threat of US strikes rocks Mexican peso", "", Stance::rhetoric},
  });
}

TEST(Blind10, ShipsTurnedBackAreABlockadeUnderWay) {
  expect_all({
      {"strikes", "US destroyers turn back freighters leaving Manzanillo", "", Stance::action},
      {"strikes", "Navy, Coast Guard ships turn back vessels off Tuxpan",
       "The cordon has stopped 11 ships off the Veracruz port.", Stance::action},
      {"strikes", "US warships could turn back ships bound for Manzanillo", "", Stance::rhetoric},
  });
}

TEST(Blind10, MilitaryPoliceArmourAndCountsRaisedAreTroops) {
  expect_all({
      {"troops", "Llega a Yuma batallón de policía militar", "", Stance::action},
      {"troops",
       "Llegan 800 soldados de EU a Laredo; el Pentágono no ha dicho cuánto tiempo se quedarán", "",
       Stance::action},
      {"troops", "El Pentágono eleva a 12 mil su presencia militar en la frontera", "",
       Stance::action},
      {"troops", "Supera despliegue de EU en la frontera los 11 mil efectivos", "", Stance::action},
      {"troops", "Blindados de Fort Bliss se instalan en Sunland Park", "", Stance::action},
      // Mexico's own are not
      {"troops", "Despliega Sedena batallón de policía militar en Nogales, Sonora", "",
       std::nullopt},
      {"troops", "Sedena eleva a 15 mil los elementos en la frontera norte", "", std::nullopt},
      {"troops", "Llegan blindados del Ejército Mexicano a Nuevo Laredo", "", std::nullopt},
  });
}

TEST(Blind10, BackersListedUnderTheTerrorismAuthorityAreListed) {
  expect_all({
      {"designations",
       "Six Tijuana currency exchanges designated as CJNG fronts under terrorism authority", "",
       Stance::action},
      {"designations", "Texas designates Tijuana gang under state terrorism law", "", std::nullopt},
  });
}
TEST(Blind11, LevelledCrateredAndStrafedAreStrikes) {
  expect_all({
      {"strikes", "Cartel camp near Tamazula levelled by U.S. aircraft", "", Stance::action},
      {"strikes", "Airstrip outside Badiraguato cratered by U.S. bombers", "", Stance::action},
      {"strikes", "U.S. gunship strafes cartel convoy near Ojinaga", "", Stance::action},
      {"strikes", "U.S. drone targets SUV on Sinaloa highway", "", Stance::action},
      {"strikes", "Yes, the U.S. did bomb Durango. Here's the evidence", "", Stance::action},
  });
}

TEST(Blind11, APluralUnitWithTheBaseVerbReportsAtTheStartOfTheTitle) {
  expect_all({
      {"strikes", "Navy jets strike a cartel camp in Sinaloa", "", Stance::action},
      {"strikes", "Air Force jets sink narco sub off Sinaloa coast inside Mexican waters", "",
       Stance::action},
      {"strikes", "Navy jets could strike cartel camps in Sinaloa", "", Stance::rhetoric},
  });
}

TEST(Blind11, SpecialOperationsForcesRaid) {
  expect_all({
      {"strikes", "Plaza boss captured in Michoacán",
       "U.S. special operations forces captured the man at a ranch near Apatzingán, two officials "
       "said.",
       Stance::action},
      {"strikes", "Plaza boss captured in Michoacán",
       "Mexican special operations forces captured the man at a ranch near Apatzingán, two "
       "officials said.",
       std::nullopt},
  });
}

TEST(Blind11, TheConditionalOfReportDoubtsTheTollNotTheAct) {
  expect_all({
      {"strikes", "Habría muerto 'El Gallo' en bombardeo de EU en Sinaloa", "", Stance::action},
      {"strikes", "Ataque de EU en Durango habría dejado siete muertos, según vecinos", "",
       Stance::action},
      // a conditional on the act itself stays rhetoric
      {"strikes", "Habría participado EU en ataque contra laboratorio en Sinaloa", "",
       Stance::rhetoric},
  });
}

TEST(Blind11, NotDenyingIsNoDenial) {
  expect_all({
      {"strikes", "Pentagon won't deny role in Tepalcatepec blast",
       "Two U.S. officials said an American drone fired on the house.", Stance::action},
      {"strikes", "Pentagon won't deny it is weighing strikes in Sinaloa", "", Stance::rhetoric},
  });
}

TEST(Blind11, CorrectionsAndTalliesNameActsThatTookPlace) {
  expect_all({
      {"strikes", "Correction: the US strike was in Sonora, not Sinaloa", "", Stance::action},
      {"strikes", "Tally: 12 US strikes in Mexico since March", "", Stance::action},
      {"strikes", "Corrección: el bombardeo de EU fue en Cosalá", "", Stance::action},
      {"strikes", "Correction: Hegseth said the US could strike cartels in Sinaloa", "",
       Stance::rhetoric},
  });
}

TEST(Blind11, NewTownsASecondActAfterACommaAndALawInForce) {
  expect_all({
      {"strikes", "US drone strikes cartel safe house in San Fernando", "", Stance::action},
      {"strikes", "U.S. drone fires on house in Aquila, Michoacán", "", Stance::action},
      {"strikes", "U.S. designates Los Viagras, strikes their camp in Michoacán", "",
       Stance::action},
      {"strikes", "Bombardea EU bodegas del Cártel del Golfo en Méndez", "", Stance::action},
      {"designations", "Entra en vigor la designación del CJNG como organización terrorista", "",
       Stance::action},
      {"troops", "Ya está en marcha el despliegue de 2 mil soldados de EU en Arizona", "",
       Stance::action},
      {"troops", "1,200 marines ya están en el condado de Imperial", "", Stance::action},
  });
}
TEST(Blind11, AForceThatShrinksOrRotatesHomeIsWithdrawn) {
  expect_all({
      {"troops", "Border force shrinks to 8,000 as units rotate home", "", Stance::action},
      {"troops", "Guard units rotate home from Laredo", "", Stance::action},
      {"troops", "Border force could shrink to 8,000, Pentagon says", "", Stance::rhetoric},
  });
}
TEST(Blind11, MarketsThatShrugOffAnActTakeItAsDone) {
  expect_all({
      {"strikes", "Peso shrugged off U.S. drone strike near Culiacán", "", Stance::action},
      {"strikes", "Markets shrug off fears of US strike in Sinaloa", "", Stance::rhetoric},
      {"strikes", "Markets shrug off Trump threat to strike cartels in Sinaloa", "",
       Stance::rhetoric},
  });
}
TEST(Designations, DelistingsTerrorismSanctionsAndNoticeHeadingsList) {
  expect_all({
      {"designations", "Washington delists La Nueva Familia Michoacana after review", "",
       Stance::action},
      {"designations", "Estados Unidos retira a La Familia Michoacana de su lista de terroristas",
       "", Stance::action},
      {"designations", "Tesoro de EU sanciona a proveedores de precursores del CJNG por terrorismo",
       "", Stance::action},
      {"designations", "Treasury targets CJNG timeshare fraud network with terrorism sanctions", "",
       Stance::action},
      {"designations", "Counter Terrorism Designations; Mexico-related Designations",
       "OFAC added five individuals linked to the CJNG to the SDN List.", Stance::action},
      {"designations", "EU podría retirar a La Familia Michoacana de su lista de terroristas", "",
       Stance::rhetoric},
      {"designations", "Rubio: US may delist Cárteles Unidos if it disbands", "", Stance::rhetoric},
      {"designations", "Sancionan a red del CJNG por lavado de dinero", "", std::nullopt},
      {"designations", "Nasdaq delists shares of Mexican cement maker", "", std::nullopt},
  });
}
TEST(StrikeReports, AMunitionSeenLandingADroneThatKillsAndACampaignUnderWay) {
  expect_all({
      {"strikes", "Witnesses describe Hellfire missile hitting ranch in Tamaulipas", "",
       Stance::action},
      {"strikes", "Estalla misil de EU en narcolaboratorio de Cosalá", "", Stance::action},
      {"strikes", "Drone de EU abate a jefe de plaza en Michoacán", "", Stance::action},
      {"strikes", "US air campaign against cartels enters second week in Mexico", "",
       Stance::action},
      {"strikes", "Trump weighs air campaign against cartels in Mexico", "", Stance::rhetoric},
      {"strikes", "Mexican army's air campaign against Sinaloa cartels enters second week", "",
       std::nullopt},
      {"strikes", "Estalla coche bomba en Celaya; cártel se atribuye ataque", "", std::nullopt},
      {"strikes", "Cartel rockets hitting army posts in Michoacán", "", std::nullopt},
  });
}
TEST(Blind12, LandingsGoAshoreAndStrikesAreHitByAnArticledActor) {
  expect_all({
      {"strikes", "U.S. Marines go ashore near Guaymas in raid on cartel dock", "",
       Stance::action},
      {"troops", "U.S. Marines go ashore near Guaymas in raid on cartel dock", "", Stance::action},
      {"strikes", "Burned-out ranch near Tepic",
       "Nayarit officials say the ranch was hit by a U.S. drone overnight.", Stance::action},
      {"strikes", "Warehouses burn outside Navolato",
       "U.S. Northern Command said an overnight strike destroyed the cartel's fuel store in Sinaloa.",
       Stance::action},
  });
}
TEST(Blind12, DeltaOperatorsRaidAndABaseInMexicoHostsTroops) {
  expect_all({
      {"strikes", "Delta operators capture cartel accountant at ranch outside Chihuahua", "",
       Stance::action},
      {"troops", "Llegan 80 militares de EU a la base aérea de Santa Lucía", "", Stance::action},
      {"troops", "Prevé el Pentágono enviar 5 mil soldados a la frontera",
       "El plan aún no ha sido aprobado, dijeron fuentes.", Stance::rhetoric},
  });
}
TEST(Blind12, FootballAndTrialsThatCiteAListingAreNoNews) {
  expect_all({
      {"strikes", "U.S. edges Mexico 1-0 in Monterrey friendly",
       "A strike from the winger in the 80th minute decided it.", std::nullopt},
      {"designations", "Jury seated for Laredo man accused of arming the Gulf Cartel",
       "Prosecutors rely on the cartel's FTO designation for the material-support charge.",
       std::nullopt},
  });
}
TEST(Designations, AgencyWordingRemovalsAmendedListingsAndTheTerrorismOrder) {
  expect_all({
      {"designations", "OFAC sanctions nine tied to Los Salazar under E.O. 13224", "",
       Stance::action},
      {"designations", "Treasury Sanctions Gulf Cartel Financiers Under Counterterrorism Authorities",
       "", Stance::action},
      {"designations", "State drops La Nueva Familia Michoacana from its terrorist list", "",
       Stance::action},
      {"designations", "State amends FTO listing of the CJNG to cover two aliases", "",
       Stance::action},
      {"designations", "Senators urge Treasury to sanction CJNG brokers under E.O. 13224", "",
       Stance::rhetoric},
      {"strikes", "Death toll in U.S. strike on Sinaloa lab climbs to 11", "", Stance::action},
  });
}
TEST(Designations, SpanishRevocationsTheOrderAWiderListAndTheHeadlineNow) {
  expect_all({
      {"designations", "Tesoro sanciona a 4 gasolineras del CJNG bajo la orden ejecutiva 13224", "",
       Stance::action},
      {"designations", "EU revoca la designación terrorista de La Nueva Familia Michoacana", "",
       Stance::action},
      {"designations", "Los Metros, ahora organización terrorista extranjera", "", Stance::action},
      {"designations", "EU agrega a Los Pelones a su lista de terroristas globales", "",
       Stance::action},
      {"designations", "U.S. expands its terror list with two Sonora groups", "", Stance::action},
      {"designations", "EU podría revocar la designación terrorista de Cárteles Unidos", "",
       Stance::rhetoric},
  });
}
TEST(StrikeReports, ResultsWeaponsUnitsAndWhoseStrikeItWas) {
  expect_all({
      {"strikes", "Six dead as U.S. missiles slam into cartel ranch in Durango", "", Stance::action},
      {"strikes", "Cartel airstrip in Sonora 'obliterated,' Pentagon says", "", Stance::action},
      {"strikes", "Drones hit Culiacán suburbs; U.S. officials confirm drone operation", "",
       Stance::action},
      {"strikes", "Army Rangers assault CJNG camp in Jalisco", "", Stance::action},
      {"strikes", "U.S. destroyer fires Tomahawks at cartel target in Sonora", "", Stance::action},
      {"strikes", "Bombardean aviones de EU pista clandestina en Durango", "", Stance::action},
      {"strikes", "Reportan que dron de EU arrojó bomba sobre rancho en Tamazula", "",
       Stance::action},
      {"strikes", "Drone strike on Sinaloa ranch was American, state officials say", "",
       Stance::action},
      {"strikes", "Mexican marines assault cartel stronghold in Tamaulipas", "", std::nullopt},
      {"strikes", "Bombarderos de EU lanzan bombas inertes en Arizona, cerca de Sonora", "",
       std::nullopt},
  });
}
TEST(Blind12, UpdatedEntriesQuietListingsRostersAndCountedStrikes) {
  expect_all({
      {"designations", "State updates CJNG FTO entry with two new aliases", "", Stance::action},
      {"designations", "Filing shows Treasury's quiet SDGT listing of a Culiacán car lot",
       "The lot was listed for laundering cartel money.", Stance::action},
      {"designations", "State adds Los Pelones to FTO roster", "", Stance::action},
      {"strikes", "Otra vez los drones: tercer ataque de EU en Sinaloa este mes", "",
       Stance::action},
      {"strikes", "Second U.S. strike this week hits cartel lab in Sonora", "", Stance::action},
      {"strikes", "Marine Raiders capture CJNG accountant in Los Cabos", "", Stance::action},
      {"strikes", "U.S. drone hits pickup in Colombia, Nuevo León", "", Stance::action},
  });
}
TEST(Blind12, DeputiesAttacksOnDiplomatsAndStateBillsAreNotTheTopic) {
  expect_all({
      {"troops", "Texas sheriff sends 25 deputies to the border", "", std::nullopt},
      {"strikes", "Marines guard U.S. consulate in Nuevo Laredo",
       "They arrived after the attack on a consular convoy in Tamaulipas.", std::nullopt},
      {"strikes", "Condena EU ataque contra camioneta consular en Nuevo León", "", std::nullopt},
      {"designations", "Louisiana legislature passes bill labeling cartels terror groups", "",
       std::nullopt},
  });
}
}  // namespace
}  // namespace redline
