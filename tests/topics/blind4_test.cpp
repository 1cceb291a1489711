// Wording families of the eleventh session (round 8, recall): the families found when the
// blind-written batches of tests/data/topics/dev_blind4.jsonl (about half action reports, worded
// the many ways feeds word them) were first scored. Each test is named after its family and holds
// a table of sentences that are not dev items, with near misses that must keep their stance.
#include <optional>
#include <string>
#include <vector>

#include "tests/topics/support.h"

namespace redline {
namespace {

using test::expect_all;

TEST(Blind4, MoreMunicipalitiesOfTheSierraAndTheCoastsArePlacesInMexico) {
  expect_all({
      {"strikes", "US drone strike kills four in Cotija", "", Stance::action},
      {"strikes", "Ataque de EU en Topia deja tres muertos", "", Stance::action},
      {"strikes", "Yécora residents fear a US strike", "", Stance::rhetoric},
  });
}

TEST(Blind4, TheGulfOfCaliforniaAndTheBayOfCampecheAreMexicanWaters) {
  expect_all({
      {"strikes", "US Navy helicopter fires on narco sub in the Gulf of California", "",
       Stance::action},
      {"strikes", "Coast Guard sinks speedboat inside the Bay of Campeche", "", Stance::action},
      // a boat off a coast is still the campaign at sea
      {"strikes", "US Navy helicopter fires on narco sub off Sinaloa", "", std::nullopt},
  });
}

TEST(Blind4, BlameLaidOnTheUsReportsTheAct) {
  expect_all({
      {"strikes", "Michoacán officials blame U.S. drones for overnight attack on ranch", "",
       Stance::action},
      {"strikes", "Vecinos culpan a los gringos del bombardeo en Aguililla", "", Stance::action},
      // blaming the US for a plan reports no act
      {"strikes", "Morena culpa a EU de planear bombardeos en Sinaloa", "", Stance::rhetoric},
  });
}

TEST(Blind4, AnEventNamedAsAUsActReportsIt) {
  expect_all({
      {"strikes", "Explosion at Culiacán warehouse was a U.S. strike, officials say", "",
       Stance::action},
      {"strikes", "Fue un ataque de EU, dice el gobernador de Sinaloa sobre la explosión", "",
       Stance::action},
      {"strikes", "Explosion in Culiacán was not a U.S. strike, Pentagon says", "",
       Stance::denial},
      {"strikes", "If it was a US strike, Mexico will respond, Sheinbaum says", "",
       Stance::rhetoric},
  });
}

TEST(Blind4, UsUnitsByTheirNumberAreUsForces) {
  expect_all({
      {"strikes", "3rd Special Forces Group took part in the Sinaloa raid, officials confirm", "",
       Stance::action},
  });
}

TEST(Blind4, ClosingAPortIsABlockade) {
  expect_all({
      {"strikes", "US warships close access to the port of Manzanillo", "", Stance::action},
      {"strikes", "Buques de EU cierran el acceso al puerto de Lázaro Cárdenas", "",
       Stance::action},
      {"strikes", "Trump says US could close the port of Manzanillo", "", Stance::rhetoric},
      // Mexico's navy closing its port for a storm is nobody's blockade
      {"strikes", "Buques de la Marina cierran el acceso al puerto de Manzanillo por huracán", "",
       std::nullopt},
  });
}

TEST(Blind4, NoAmericanCasualtiesDeniesATollNotTheAct) {
  expect_all({
      {"strikes", "US gunship fired on cartel compound near Múzquiz, Coahuila",
       "No American casualties were reported.", Stance::action},
  });
}

TEST(Blind4, AStormingNounIsAnActNotADeployment) {
  expect_all({
      {"strikes", "Irrupción de comandos estadounidenses en rancho de Sinaloa deja dos muertos", "",
       Stance::action},
  });
}

TEST(Blind4, CountsThatStandNowRotationsAndPostsReportTroops) {
  expect_all({
      {"troops", "Troop count at the southern border now 14,000", "", Stance::action},
      {"troops", "Troops at border could soon number 14,000", "", Stance::rhetoric},
      {"troops", "Fort Bragg paratroopers rotate into the Big Bend sector", "", Stance::action},
      {"troops", "Pentagon to rotate 2,000 soldiers into the border mission", "",
       Stance::rhetoric},
      {"troops", "Fort Bragg paratroopers deploy to Poland", "", std::nullopt},
      {"troops", "Marines begin six-month rotation at the border in Arizona", "", Stance::action},
      {"troops", "Soldados de EU instalan torres frente a Nogales", "", Stance::action},
      {"troops", "Soldados de EU podrían instalar torres frente a Nogales", "", Stance::rhetoric},
  });
}

TEST(Blind4, AGroupNamedWithItsListingIsTheListedGroup) {
  expect_all({
      {"designations", "Treasury lists Los Peludos as Specially Designated Global Terrorists", "",
       Stance::action},
      {"designations", "Congressman urges Treasury to list Los Peludos as terrorists", "",
       Stance::rhetoric},
      {"designations", "Publican la designación de Los Peludos como organización terrorista", "",
       Stance::action},
      {"designations", "Los Angeles gang listed as terrorists by Texas", "", std::nullopt},
  });
}

TEST(Blind4, SoldiersOfARaidInTheSummaryAreTheRaids) {
  expect_all({
      {"troops", "Abaten fuerzas de EU a 4 en Guachochi",
       "Los soldados estadounidenses llegaron en helicóptero y se retiraron.", std::nullopt},
      {"strikes", "Abaten fuerzas de EU a 4 en Guachochi",
       "Los soldados estadounidenses llegaron en helicóptero y se retiraron.", Stance::action},
      // troops named in the title are still troops
      {"troops", "US soldiers cross into Tamaulipas and seize two men",
       "The soldiers crossed the river by boat.", Stance::action},
      // a title with no excluded word leaves the summary's troops alone
      {"troops", "Pentagon update on the southern border",
       "About 600 US soldiers arrived in Eagle Pass on Monday.", Stance::action},
  });
}

TEST(Blind4, TheVerbFirstInASpanishHeadlineKeepsItsForces) {
  expect_all({
      {"strikes", "Capturan comandos de EU a operador del CJNG en Zapopan", "", Stance::action},
      {"strikes", "Podrían abatir fuerzas de EU a líderes del Cártel de Sinaloa", "",
       std::nullopt},
  });
}

TEST(Blind4, TheTollOfTheActReportsIt) {
  expect_all({
      {"strikes", "Clinic in Culiacán treats 6 injured from US drone strike", "", Stance::action},
      {"strikes", "Si EU ataca, habrá muertos en Jacona, advierte obispo", "", Stance::rhetoric},
  });
}

TEST(Blind4, GunshipsAndApachesStrikeLikeJets) {
  expect_all({
      {"strikes", "U.S. gunships attack cartel camp near Guachochi", "", Stance::action},
  });
}

TEST(Blind4, AListingThatStandsIsNoRevocation) {
  expect_all({
      {"designations", "CJNG designation was not revoked, State Department says", "",
       Stance::denial},
      {"designations", "Treasury revoked the designation of Los Peludos", "", Stance::action},
      {"designations", "Terror label now applies to Cártel de Santa Rosa de Lima, State "
                       "Department says", "", Stance::action},
      // a count before the participle names groups listed before: no listing reported
      {"designations", "Bill would add the six listed cartels' financiers to the terrorist list",
       "", std::nullopt},
      {"designations", "Barrio 18 designated a terrorist organization",
       "The State Department listed the gang on Tuesday.", Stance::action},
  });
}

TEST(Blind4, ForcesThatHeadHomeOrLeaveUnrelievedAreAWithdrawal) {
  expect_all({
      {"troops", "Texas Guard soldiers head home after a year at the border", "", Stance::action},
      {"troops", "Texas Guard soldiers could head home after a year at the border", "",
       Stance::rhetoric},
      {"troops", "Border mission shrinks in Arizona",
       "About 300 soldiers left Yuma this month and were not replaced.", Stance::action},
      {"troops", "Llegan 500 efectivos de la 82a División Aerotransportada a Presidio", "",
       Stance::action},
  });
}

TEST(Blind4, EfectivosAndElementosOfTheUsDoTheAct) {
  expect_all({
      {"strikes", "Elementos de EU abatieron a dos sicarios en Sonora", "", Stance::action},
      {"strikes", "Efectivos estadounidenses capturan a operador del CJNG en Zapopan", "",
       Stance::action},
  });
}

TEST(Blind4, AUnitThatLedTheActOrDroppedTheBombsReportsIt) {
  expect_all({
      {"strikes", "Troops from 3rd Special Forces Group led raid near Caborca", "",
       Stance::action},
      {"strikes", "U.S. B-52 dropped six bombs on cartel camps in Durango", "", Stance::action},
      {"strikes", "Trump says US bombers could drop bombs on cartel labs in Sinaloa", "",
       Stance::rhetoric},
      {"strikes", "US Navy fires on narco-sub in Bahía de Banderas", "", Stance::action},
  });
}

TEST(Blind4, LeavingHandingOverHostingAndExtendingReportTroops) {
  expect_all({
      {"troops", "Se van de la frontera 500 militares de EU", "", Stance::action},
      {"troops", "3rd Infantry Division hands border mission to 1st Cavalry", "",
       Stance::action},
      {"troops", "Fort Bliss hosts 300 soldiers headed for the border", "", Stance::action},
      {"troops", "La 1a División de Caballería llega a Presidio", "", Stance::action},
      {"troops", "Amplía EU el despliegue en la frontera", "", Stance::action},
      {"troops", "Sells, Ariz.: 350 soldiers set up camp near the border wall", "",
       Stance::action},
      // a plan that reaches a desk is still a plan; a figure that reaches a mark is no unit
      {"troops", "Plan de despliegue de 3 mil soldados en la frontera llega al escritorio de "
                 "Trump", "", Stance::rhetoric},
      {"troops", "La cifra de migrantes llega a 10 mil en la frontera", "", std::nullopt},
  });
}

TEST(Blind4, AStatesGuardIsAUsForce) {
  expect_all({
      {"troops", "North Dakota Guard sends 200 to Texas border", "", Stance::action},
      {"troops", "Ohio National Guard sends 300 soldiers to Chicago", "", std::nullopt},
  });
}

TEST(Blind4, AGroupPutOnTheListIsTheListedGroup) {
  expect_all({
      {"designations", "Tesoro de EU incluye a Los Peludos en lista de terroristas globales", "",
       Stance::action},
      {"designations", "State Department adds Los Peludos to the terror list", "",
       Stance::action},
  });
}

TEST(Blind4, ConfirmingAndDenouncingInSpanishReportTheAct) {
  expect_all({
      {"strikes", "Confirman bombardeos de EU en Guerrero", "", Stance::action},
      {"strikes", "Confirman que EU planea bombardeos en Guerrero", "", Stance::rhetoric},
      {"strikes", "Denuncian pobladores de Coyuca ataque aéreo estadounidense", "",
       Stance::action},
      {"strikes", "Sheinbaum denuncia plan de EU para bombardear Sinaloa", "", Stance::rhetoric},
  });
}

TEST(Blind4, TheOfficialGazettePublishesTheListing) {
  expect_all({
      {"designations", "Federal Register: Designation of Los Peludos as a Foreign Terrorist "
                       "Organization", "", Stance::action},
      {"designations", "Federal Register: proposed designation of Los Peludos as a Foreign "
                       "Terrorist Organization", "", Stance::rhetoric},
      {"designations", "Publican en el Registro Federal la designación de Los Peludos", "",
       Stance::action},
  });
}

TEST(Blind4, ASignedDeploymentOrderIsTheDeployment) {
  expect_all({
      {"troops", "Border mission grows", "Trump signed the deployment order on Friday.",
       Stance::action},
      {"troops", "Trump could sign deployment order for 5,000 troops to the border this week", "",
       Stance::rhetoric},
  });
}

TEST(Blind4, ASecondActInTheSameHeadlineIsReportedToo) {
  expect_all({
      {"strikes", "U.S. lists Los Peludos as terrorists and strikes its camp in Sinaloa", "",
       Stance::action},
      {"strikes", "Trump threatens to list Los Peludos and strike their camps in Sinaloa", "",
       Stance::rhetoric},
  });
}

TEST(Blind4, ACartelsBackersListedAsTerroristFinanciersAreAListing) {
  expect_all({
      {"designations", "Treasury lists Sinaloa cartel money launderers as terrorist financiers",
       "", Stance::action},
      {"designations", "State Department sanctions 8 as SDGTs for laundering money for Los "
                       "Peludos", "", Stance::action},
      {"designations", "Congress urges Treasury to list cartel backers as terrorist financiers",
       "", Stance::rhetoric},
  });
}

TEST(Blind4, AnExtensionUpToADateLooksAhead) {
  expect_all({
      {"troops", "Pentagon extends border mission through March 2027", "", Stance::action},
      {"troops", "Prorroga EU misión militar en la frontera hasta diciembre de 2027", "",
       Stance::action},
      {"troops", "Pentagon may extend border mission through 2027", "", Stance::rhetoric},
      {"troops", "EU analiza prorrogar la misión militar en la frontera hasta 2027", "",
       Stance::rhetoric},
      // a year on its own still dates the act
      {"troops", "In 2019 the Pentagon extended the border mission", "", std::nullopt},
  });
}

}  // namespace
}  // namespace redline
