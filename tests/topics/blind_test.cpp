// Wording families found when the blind-written dev batches of the eighth session were first
// scored (items b001 on of tests/data/topics/dev_blind.jsonl, written by an author who never
// saw the rules). Each test is named after its family; its sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(Blind, AStatedPlaceInsideMexicanWatersLiftsTheBoatExclusion) {
  EXPECT_EQ(stance_of("strikes", "Coast Guard cutter opens fire on smuggling boat in Mexican "
                                 "waters near Sonora"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US Navy sinks narco sub inside Mexican territorial waters"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Helicóptero de EU hunde una lancha en aguas mexicanas frente a "
                                 "Guerrero"),
            Stance::action);
  // near the waters, off the coast or at sea: still the boat campaign
  EXPECT_EQ(stance_of("strikes", "US Navy sinks drug boat off the coast of Oaxaca"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US strike sinks vessel near Mexican waters in the Pacific"),
            std::nullopt);
}

TEST(Blind, EnteringMexicanWatersIsAnIncursion) {
  EXPECT_EQ(stance_of("strikes", "Marina niega que destructores de EU hayan ingresado a aguas "
                                 "mexicanas"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Two US destroyers entered Mexican waters off Veracruz, "
                                 "navy says"),
            Stance::action);
}

TEST(Blind, KineticWordsOfABlockadeOrAHitBelongToStrikes) {
  const auto ms = test::shipped().classify("US destroyers begin blockade of Tamaulipas ports", "");
  ASSERT_TRUE(test::match_for(ms, "strikes"));
  EXPECT_EQ(test::match_for(ms, "strikes")->stance, Stance::action);
  EXPECT_FALSE(test::match_for(ms, "troops"));
  const auto hit = test::shipped().classify("Marines hit Sinaloa cartel stash house near "
                                            "Culiacán, Pentagon says",
                                            "");
  ASSERT_TRUE(test::match_for(hit, "strikes"));
  EXPECT_EQ(test::match_for(hit, "strikes")->stance, Stance::action);
  EXPECT_FALSE(test::match_for(hit, "troops"));
}

TEST(Blind, ADesignatedNounAfterAPrepositionIsNoListing) {
  EXPECT_EQ(stance_of("designations",
                      "House bill would fund drone strikes against designated cartels"),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "Treasury freezes assets of designated cartels in Sonora"),
            std::nullopt);
  // the verb still lists
  EXPECT_EQ(stance_of("designations", "State Department designated two more cartels on Friday"),
            Stance::action);
}

TEST(Blind, TroopsThatCrossMoveOrLandReportTheDeployment) {
  EXPECT_EQ(stance_of("troops", "Fort Huachuca soldiers move into new border zone in Arizona"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Aterrizan en El Paso aviones con 600 soldados de EU"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "US soldiers crossed into Mexico chasing smugglers, Sedena says"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldiers will move into the Texas border zone next month"),
            Stance::rhetoric);
}

TEST(Blind, ATrainingAccidentIsNoDeployment) {
  EXPECT_EQ(stance_of("troops", "Soldiers hurt in training accident at Fort Bliss, Texas"),
            std::nullopt);
  // a crash of a border mission is still a report of troops at the border
  EXPECT_TRUE(stance_of("troops", "Army helicopter on border mission crashes near Laredo; "
                                  "three soldiers hurt"));
}

TEST(Blind, AuthorizedCovertActionIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "White House authorizes covert action against cartels in Mexico"),
            Stance::rhetoric);
}

TEST(Blind, ARepublicanSenatorAndTheAdministrationAreUsActors) {
  EXPECT_EQ(stance_of("strikes", "Senador republicano propone bombardear laboratorios en Sinaloa"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "Administration set to designate three more cartels"),
            Stance::rhetoric);
}

TEST(Blind, AsBeforeANewSubjectOpensAClauseOfItsOwn) {
  EXPECT_EQ(stance_of("troops", "US trims its border force as Pentagon moves troops to Puerto Rico"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "US halves border deployment as Pentagon sends units to Panama"),
            Stance::action);
  // "as" before anything else is no break: "designated as terrorists"
  EXPECT_EQ(stance_of("designations", "State Department designates two cartels as terrorists"),
            Stance::action);
}

TEST(Blind, MexicosAdministrationAndCoastGuardAreMexicos) {
  EXPECT_EQ(stance_of("troops", "Sheinbaum administration sends 5,000 more soldiers to the border"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Mexican Coast Guard opens fire on cartel boat in Mexican waters"),
            std::nullopt);
}

TEST(Blind, AQuestionAboutAnActPlacedInThePastAsksWhatFollowed) {
  EXPECT_EQ(stance_of("designations", "Two years after the terrorist designation of cartels, "
                                      "what has changed?"),
            std::nullopt);
  // a question about the act itself still asks
  EXPECT_EQ(stance_of("strikes", "Will US drones strike cartels in Sinaloa?"), Stance::rhetoric);
}

TEST(Blind, TheHighestLevelIsNoLevelling) {
  EXPECT_EQ(stance_of("strikes", "State Department raises travel warning for Sinaloa",
                      "The advisory puts Sinaloa at the highest level, citing crime."),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US bombers level cartel compound in Sinaloa"), Stance::action);
}

TEST(Blind, FiringAcrossTheBorderAndOpeningFireReportTheAct) {
  EXPECT_EQ(stance_of("strikes", "US soldiers fire across border into Mexico, wounding a smuggler"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Helicópteros de EU abrieron fuego contra un rancho en Sonora, "
                                 "denuncian vecinos"),
            Stance::action);
  // a condition on the other side's fire is no report
  EXPECT_EQ(stance_of("strikes", "US jets may strike in Mexico if cartels fire across the border"),
            Stance::rhetoric);
}

TEST(Blind, AUsBranchWithItsUnitsIsTheActor) {
  EXPECT_EQ(stance_of("strikes", "Navy jets hit cartel drug depot near the Sinaloa coast"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Army Rangers raid cartel camp in Durango, killing 3"),
            Stance::action);
  // Mexico's own branch with its units is Mexico's
  EXPECT_NE(stance_of("strikes", "Mexican Navy jets strike cartel camp in Guerrero"),
            Stance::action);
}

TEST(Blind, ASignedMemoThatSendsTroopsIsTheDeployment) {
  EXPECT_EQ(stance_of("troops", "Trump signs order sending 2,000 more troops to the border"),
            Stance::action);
  // a memo about troops is still paperwork
  EXPECT_EQ(stance_of("troops", "Pentagon drafts memo on troops at the border"),
            Stance::rhetoric);
}

TEST(Blind, NoOrderYetIsThePlansStageNotADenial) {
  EXPECT_EQ(stance_of("strikes", "Pentagon drafts target list for strikes on cartels in Mexico",
                      "Officials said the president has not yet ordered any strike."),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Pentagon denies US drone strike in Sinaloa"), Stance::denial);
}

TEST(Blind, ACueWhoseLastWordIsItsObjectIsNoNoun) {
  EXPECT_EQ(stance_of("troops", "Texas Guard soldiers set up checkpoints in Starr County"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldiers string razor wire along the river near Eagle Pass"),
            Stance::action);
  // the act itself as a noun still is one
  EXPECT_EQ(stance_of("strikes", "US strikes in Mexico would break the law, experts say"),
            Stance::rhetoric);
}

TEST(Blind, AKickerThatLooksBackMakesTheTitleHistory) {
  EXPECT_NE(stance_of("strikes", "On this day in 1916: US troops cross into Mexico after Villa"),
            Stance::action);
  EXPECT_NE(stance_of("troops", "Un día como hoy: tropas de EU llegan a Veracruz"),
            Stance::action);
}

TEST(Blind, AStateListIsNoFederalListingButStateDepartmentListsAre) {
  EXPECT_EQ(stance_of("designations", "Florida adds cartels to state terrorist list"),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "State lists Sinaloa cartel faction as FTO"),
            Stance::action);
}

TEST(Blind, MoreMexicanPlacesAreMexico) {
  EXPECT_EQ(stance_of("strikes", "US drone strike hits ranch in Coalcomán"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "US drone strike destroys lab near Guasave"), Stance::action);
}

}  // namespace
}  // namespace redline
