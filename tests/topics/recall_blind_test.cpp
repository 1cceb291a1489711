// Wording families of action reports the blind dev batches of rounds 11 to 13 missed when first
// scored (dev_blind7.jsonl to dev_blind9.jsonl, tests/data/topics/README.md), one table per family
// with the near misses each cue was tried against. Sentences are not dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::expect_all;

// Fourteenth session (round 11): reports of dev_blind7's first batch, one table per family, with
// the near misses each cue was tried against (not dev items).

TEST(Blind7, AGroupNamedRightAfterTheListingVerbIsListed) {
  expect_all({
      {"designations", "Treasury action",
       "The Department of State has designated Los Pelones under Executive Order 13224.",
       Stance::action},
      {"designations", "Designó el Departamento de Estado a Los Chapitos de Caborca como FTO", "",
       Stance::action},
      {"designations", "Designa la OFAC a 4 de Los Mezcales como terroristas globales", "",
       Stance::action},
      // a proposal to list stays one, and a group that is no cartel does not match
      {"designations", "Senators propose to designate Los Pelones as terrorists", "",
       Stance::rhetoric},
      {"designations", "Proponen designar a los huachicoleros como terroristas", "", std::nullopt},
  });
}

TEST(Blind7, AStatesGuardWithoutNationalIsAUSForce) {
  expect_all({
      {"troops", "Parten 250 soldados de la Guardia de Ohio rumbo a la frontera con México", "",
       Stance::action},
      {"troops", "Llegan 150 elementos de la Guardia de Iowa a la frontera con México", "",
       Stance::action},
      {"troops", "Podrían salir 200 soldados de la Guardia de Ohio rumbo a la frontera", "",
       Stance::rhetoric},
  });
}

TEST(Blind7, AnArmyUnitByItsNumberOwnsItsTroopers) {
  expect_all({
      {"troops", "2nd Cavalry Regiment sends 900 troopers to Del Rio", "", Stance::action},
      {"troops", "1st Armored Division moves 800 soldiers to El Paso sector", "", Stance::action},
      // state troopers are still no troops
      {"troops", "Texas sends 300 troopers to Del Rio", "", std::nullopt},
  });
}

TEST(Blind7, TheStateOfMexicosSouthIsMexico) {
  expect_all({
      {"strikes", "Ataque de dron de EU en Luvianos: 4 muertos", "", Stance::action},
      {"strikes", "US drone strike kills four in Tlatlaya, State of Mexico", "", Stance::action},
      {"strikes", "Could US drones strike Tejupilco next?", "", Stance::rhetoric},
  });
}

TEST(Blind7, AnOutletsNameBeforeABarIsNoCue) {
  expect_all({
      {"strikes", "El Debate | EU bombardea campamento en Cosalá", "", Stance::action},
      {"strikes", "Noroeste | Así operó el ataque de EU en Escuinapa: vecinos", "", Stance::action},
      // the words after the bar still hedge, and a kicker before a colon still governs
      {"strikes", "Análisis | ¿Podría EU atacar Ahome?", "", Stance::rhetoric},
      {"strikes", "Mercados | BMV cae por temor a ataques de EU en Sinaloa", "", Stance::rhetoric},
      {"strikes", "Trump's threat: US jets bomb Sinaloa labs", "", Stance::rhetoric},
  });
}

TEST(Blind7, TheSpanishFutureOfGoingIsNoIran) {
  expect_all({
      {"troops", "Firman orden: 600 marines irán a la frontera de Nuevo México",
       "El Pentágono firmó la orden de despliegue de 600 marines en el sector Las Cruces.",
       Stance::action},
      {"troops", "Tropas de EU irán a la frontera con Sonora, anuncia Pentágono", "",
       Stance::rhetoric},
      // Iran is still another theatre
      {"strikes", "US strikes Iran; Trump says Sinaloa could be next", "", std::nullopt},
  });
}

TEST(Blind8, AGroupThatMadeTheTerrorListIsListed) {
  expect_all({
      {"designations", "Los Tiburones: the Colima gang that made the terror list", "",
       Stance::action},
      {"designations", "Could the Colima gang make the terror list?", "", Stance::rhetoric},
  });
}

TEST(Blind8, AGroupNamedByItsStateIsATargetOfTheListing) {
  expect_all({
      {"designations", "State formally listed the Colima group as a terrorist organization", "",
       Stance::action},
      {"designations", "Treasury lists six money men as terrorists",
       "OFAC named them Specially Designated Global Terrorists for laundering proceeds for Los "
       "Tiburones.",
       Stance::action},
      {"designations", "Tesoro sanciona a operadores financieros de Los Tiburones en Manzanillo",
       "Fueron designados como terroristas globales por la OFAC.", Stance::action},
      {"designations", "Senators urge State to list the Colima group as terrorists", "",
       Stance::rhetoric},
  });
}

TEST(Blind8, ACountThatStandsOrPeaksReportsTroops) {
  expect_all({
      {"troops", "US troop presence at the border holds at 11,800", "", Stance::action},
      {"troops", "US deployment at the border hit a record high in October", "", Stance::action},
      {"troops", "US troop numbers at the border could hit a record high", "", Stance::rhetoric},
  });
}

TEST(Blind8, ADiplomaticNoteToTheActorTakesTheActAsDone) {
  expect_all({
      {"strikes", "Cancillería entrega nota diplomática a EU por el bombardeo en Tamazula", "",
       Stance::action},
      {"strikes", "Cancillería enviará nota diplomática a EU si hay bombardeo en Tamazula", "",
       Stance::rhetoric},
      {"strikes", "Cancillería entrega nota diplomática a EU por amenazas de bombardeo en Tamazula",
       "", Stance::rhetoric},
  });
}

TEST(Blind8, AnActNamedAsOneEventByItsPlaceTookPlace) {
  expect_all({
      {"strikes", "Pentagon names the unit behind the Tamazula strike", "", Stance::action},
      {"strikes", "Pentágono identifica a la unidad detrás del ataque en Tamazula", "",
       Stance::action},
      // a plan, a denial or a look back names no act that took place
      {"strikes", "Pentagon weighs the Tamazula strike option", "", Stance::rhetoric},
      {"strikes", "Pentagon denies the Tamazula strike", "", Stance::denial},
      {"strikes", "A year after the Tamazula strike, Pentagon names the unit", "", std::nullopt},
  });
}

TEST(Blind8, AHeadlinePassiveThatPlacesTheActReportsIt) {
  expect_all({
      {"strikes", "US raid reported in Sonora", "", Stance::action},
      {"strikes", "No US raid reported in Sonora, Sedena says", "", Stance::denial},
      {"strikes", "Mexican army raid reported in Sonora", "", std::nullopt},
  });
}

TEST(Blind8, AnActAcknowledgedByItsActorTookPlace) {
  expect_all({
      {"strikes", "Sedena: la incursión de EU en Sonora fue reconocida por el Pentágono", "",
       Stance::action},
      {"strikes", "Harfuch, reconocido por su trabajo, niega incursión de EU en Sonora", "",
       Stance::denial},
  });
}

TEST(Blind8, TheWatersOfAMexicanCoastalStateAreInside) {
  expect_all({
      {"strikes", "Guardacostas de EU dispara contra lancha en aguas de Sinaloa", "",
       Stance::action},
      {"strikes", "Guardacostas de EU dispara contra lancha frente a Colombia", "", std::nullopt},
  });
}

TEST(Blind8, TheTexasGovernorAndACountOfGuardsDeploy) {
  expect_all({
      {"troops", "Envía Abbott 300 guardias a Eagle Pass", "", Stance::action},
      {"troops", "Abbott podría enviar 300 guardias a Eagle Pass", "", Stance::rhetoric},
      {"troops", "Contratan 300 guardias de seguridad en Eagle Pass", "", std::nullopt},
  });
}

TEST(Blind8, AUnitsMissionExtendedReportsTroops) {
  expect_all({
      {"troops", "Prorrogan misión de brigada en Nuevo México", "", Stance::action},
      {"troops", "Pentágono analiza prorrogar misión de brigada en Nuevo México", "",
       Stance::rhetoric},
  });
}

TEST(Blind8, AForceThatTakesSomeoneAwayRaids) {
  expect_all({
      {"strikes", "Comando de EU se lleva a capo de un rancho en Badiraguato", "", Stance::action},
      {"strikes", "Sicarios se llevan a dos hombres de un rancho en Badiraguato", "", std::nullopt},
      {"strikes", "EU amenaza con que sus comandos se lleven a capos de Badiraguato", "",
       Stance::rhetoric},
  });
}

TEST(Blind9, ACountPutOnTheRiverIsADeployment) {
  expect_all({
      {"troops", "Arizona Guard puts 300 more soldiers on the line at Sasabe", "", Stance::action},
      {"troops", "Texas Guard puts 200 troops along the river near Roma", "", Stance::action},
      {"troops", "Texas Guard could put 200 troops on the river near Roma", "", Stance::rhetoric},
  });
}

TEST(Blind9, FireAcrossTheRiverIsAStrike) {
  expect_all({
      {"strikes", "US Army helicopter fires across the Rio Grande at gunmen near Reynosa", "",
       Stance::action},
      {"strikes", "Pentagon: troops may strike in Mexico if cartels fire across the border", "",
       Stance::rhetoric},
      {"strikes", "Cartel gunmen fire across Rio Grande at Border Patrol", "", std::nullopt},
  });
}

TEST(Blind9, MoreMunicipalitiesOfTheCartelStates) {
  expect_all({
      {"strikes", "US drone strike hits ranch outside Parras, Coahuila officials say", "",
       Stance::action},
      {"strikes", "EU bombardea campamento en Ometepec", "", Stance::action},
      {"strikes", "EU ejecuta bombardeo en Ario de Rosales", "", Stance::action},
      {"strikes", "Misil de EU impactó campamento en Coahuayutla", "", Stance::action},
  });
}

TEST(Blind9, TroopsActivatedForBorderSupportAreDeployed) {
  expect_all({
      {"troops", "New Mexico Guard activates 200 soldiers for border support", "", Stance::action},
      {"troops", "Texas Guard activates 500 more troops for border duty", "", Stance::action},
      {"troops", "Arizona Guard may activate 200 soldiers for border support", "",
       Stance::rhetoric},
  });
}

}  // namespace
}  // namespace redline
