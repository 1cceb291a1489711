// Wording families of real action reports missed when the seventh session's recall batches were
// first scored (items d2421 on of tests/data/topics/dev.jsonl), each with the near miss that
// must keep its stance. Sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(RecallFresh, AClashWithArmedMenIsAStrike) {
  EXPECT_EQ(stance_of("strikes", "Soldados estadounidenses se enfrentan a pistoleros en Sonora"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US Marines clash with cartel gunmen in Sonora"), Stance::action);
  EXPECT_EQ(stance_of("troops", "US Marines clash with cartel gunmen in Sonora"), std::nullopt);
  // Mexico's own clashes are not, and a possible one is rhetoric
  EXPECT_EQ(stance_of("strikes", "Ejército se enfrenta a sicarios en Sinaloa"), std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Militares de EU podrían enfrentarse a sicarios en Sonora"),
            Stance::rhetoric);
}

TEST(RecallFresh, BrandingAGroupTerroristListsIt) {
  EXPECT_EQ(stance_of("designations", "State Department brands La Línea a terrorist organization"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "La Línea es ya grupo terrorista para Washington"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "US adds Juárez cartel to its terror blacklist"),
            Stance::action);
  // a wish for the list is not a listing, and branding a plan lists nothing
  EXPECT_EQ(stance_of("designations", "Republicans want Juárez cartel on terror blacklist"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "Rubio brands Sheinbaum's plan a failure"), std::nullopt);
}

TEST(RecallFresh, AProtestTakesTheActAsDone) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum protests US drone strike in Sonora"), Stance::action);
  // a protest of a threat is rhetoric
  EXPECT_EQ(stance_of("strikes", "Protests erupt in Sinaloa over US raid threat"),
            Stance::rhetoric);
}

TEST(RecallFresh, ABlockadeInTheHeadlinePresentIsAStrike) {
  EXPECT_EQ(stance_of("strikes", "US warships blockade Lázaro Cárdenas port"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "US Navy blockades Mazatlán harbor"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Trump threatens to blockade Mexican ports"), Stance::rhetoric);
}

TEST(RecallFresh, CasualtiesOfTheActReportIt) {
  EXPECT_EQ(stance_of("strikes",
                      "Three US commandos wounded during raid on cartel hideout in "
                      "Sinaloa"),
            Stance::action);
  // a training accident is no act, and victims of a cartel are not its agents
  EXPECT_NE(stance_of("troops", "US soldiers injured in training accident in Texas"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Two Americans killed in cartel attack in Sinaloa"), std::nullopt);
}

TEST(RecallFresh, ADaysActNamedAsSuchHappened) {
  EXPECT_EQ(stance_of("strikes",
                      "Pentagon names cartel commander killed in Friday's strike in "
                      "Sonora"),
            Stance::action);
}

TEST(RecallFresh, ACaptureInAUsOperationIsReported) {
  EXPECT_EQ(stance_of("strikes",
                      "Cae 'El Mencho' en operativo de fuerzas especiales de EU en "
                      "Jalisco"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes",
                      "Marines de EU participaron en la captura de 'El Gil' en "
                      "Culiacán"),
            Stance::action);
  EXPECT_EQ(stance_of("troops",
                      "Marines de EU participaron en la captura de 'El Gil' en "
                      "Culiacán"),
            std::nullopt);
  // Mexico's own capture, agents who take part, and a fall of the peso are not
  EXPECT_EQ(stance_of("strikes", "Cae 'El Mencho' en operativo de la Marina en Jalisco"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes",
                      "Agentes de la DEA participaron en la captura de 'El Gil' en "
                      "Culiacán"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Cae el peso ante temor de ataques de EU en México"),
            Stance::rhetoric);
}

TEST(RecallFresh, AddingACartelToTheListIsAListingButAnotherGangIsNot) {
  EXPECT_EQ(stance_of("designations",
                      "Secretaría de Estado de EU suma al Cártel de Tláhuac a "
                      "su lista de terroristas"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "US adds Los Tlacos gang to terror list"), Stance::action);
  EXPECT_EQ(stance_of("designations", "Washington añade a Los Viagras a su lista de terroristas"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "US adds Haitian gang to terror list"), std::nullopt);
}

TEST(RecallFresh, TargetsHitByTheActorAreStruck) {
  EXPECT_EQ(stance_of("strikes", "Pentagon: dozens of cartel targets hit in Sinaloa overnight"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Mexican army says cartel targets hit in Michoacán"),
            std::nullopt);
}

TEST(RecallFresh, AProtestWithItsSubjectBeforeAnteTakesTheActAsDone) {
  EXPECT_EQ(stance_of("strikes", "Protesta Sheinbaum ante EU por bombardeo en Sonora"),
            Stance::action);
  EXPECT_NE(stance_of("strikes", "Protesta Sheinbaum ante EU por amenazas de ataques en Sonora"),
            Stance::action);
}

TEST(RecallFresh, ASpanishHeadlineParticipleAfterACountReports) {
  EXPECT_EQ(stance_of("troops", "2 mil soldados más desplegados en Texas, informa el Pentágono"),
            Stance::action);
  // opening the sentence, it describes the soldiers
  EXPECT_NE(stance_of("troops", "Desplegados en Arizona, soldados de EU se quejan del frío"),
            Stance::action);
}

TEST(RecallFresh, ACompletedRoundOfStrikesHappened) {
  EXPECT_EQ(stance_of("strikes", "Pentagon: third wave of strikes in Durango completed"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Pentagon completes review of strike options for Mexico"),
            Stance::rhetoric);
}

TEST(RecallFresh, BrandingCartelsTerroristsListsThem) {
  EXPECT_EQ(stance_of("designations", "Treasury brands La Línea terrorists"), Stance::action);
  EXPECT_EQ(
      stance_of("designations", "Treasury brands Cártel de Sinaloa faction Los Mayos terrorists"),
      Stance::action);
  EXPECT_EQ(stance_of("designations", "Senators want to brand CJNG terrorists"), Stance::rhetoric);
}

TEST(RecallFresh, AUnitNamedWithItsActIsAStrike) {
  EXPECT_EQ(stance_of("strikes", "Rangers capture cartel boss in Sonora, Pentagon says"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US Navy SEALs rescue hostages in Somalia"), std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Texas Rangers capture fugitive in Laredo"), std::nullopt);
}

TEST(RecallFresh, ANewTerroristOrganizationIsListed) {
  EXPECT_EQ(stance_of("designations", "Los Mayos, nueva organización terrorista para Washington"),
            Stance::action);
  EXPECT_EQ(stance_of("designations",
                      "¿Será el Cártel de Juárez la nueva organización terrorista de EU?"),
            Stance::rhetoric);
}

TEST(RecallFresh, MovingACountOfTroopsDeploysThem) {
  EXPECT_EQ(stance_of("troops", "Pentagon moves 500 troops from Texas to Arizona border"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Pentagon moves to deploy troops to Arizona border"),
            Stance::rhetoric);
}

TEST(RecallFresh, ABranchBetweenTheCountryAndItsAircraftStillNamesTheActor) {
  EXPECT_EQ(stance_of("strikes", "US Air Force jets strike cartel camp in Sonora"), Stance::action);
}

TEST(RecallFresh, ARotationAtTheBorderReportsTroops) {
  EXPECT_EQ(stance_of("troops",
                      "Marines leave Yuma after six months, replaced by 600 soldiers "
                      "from Fort Carson"),
            Stance::action);
  EXPECT_EQ(stance_of("troops",
                      "About 300 soldiers moved from Texas to the New Mexico border on "
                      "Monday"),
            Stance::action);
  EXPECT_EQ(stance_of("troops",
                      "Un contingente de 500 militares estadounidenses arribó a Nogales, "
                      "Arizona"),
            Stance::action);
  EXPECT_NE(stance_of("troops", "Trump moved to send troops to the border in 2019"),
            Stance::action);
}

TEST(RecallFresh, ForcesThatCarryOutAnOperationStrike) {
  EXPECT_EQ(stance_of("strikes",
                      "Fuerzas especiales de EU realizaron operativo en Durango, "
                      "confirma la Casa Blanca"),
            Stance::action);
}

TEST(RecallFresh, ASpanCompletedAtTheBorderReportsTroops) {
  EXPECT_EQ(stance_of("troops", "Tropas de EU cumplen un año en la frontera con Texas"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "El paro de maestros cumple seis meses en Oaxaca"), std::nullopt);
}

TEST(RecallFresh, ForcesThatKillOrCaptureStrike) {
  EXPECT_EQ(stance_of("strikes", "Fuerzas de EU abaten a 'El Chuy' en operativo en Michoacán"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Tropas de EU matan a tres en Sonora, denuncian pobladores"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Tropas de EU matan a tres en Sonora, denuncian pobladores"),
            std::nullopt);
  EXPECT_NE(stance_of("strikes", "Fuerzas de EU podrían capturar a 'El Mencho' en Jalisco"),
            Stance::action);
}

TEST(RecallFresh, AReportConfirmedIsNoLongerOnlyAReport) {
  EXPECT_EQ(stance_of("strikes", "Reports of US strike in Sonora confirmed by Pentagon"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Reports of US strike in Sonora unconfirmed, Pentagon says"),
            Stance::rhetoric);
}

TEST(RecallFresh, ForcesNamedAfterTakingPartStrike) {
  EXPECT_EQ(stance_of("strikes",
                      "Sí participaron marines estadounidenses en el operativo de "
                      "Reynosa, confirma Sedena"),
            Stance::action);
  EXPECT_EQ(stance_of("troops",
                      "Sí participaron marines estadounidenses en el operativo de "
                      "Reynosa, confirma Sedena"),
            std::nullopt);
}

// Round 10: the round-9 leftovers of dev_blind4/dev_blind5 and the families of dev_blind6
// (tests/data/topics/README.md, thirteenth session). One table per family, near misses included;
// the sentences are not dev items.
using test::expect_all;

TEST(Blind6, AnArrivalToSupportOthersIsTheArrival) {
  expect_all({
      {"troops", "Army Black Hawks arrive at Fort Bliss to support border troops", "",
       Stance::action},
      {"troops", "Marine engineers arrived in Yuma to reinforce the border mission", "",
       Stance::action},
      // a future or a wish to support is not an arrival
      {"troops", "More Guard troops will arrive in El Paso to support the border mission", "",
       Stance::rhetoric},
      {"troops", "Abbott wants soldiers to arrive in Laredo to support border troops", "",
       Stance::rhetoric},
  });
}

TEST(Blind6, AUnitAfterAndOpensAClauseOfItsOwn) {
  expect_all({
      {"troops", "On the border this week: two strikes and a brigade heads home", "",
       Stance::action},
      {"troops", "Roundup",
       "US jets hit camps in Sinaloa on Monday, and the 3rd Brigade of the 1st Armored Division "
       "headed home from El Paso.",
       Stance::action},
      // the strike's own soldiers are still the strike's
      {"troops", "US soldiers raid ranch in Sonora and the brigade's drones strike a lab", "",
       std::nullopt},
  });
}

TEST(Blind6, SomeoneNamedInALaterClauseDoesNotOwnTheAct) {
  expect_all({
      {"designations", "Los Rojos cell designated SDGT; officials cite attack on police convoy", "",
       Stance::action},
      {"designations", "New FTO on the list: 'Los Halcones', the Mexico City gang", "",
       Stance::action},
      // someone else named before the act, or as its agent, still owns it
      {"designations", "Mexico designates Los Halcones a terrorist group; US watches", "",
       std::nullopt},
      {"strikes", "Mexican army raids Los Halcones ranch; police recover bodies", "", std::nullopt},
  });
}

TEST(Blind6, AForceThatRemainsInAPlaceIsThere) {
  expect_all({
      {"troops", "U.S. Marines remain in Sonora sierra after rescue mission", "", Stance::action},
      {"troops", "Permanecen en Ojinaga 300 soldados estadounidenses", "", Stance::action},
      // a future is not, nor doubts that remain
      {"troops", "U.S. troops will remain in Texas through 2027", "", Stance::rhetoric},
      {"troops", "Doubts remain in Washington over sending troops to the border", "",
       Stance::rhetoric},
  });
}

TEST(Blind6, AnAmendmentOfANamedDesignationIsAListing) {
  expect_all({
      {"designations", "Federal Register: amendment of the CJNG FTO designation to add aliases", "",
       Stance::action},
      {"designations", "Treasury weighs amendment of the CJNG FTO designation", "",
       Stance::rhetoric},
  });
}

TEST(Blind6, BeingNotifiedOfAnActTakesItAsDone) {
  expect_all({
      {"designations", "Mexico says it was notified of U.S. terrorist listing for Los Viagras", "",
       Stance::action},
      {"strikes", "Sheinbaum was informed of the US drone strike in Badiraguato", "",
       Stance::action},
      // notice of a plan, or no notice of any act, is not
      {"strikes", "Mexico was notified of US plans to strike labs in Sinaloa", "",
       Stance::rhetoric},
      {"strikes", "Mexico was not notified of any US strike in Sinaloa", "", Stance::rhetoric},
  });
}

TEST(Blind6, ANavalCordonThatGoesOnIsABlockade) {
  expect_all({
      {"strikes", "U.S. Navy cordon around Manzanillo port enters day four", "", Stance::action},
      {"strikes", "Pentagon weighs naval cordon around Manzanillo", "", Stance::rhetoric},
  });
}

TEST(Blind6, DowningCartelDronesIsAStrike) {
  expect_all({
      {"strikes", "F-15Es downed three cartel drones near Nogales, NORTHCOM says", "",
       Stance::action},
      {"strikes", "Aviones de EU derriban dos drones del cartel en Sonora", "", Stance::action},
      // Mexico's own downing is Mexico's, and a US drone downed is no US strike
      {"strikes", "Mexican army downed two cartel drones in Michoacán", "", std::nullopt},
      {"strikes", "Cartel shoots down US drone over Sonora", "", std::nullopt},
      {"strikes", "US drone downed by cartel gunmen in Sinaloa", "", std::nullopt},
  });
}

TEST(Blind6, SoldiersWhoKillSomeoneStrike) {
  expect_all({
      {"strikes", "Border raid",
       "U.S. helicopters landed near Reynosa and American soldiers killed two gunmen before "
       "leaving.",
       Stance::action},
      // soldiers killed are victims, not strikers, and a man killed at the border is no strike
      {"strikes", "Two US soldiers killed in ambush near the border in Sonora", "", std::nullopt},
      {"strikes", "US soldiers killed a Mexican man who crossed near El Paso", "", std::nullopt},
  });
}

TEST(Blind6, AClauseThatAttributesTheActToTheUSReportsIt) {
  expect_all({
      {"strikes", "Ataque con dron en rancho de Tamazula; autoridades lo atribuyen a EU", "",
       Stance::action},
      {"strikes", "Drone attack on ranch in Durango; officials blame it on U.S. aircraft", "",
       Stance::action},
      // blame laid on others, a hedge, a denial, or victims named after a verb are not
      {"strikes", "Ataque con dron en rancho de Durango; Sheinbaum culpa a cárteles", "",
       std::nullopt},
      {"strikes", "Ataque con dron en Durango; autoridades podrían atribuirlo a EU", "",
       Stance::rhetoric},
      {"strikes", "Ataque con dron en Durango; EU niega participación", "", Stance::denial},
      {"strikes", "Attack on convoy in Sinaloa; gunmen kill two US agents", "", Stance::rhetoric},
  });
}

TEST(Blind6, GroupsNamedByTheirMexicanStateCanBeListed) {
  expect_all({
      {"designations", "U.S. designates two Guerrero groups as terrorist organizations", "",
       Stance::action},
      {"designations", "State weighs designating two Guerrero groups as terrorist organizations",
       "", Stance::rhetoric},
  });
}

TEST(Blind6, AParticipleAfterTheGroupsNameWithItsListLists) {
  expect_all({
      {"designations",
       "Cártel de Caborca, designado organización terrorista por el Departamento de Estado", "",
       Stance::action},
      {"designations", "¿Será el Cártel de Caborca designado organización terrorista?", "",
       Stance::rhetoric},
  });
}

TEST(Blind6, TroopCountsAssignmentsAndPostsStand) {
  expect_all({
      {"troops", "NORTHCOM: 9,400 service members now assigned to border mission", "",
       Stance::action},
      {"troops", "Army stands up new National Defense Area along the border in Arizona", "",
       Stance::action},
      {"troops", "Con un batallón más, la fuerza militar de EU en la frontera llega a 9.800", "",
       Stance::action},
      {"troops", "Pentagon memo orders 82nd Airborne soldiers to the El Paso sector", "",
       Stance::action},
      {"troops", "Dejan la frontera 400 militares de EU", "", Stance::action},
      {"troops", "About 200 U.S. soldiers are operating inside Sonora, Sedena says", "",
       Stance::action},
      // a wish, a plan, the use of force and others who operate are not
      {"troops", "Cartel cells are operating in Arizona, border troops say", "", Stance::rhetoric},
      {"troops", "Hegseth wants 10,000 service members assigned to border mission", "",
       Stance::rhetoric},
      {"troops", "Trump amenaza con usar la fuerza militar en la frontera", "", std::nullopt},
  });
}

TEST(Blind6, MarineEngineersAndASingleUnitAreTroops) {
  expect_all({
      {"troops", "Marine engineers relieve Army unit on Otay Mountain", "", Stance::action},
      {"troops", "Marine engineers may relieve Army unit on Otay Mountain", "", Stance::rhetoric},
  });
}

TEST(Blind6, BlockadesKeptAndBoatsDisabledAreStrikes) {
  expect_all({
      {"strikes", "Mantiene la Marina de EU bloqueo frente a Lázaro Cárdenas", "", Stance::action},
      {"strikes", "Coast Guard disables cartel go-fast boat inside Mexican waters off Colima", "",
       Stance::action},
      // a road blockade by others is no strike
      {"strikes", "Mantienen transportistas bloqueo en Culiacán", "", std::nullopt},
  });
}

TEST(Blind6, OffshootsAndAmendmentsOfNamedDesignationsList) {
  expect_all({
      {"designations", "U.S. designates Los Cuinis, a Jalisco offshoot, as an FTO", "",
       Stance::action},
      {"designations", "State amends Sinaloa Cartel terrorist designation to cover two wings", "",
       Stance::action},
      {"designations", "Rubio may designate a Jalisco offshoot as an FTO", "", Stance::rhetoric},
  });
}

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
