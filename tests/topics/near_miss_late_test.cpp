// Near misses of the action cues found in rounds 14 to 16 (dev_blind10.jsonl to dev_blind12.jsonl,
// the probes written for each round, and the raid convention, tests/data/topics/README.md), each
// with the report that must stay action. Sentences are not dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::expect_all;

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
