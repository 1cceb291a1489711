#include "tests/topics/support.h"

namespace redline {
namespace {

using test::match_for;
using test::shipped;
using test::stance_of;

TEST(Topic, VenezuelaBoatStrikeIsNotThisQuestion) {
  EXPECT_FALSE(stance_of("strikes", "US strikes alleged drug boat off Venezuela, killing three",
                         "The vessel was struck in international waters in the Caribbean."));
}

TEST(Topic, MexicanArmyRaidIsNotAUsStrike) {
  EXPECT_FALSE(stance_of("strikes", "Mexican army raids Sinaloa cartel compound"));
  EXPECT_FALSE(
      stance_of("strikes", "Marina de México asegura narcolaboratorio tras ataque en Sinaloa"));
}

TEST(Topic, LabourAndHungerStrikesAreNotMatches) {
  EXPECT_TRUE(shipped().classify("Teachers in Oaxaca go on strike over pay", "").empty());
  EXPECT_TRUE(shipped()
                  .classify("Hunger strike at Tijuana migrant shelter enters second week", "")
                  .empty());
  EXPECT_TRUE(shipped().classify("Huelga de trabajadores de Pemex paraliza refinería", "").empty());
}

TEST(Topic, SportsStrikeIsNotAMatch) {
  EXPECT_TRUE(shipped()
                  .classify("Pitcher strikes out 12 as Sultanes beat Diablos in Monterrey", "")
                  .empty());
}

TEST(Topic, TroopsSentToAnotherCountryAreNotBorderTroops) {
  EXPECT_FALSE(stance_of("troops", "US sends 3,000 troops to Poland"));
}

TEST(Topic, MexicosOwnNationalGuardIsNotAUsDeployment) {
  EXPECT_FALSE(stance_of("troops", "Mexico sends 10,000 National Guard troops to the US border"));
  EXPECT_FALSE(
      stance_of("troops", "Sheinbaum envía 10 mil elementos de la Guardia Nacional a la frontera"));
}

TEST(Topic, DesignationOfAnUnrelatedGroupIsNotAMatch) {
  EXPECT_FALSE(stance_of("designations", "Trump to designate Antifa as terrorist organization"));
}

TEST(Topic, IrrelevantItemHasNoMatches) {
  EXPECT_TRUE(shipped()
                  .classify("Ebrard travels to Washington for tariff talks",
                            "The economy secretary will discuss steel.")
                  .empty());
  EXPECT_TRUE(shipped().classify("", "").empty());
}

TEST(Topic, OneItemCanMatchTwoTopics) {
  const auto ms = shipped().classify(
      "House bill would designate cartels as terrorists and authorize military force", "");
  EXPECT_TRUE(match_for(ms, "designations"));
  EXPECT_TRUE(match_for(ms, "strikes"));
}

TEST(Topic, EvidenceNamesActActorPlaceAndStance) {
  const auto m = match_for(shipped().classify("US strikes cartel camp in Sinaloa", ""), "strikes");
  ASSERT_TRUE(m);
  EXPECT_NE(m->evidence.find("act: "), std::string::npos) << m->evidence;
  EXPECT_NE(m->evidence.find("actor: \"us\""), std::string::npos) << m->evidence;
  EXPECT_NE(m->evidence.find("where: \"sinaloa\""), std::string::npos) << m->evidence;
  EXPECT_NE(m->evidence.find("stance: action"), std::string::npos) << m->evidence;
  EXPECT_GT(m->confidence, 0.5);
  EXPECT_LE(m->confidence, 1.0);
}

TEST(Topic, WeakerEvidenceGivesLowerConfidence) {
  const auto strong =
      match_for(shipped().classify("US drone strike kills five in Sinaloa", ""), "strikes");
  const auto weak = match_for(
      shipped().classify("Trump speaks", "Strikes in Mexico are on the table."), "strikes");
  ASSERT_TRUE(strong && weak);
  EXPECT_GT(strong->confidence, weak->confidence);
}

TEST(Topic, EntitiesAreCanonicalNames) {
  const auto m =
      match_for(shipped().classify("US designates Tren de Aragua and Cártel del Golfo as FTOs", ""),
                "designations");
  ASSERT_TRUE(m);
  EXPECT_NE(std::find(m->entities.begin(), m->entities.end(), "Tren de Aragua"), m->entities.end());
  EXPECT_NE(std::find(m->entities.begin(), m->entities.end(), "Gulf Cartel"), m->entities.end());
}

TEST(Topic, SummaryActOfAnExcludedTitleEventIsExcluded) {
  EXPECT_FALSE(
      stance_of("strikes", "Hegseth: US military strikes cartel boat in eastern Pacific",
                "The strike killed three; Mexico's navy joined the search for a survivor."));
  EXPECT_EQ(stance_of("strikes", "US strikes boat off Venezuela",
                      "Separately, a US drone strike hit a cartel lab in Sinaloa."),
            Stance::action);
}

TEST(Topic, SubjectIsSoughtInTheActsOwnClause) {
  EXPECT_FALSE(stance_of("strikes", "US drone guided Mexican navy strike on cartel lab",
                         "A US surveillance drone found the lab; Mexican marines carried out the "
                         "attack."));
}

TEST(Topic, ForceNamedByTheActBelongsToTheActorBeforeIt) {
  EXPECT_EQ(stance_of("troops", "Texas envía 1,000 guardias nacionales más a la frontera"),
            Stance::action);
  EXPECT_FALSE(stance_of("troops", "Llegan 10 mil guardias nacionales de México a la frontera"));
  EXPECT_FALSE(stance_of("troops", "Guardias nacionales refuerzan la frontera con Texas"));
}

TEST(Topic, TexasGuardIsAUsDeployment) {
  EXPECT_EQ(stance_of("troops",
                      "Soldados de la Guardia Nacional de Texas detienen a migrantes en "
                      "Eagle Pass"),
            Stance::action);
}

TEST(Topic, MexicoAsSubjectOfAStrikeIsNotAUsStrike) {
  EXPECT_FALSE(stance_of("strikes", "Mexico bombs cartel camps in Michoacán under US pressure"));
  EXPECT_FALSE(stance_of("strikes", "México bombardea campamentos del CJNG tras presión de EU"));
  EXPECT_FALSE(
      stance_of("strikes", "Mexico launches drone strikes on cartels after Trump's threats"));
  EXPECT_TRUE(stance_of("strikes", "Trump threatens to bomb Mexico"));
}

TEST(Topic, VerbalAndEconomicAttacksAreNotStrikes) {
  EXPECT_FALSE(stance_of("strikes", "Trump attacks Sheinbaum over cartel violence in Sinaloa"));
  EXPECT_FALSE(
      stance_of("strikes", "US strikes at cartel finances with sanctions on Sinaloa network"));
  EXPECT_FALSE(stance_of("troops", "Trump deploys tariffs against Mexico over fentanyl"));
}

TEST(Topic, AttributiveParticipleIsNoDesignation) {
  EXPECT_FALSE(stance_of("designations", "US Navy sinks boat in the Caribbean",
                         "Hegseth said the vessel was run by a designated cartel."));
}

TEST(Topic, WeaponsMovedIntoPlaceAreNoStrike) {
  EXPECT_NE(
      stance_of("strikes", "EU despliega drones armados en Texas ante posibles ataques en México"),
      Stance::action);
}

TEST(Topic, ItsOwnTroopsAreSomeoneElses) {
  EXPECT_FALSE(
      stance_of("troops", "Residents of Badiraguato describe helicopters and gunfire",
                "Mexico's Defense Ministry said its own troops carried out the operation."));
}

TEST(Topic, StrikesAbroadAreAnotherTheatre) {
  EXPECT_FALSE(stance_of("strikes", "A decade of US drone strikes abroad: what Mexico can learn"));
}

TEST(Topic, TroopsAtAnotherBorderAreNotThisQuestion) {
  EXPECT_FALSE(stance_of("troops", "US sends 500 troops to the Canadian border"));
  EXPECT_FALSE(stance_of("troops", "Estados Unidos envía tropas a la frontera con Canadá"));
  EXPECT_FALSE(
      stance_of("troops", "US troops sent to Guatemala to help secure its border with Mexico"));
}

TEST(Topic, ImmigrationOfficersAreNotTroops) {
  EXPECT_FALSE(stance_of("troops", "ICE deploys officers to the border in El Paso"));
}

TEST(Topic, OtherRegionsAreAnotherTheatre) {
  EXPECT_FALSE(stance_of("strikes", "Pentagon launches strikes on cartels in Central America"));
  EXPECT_TRUE(stance_of("strikes", "Pentagon launches first strikes on cartels in Mexico"));
}

TEST(Topic, CartelAsSubjectOfAnAttackIsNotAUsStrike) {
  EXPECT_FALSE(stance_of("strikes", "Cartel attacks US agents near the border in Sonora"));
  EXPECT_FALSE(
      stance_of("strikes", "Cartel fires rocket at US Border Patrol helicopter near Reynosa"));
}

TEST(Topic, FlyingArmedDronesIsNoStrike) {
  EXPECT_NE(stance_of("strikes", "US begins flying armed drones near Mexico border"),
            Stance::action);
}

TEST(Topic, BoatStrikeOffMexicoIsNotAStrikeOnMexico) {
  // "off Mexico" names the coast the boat was near, not where the strike landed.
  EXPECT_NE(stance_of("strikes", "US strikes drug boat in the eastern Pacific off Mexico"),
            Stance::action);
  EXPECT_NE(stance_of("strikes", "Hegseth announces strike on narco-sub off Mexican coast"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US Navy intercepts vessels in Gulf of California"),
            Stance::action);
}

TEST(Topic, HostileInputDoesNotCrash) {
  std::string big(200000, 'a');
  big += " US strikes cartel camp in Sinaloa ";
  (void)shipped().classify(big, big);
  (void)shipped().classify(std::string("\xff\xfe\xc3", 3), std::string(1000, '\xe2'));
  (void)shipped().classify(std::string(5000, ','), std::string(5000, '.'));
  SUCCEED();
}

}  // namespace
}  // namespace redline
