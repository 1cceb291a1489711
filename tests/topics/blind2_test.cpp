// Wording families of the ninth session (round 6): the round-5 blind misses and the families
// found when the blind-written batches of tests/data/topics/dev_blind2.jsonl were first scored
// (written by an author who never saw the rules). Each test is named after its family; its
// sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(Blind2, AForceNamedAsTheObjectOfAPurposeIsATargetNotTheActor) {
  EXPECT_EQ(stance_of("troops", "Soldiers sent to Laredo to counter cartel drones"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "To fight cartel gunmen, 300 more soldiers arrive in El Paso"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Llegan 200 soldados a El Paso para combatir a sicarios"),
            Stance::action);
  // the force that acts is still someone else's when it is the subject
  EXPECT_EQ(stance_of("strikes", "Cartel drones attack soldiers near Reynosa"), std::nullopt);
  // and victims named after a bare preposition still own the act
  EXPECT_EQ(stance_of("strikes", "Attack against US tourists in Sonora leaves one injured"),
            std::nullopt);
}

TEST(Blind2, TheSourceOfAReportIsNotItsActor) {
  EXPECT_EQ(stance_of("strikes", "Sedena confirma que el misil que cayó en Cosalá era de EU"),
            Stance::action);
  // the subject of the act is still someone else's
  EXPECT_EQ(stance_of("strikes", "Sedena confirma que el Ejército atacó un narcolaboratorio en "
                                 "Cosalá"),
            std::nullopt);
}

TEST(Blind2, NoCommentIsNoDenial) {
  EXPECT_EQ(stance_of("strikes", "US drone strike on Michoacán ranch kills four, officials say",
                      "The Pentagon did not respond to a request for comment."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Ataque con dron de EU en Sinaloa deja tres muertos",
                      "El Pentágono no ha comentado."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Pentagon denies US drone struck Michoacán ranch"),
            Stance::denial);
}

TEST(Blind2, SportIsNoStrike) {
  EXPECT_EQ(stance_of("strikes", "\"Strike two\": Mexico falls to US in Gold Cup semifinal"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US pitchers strike out 12 Mexican batters in World Baseball "
                                 "Classic"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US warplanes strike three cartel camps in Durango"),
            Stance::action);
}

TEST(Blind2, SpeedboatsAndPangasAreBoatsOfTheCampaignAtSea) {
  EXPECT_EQ(stance_of("strikes", "US Navy cutter sinks a panga off Baja California"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Guardia Costera de EU hunde una panga frente a Sinaloa"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US destroyer opens fire on speedboat in Mexican waters near "
                                 "Ensenada"),
            Stance::action);
  // a warship firing on a boat is no troop deployment
  EXPECT_EQ(stance_of("troops", "US warship fires on go-fast boat in the Gulf of California"),
            std::nullopt);
}

TEST(Blind2, AHeadlineNowReportsTheListing) {
  EXPECT_EQ(stance_of("designations", "Cárteles Unidos splinter group now a terrorist "
                                      "organization, State Department says"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Treasury lists Beltrán Leyva Organization leaders as "
                                      "global terrorists"),
            Stance::action);
}

TEST(Blind2, MunicipalitiesOfCartelStatesArePlacesInMexico) {
  EXPECT_EQ(stance_of("strikes", "US drone strike hits ranch in Elota, killing two"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Reportan ataque de dron estadounidense en Bavispe"),
            Stance::action);
}

TEST(Blind2, RotationsSetUpsAndRiverCrossingsReportTroops) {
  EXPECT_EQ(stance_of("troops", "Texas Guard rotates 1,800 soldiers into Cameron County"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Stryker company sets up along Lukeville road"), Stance::action);
  EXPECT_EQ(stance_of("troops", "US soldiers crossed the Rio Grande into Tamaulipas before "
                                "dawn, Mexico says"),
            Stance::action);
}

TEST(Blind2, BorderTownsAndUsArmyWordsNameTheUsAsActor) {
  EXPECT_EQ(stance_of("troops", "About 400 active-duty soldiers arrived in Douglas this week"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldiers from the 4th Infantry Division began patrols west of "
                                "Nogales"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldiers deploy to Brownsville as crossings rise"),
            Stance::action);
}

TEST(Blind2, EvidenceThatShowsTheActReportsIt) {
  EXPECT_EQ(stance_of("strikes", "Satellite images show US strike on Durango airstrip"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US drone strike on Sinaloa compound seen on satellite imagery"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "No, this video doesn't show US Marines in Tijuana"),
            Stance::denial);
}

TEST(Blind2, NothingRuledOutAndNoOrderYetAreThePlansStage) {
  EXPECT_EQ(stance_of("troops", "Pentagon readies troops for Mexico mission; no order has been "
                                "signed"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Trump on strikes in Mexico: 'nothing is off the table'"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Alista el Pentágono 2,000 soldados para la frontera, pero no se "
                                "ha firmado la orden"),
            Stance::rhetoric);
}

TEST(Blind2, AYearBeforeTheNounPhraseMakesItBackground) {
  EXPECT_EQ(stance_of("troops", "2019 border troop deployment cost $400 million, audit finds"),
            std::nullopt);
  EXPECT_EQ(stance_of("troops", "Audit finds waste",
                      "The troops sent to the border that year mostly strung wire."),
            std::nullopt);
}

TEST(Blind2, ALandingFromTheSeaIsAnIncursion) {
  const auto ms = test::shipped().classify("Infantes de marina de EU desembarcan en costa de "
                                           "Sinaloa",
                                           "");
  ASSERT_TRUE(test::match_for(ms, "strikes"));
  EXPECT_EQ(test::match_for(ms, "strikes")->stance, Stance::action);
  EXPECT_EQ(stance_of("strikes", "US Marines carried out an amphibious landing on Tamaulipas "
                                 "beach"),
            Stance::action);
}

TEST(Blind2, DeclaringIsAnAttributionOnlyWithItsClause) {
  EXPECT_EQ(stance_of("designations", "", "En enero de 2025 EU declaró terroristas a los "
                                          "cárteles de Sinaloa y del Golfo."),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "EU declaró terroristas a dos cárteles más"),
            Stance::action);
}

TEST(Blind2, TakingPartInATrainingIsNoDeployment) {
  EXPECT_EQ(stance_of("troops", "Sixty Mexican soldiers took part in a training led by US Army "
                                "instructors in Sonora"),
            std::nullopt);
}

TEST(Blind2, RejectingOrDismissingAReportDeniesIt) {
  EXPECT_EQ(stance_of("strikes", "Semar rejected reports that US drones struck a ranch in Sonora"),
            Stance::denial);
  EXPECT_EQ(stance_of("troops", "Pentagon dismisses claim that 10,000 troops are at the border"),
            Stance::denial);
  EXPECT_EQ(stance_of("troops", "Sedena rechaza versiones sobre presencia de soldados "
                                "estadounidenses en Sonora"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "\"No hemos bombardeado a nadie en México\": Pentágono"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Versiones de un ataque de EU en Culiacán no tienen sustento, "
                                 "dice Pentágono"),
            Stance::denial);
}

TEST(Blind2, AProhibitionIsNoDenial) {
  EXPECT_EQ(stance_of("strikes", "US drones destroy airstrip in Caborca",
                      "The governor said no foreign country can attack Mexican territory."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Drones de EU destruyen pista en Caborca",
                      "El gobernador dijo que ningún país puede atacar territorio mexicano."),
            Stance::action);
}

TEST(Blind2, GringoNamesTheUs) {
  EXPECT_EQ(stance_of("troops", "No hay un solo soldado gringo en Chihuahua, dice gobernador"),
            Stance::denial);
}

TEST(Blind2, AMaritimeInterdictionIsABlockade) {
  EXPECT_EQ(stance_of("strikes", "US Navy begins naval interdiction off Lázaro Cárdenas"),
            Stance::action);
}

TEST(Blind2, CampsOnTheTexasCoastNearTheBorderAreBorderDeployments) {
  EXPECT_EQ(stance_of("troops", "Some 300 soldiers moved into a camp outside Port Isabel, "
                                "setting up surveillance towers"),
            Stance::action);
  // equipment alone is no troops
  EXPECT_EQ(stance_of("troops", "CBP installs new surveillance towers near Port Isabel"),
            std::nullopt);
}

TEST(Blind2, ACrossingSomeDistanceIntoMexicoIsAnIncursion) {
  EXPECT_EQ(stance_of("strikes", "Mexico says 15 US soldiers crossed several hundred meters into "
                                 "Sonora"),
            Stance::action);
}

TEST(Blind2, ADecisionNotYetMadeIsNoDenial) {
  EXPECT_EQ(stance_of("troops", "What would US troops in Mexico look like?",
                      "Experts say a deployment would need a decision the president has not "
                      "made."),
            Stance::rhetoric);
}

TEST(Blind2, ForcesThatStormAPlaceAreAStrikeNotADeployment) {
  const auto ms = test::shipped().classify("Tropas especiales de EU irrumpen en rancho de "
                                           "Tamazula",
                                           "");
  ASSERT_TRUE(test::match_for(ms, "strikes"));
  EXPECT_EQ(test::match_for(ms, "strikes")->stance, Stance::action);
  EXPECT_FALSE(test::match_for(ms, "troops"));
}

TEST(Blind2, ARealityCheckIsAFactCheck) {
  EXPECT_EQ(stance_of("designations", "Reality check: claim that every cartel is on the terror "
                                      "list"),
            Stance::denial);
}

TEST(Blind2, NoPlanIsADenial) {
  EXPECT_EQ(stance_of("troops", "Pentagon: there's no plan to send a single soldier into Sonora"),
            Stance::denial);
}

TEST(Blind2, PicturesOfSomethingElseDenyTheAct) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum: photos of 'US raid' in Sinaloa are from a Mexican "
                                 "army operation"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Fotos del supuesto ataque de EU en Sinaloa son de otro "
                                 "operativo"),
            Stance::denial);
}

TEST(Blind2, NotBeingNotifiedInThePassiveTakesTheActAsDone) {
  EXPECT_EQ(stance_of("strikes", "Dron de EU ataca a grupo armado en Guachochi",
                      "El gobierno estatal no fue notificado."),
            Stance::action);
}

TEST(Blind2, SoonIsAFuture) {
  EXPECT_EQ(stance_of("designations", "Próximamente más designaciones de cárteles: Landau en "
                                      "Guadalajara"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "More cartel designations in the coming weeks: Landau"),
            Stance::rhetoric);
}

TEST(Blind2, ACountThatStandsNowReportsTheDeployment) {
  EXPECT_EQ(stance_of("troops", "US troops on the border now number about 9,000, Pentagon says"),
            Stance::action);
}

TEST(Blind2, ACommandThatWelcomesAUnitReportsItsArrival) {
  EXPECT_EQ(stance_of("troops", "JTF-Southern Border welcomes 1st Armored Division soldiers"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Task force at the border welcomes new commander"),
            std::nullopt);
}

TEST(Blind2, ForcesThatLandInARaidReportIt) {
  EXPECT_EQ(stance_of("strikes", "US Marines land near Matamoros in raid on cartel warehouse"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Trump: strikes on land in Mexico 'coming very soon'"),
            Stance::rhetoric);
}

TEST(Blind2, FormerSoldiersAreNoDeployment) {
  EXPECT_EQ(stance_of("troops", "Former Marines sue over Laredo deployment"), std::nullopt);
  EXPECT_EQ(stance_of("troops", "Former US soldier sentenced for training gunmen in Sinaloa"),
            std::nullopt);
}

TEST(Blind2, GroundForcesThatCrossOrLandInMexicoAreTroopsThereEvenInARaid) {
  const auto ms = test::shipped().classify("US Marines land near Matamoros in raid on cartel "
                                           "warehouse",
                                           "");
  ASSERT_TRUE(test::match_for(ms, "strikes"));
  EXPECT_EQ(test::match_for(ms, "strikes")->stance, Stance::action);
  ASSERT_TRUE(test::match_for(ms, "troops"));
  EXPECT_EQ(test::match_for(ms, "troops")->stance, Stance::action);
  EXPECT_EQ(stance_of("troops", "US Rangers crossed near Ojinaga, killed 3 in firefight"),
            Stance::action);
  // fire across the border is no crossing by troops
  EXPECT_EQ(stance_of("troops", "US helicopters fire across border into Sonora, killing two"),
            std::nullopt);
  // nor is a raid without a crossing
  EXPECT_EQ(stance_of("troops", "US Marines raid cartel warehouse near Matamoros"), std::nullopt);
}

TEST(Blind2, AWarOnLandIsAStrikeThreat) {
  EXPECT_EQ(stance_of("strikes", "Hegseth: cartels in Mexico will be hit on land, air and sea"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Trump on cartels: 'We're going to start hitting them on land'"),
            Stance::rhetoric);
}

TEST(Blind2, NotElaboratingIsNoDenial) {
  EXPECT_EQ(stance_of("strikes", "US strike on Sinaloa ranch kills three",
                      "The Pentagon did not elaborate."),
            Stance::action);
}

}  // namespace
}  // namespace redline
