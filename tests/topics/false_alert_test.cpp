// Wording families that raised false action alerts when fresh dev batches were first scored
// (items d922-d1327 of tests/data/topics/dev.jsonl), and plain reports worded in new ways that
// must stay action. Each test names the family; its sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::match_for;
using test::shipped;
using test::stance_of;

bool action_alert(const std::string& topic, const std::string& title,
                  const std::string& summary = "") {
  return stance_of(topic, title, summary) == Stance::action;
}

TEST(Stance, ActorAndVerbAfterAPrepositionAreANoun) {
  EXPECT_EQ(stance_of("strikes", "Families in Culiacán brace for US strikes"), Stance::rhetoric);
  EXPECT_FALSE(action_alert("strikes", "Sonora factories close early ahead of US raids"));
  EXPECT_EQ(stance_of("strikes", "Fishermen in Sinaloa await US strikes"), Stance::rhetoric);
  // A verb before the actor takes the act as its object and reports nothing new either way; a
  // reaction word still takes it as having happened.
  EXPECT_EQ(stance_of("strikes", "Mexico condemns US strikes in Sinaloa"), Stance::action);
}

TEST(Stance, ActorAndVerbFollowedByInAreANoun) {
  EXPECT_EQ(stance_of("strikes", "US strikes inside Mexico split Congress"), Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "US strikes in Sinaloa kill five gunmen"), Stance::action);
}

TEST(Stance, LegalQuestionsAboutAnActAreRhetoric) {
  EXPECT_EQ(stance_of("strikes", "US raids in Mexico: the legal case"), Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Bombardeos de EU en México ante el derecho internacional"),
            Stance::rhetoric);
}

TEST(Stance, AuthorizationForAnActIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Trump signs authorization for strikes on cartels in Mexico"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Trump firma orden que autoriza ataques contra cárteles"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Trump signs order sending 2,000 troops to the border"),
            Stance::action);
}

TEST(Stance, TalksAboutTroopsAreNotADeployment) {
  EXPECT_EQ(stance_of("troops", "Northern Command chief arrives in Mexico for talks on troop cooperation"),
            Stance::rhetoric);
}

TEST(Topic, AmericansAsVictimsAreNotAUsStrike) {
  EXPECT_FALSE(action_alert("strikes", "Gunmen kill two Americans in Tamaulipas attack"));
  EXPECT_FALSE(action_alert("strikes", "Atacan a balazos a turistas estadounidenses en Sinaloa"));
  EXPECT_FALSE(action_alert("strikes", "US agent struck by cartel bullet near Nogales, Sonora"));
  EXPECT_FALSE(action_alert("strikes", "American retirees killed in attack on highway in Sonora"));
}

TEST(Topic, RaidInTheUnitedStatesIsNotOnMexicanSoil) {
  EXPECT_FALSE(action_alert("strikes", "DEA raids CJNG stash houses in Dallas"));
  EXPECT_TRUE(action_alert("strikes", "US commandos raid CJNG compound in Jalisco"));
}

TEST(Topic, TariffsBlowsAndTonesAreNotStrikes) {
  EXPECT_FALSE(action_alert("strikes", "US strikes Mexican tomatoes with new duties"));
  EXPECT_FALSE(action_alert("strikes", "US strikes a heavy blow against Sinaloa cartel money"));
  EXPECT_FALSE(action_alert("strikes", "Trump struck a conciliatory tone on Mexico"));
  EXPECT_FALSE(action_alert("strikes", "Rubio attacks Mexican judges over cartel bail"));
  EXPECT_FALSE(action_alert("strikes", "New US sanctions hit the cartels' bankers"));
}

TEST(Topic, SpecialForcesWhoTrainAreTroopsNotARaid) {
  const auto ms = shipped().classify("US special forces land in Mexico to train Mexican marines", "");
  const auto strikes = match_for(ms, "strikes");
  EXPECT_FALSE(strikes && strikes->stance == Stance::action);
  const auto troops = match_for(ms, "troops");
  ASSERT_TRUE(troops);
  EXPECT_EQ(troops->stance, Stance::action);
}

TEST(Topic, DesignatedZoneIsNoListing) {
  EXPECT_FALSE(action_alert("designations",
                            "Pentagon designates military zone along New Mexico border to stop cartels"));
}

TEST(Topic, StateLawListingIsNotAFederalDesignation) {
  EXPECT_FALSE(action_alert("designations",
                            "Oklahoma governor designates cartels as terrorist groups under state law"));
  EXPECT_FALSE(action_alert("designations", "Abbott lists cartels as terrorists under new Texas law"));
}

TEST(Topic, DisasterReliefIsNotABorderMission) {
  EXPECT_FALSE(action_alert("troops", "Texas National Guard deployed to San Antonio for flood rescues"));
  EXPECT_FALSE(action_alert("troops", "Arizona Guard soldiers sent to fight wildfires near Prescott"));
}

TEST(Topic, TroopsFromBorderStatesToAsiaAreAnotherTheatre) {
  EXPECT_FALSE(action_alert("troops", "Fort Bliss brigade deploys to South Korea"));
  EXPECT_FALSE(action_alert("troops", "Soldiers from Texas bases head to the Middle East"));
}

TEST(Stance, NewWordingsOfStrikesAreAction) {
  EXPECT_TRUE(action_alert("strikes", "US drone takes out cartel convoy in Sonora"));
  EXPECT_TRUE(action_alert("strikes", "Dron estadounidense destruye narcolaboratorio en Durango"));
  EXPECT_TRUE(action_alert("strikes", "Muere jefe de sicarios en ataque estadounidense en Sinaloa"));
}

TEST(Stance, TroopsBroughtHomeOrPutAlongTheRiverIsAction) {
  EXPECT_TRUE(action_alert("troops", "Pentagon brings home 2,000 border troops"));
  EXPECT_TRUE(action_alert("troops", "Texas puts 500 more soldiers along the Rio Grande"));
}


TEST(Topic, SingleAmericanVictimIsNotAUsStrike) {
  EXPECT_FALSE(action_alert("strikes", "US Army veteran killed in attack on Rosarito restaurant"));
  EXPECT_FALSE(action_alert("strikes", "Estadounidense herido en ataque armado en Mazatlán"));
  EXPECT_FALSE(action_alert("strikes", "Wanted American arrested after he crossed into Mexico"));
}

TEST(Topic, DrugWeightsAreNotPoundings) {
  EXPECT_FALSE(action_alert("strikes", "US seizes 1,200 pounds of meth headed for Sinaloa cartel"));
  EXPECT_TRUE(action_alert("strikes", "US jets pound cartel camp in Durango"));
}

TEST(Topic, TariffsThatHammerOrImpactAreNotStrikes) {
  EXPECT_FALSE(action_alert("strikes", "US duties hammer Mexican tomato growers"));
  EXPECT_FALSE(action_alert("strikes", "Aranceles de Estados Unidos impactan a productores de Sinaloa"));
  EXPECT_FALSE(action_alert("strikes", "Washington hammers Mexican cement with new tariffs"));
}

TEST(Topic, CrowdsStormingPlacesAreNotRaids) {
  EXPECT_FALSE(action_alert("strikes", "American fans storm Mexican beaches after the final"));
  EXPECT_FALSE(action_alert("strikes", "US-bound migrants storm checkpoint in Tijuana"));
}

TEST(Topic, MexicosOwnMilitaryOperationIsNotAUsStrike) {
  EXPECT_FALSE(action_alert("strikes",
                            "Mexico's military operation in Durango, aided by US intelligence, kills nine"));
}

TEST(Topic, MissilesDeliveredAreNotFired) {
  EXPECT_FALSE(action_alert("strikes", "Llegan a México misiles de EU para la Marina"));
  EXPECT_FALSE(action_alert("strikes", "US delivers air-to-ground missiles to Mexico"));
}

TEST(Topic, PoliceAgentsAndEmbassyStaffAreNotTroops) {
  EXPECT_FALSE(action_alert("troops", "Llegan a Tijuana agentes de la FBI para apoyar investigación"));
  EXPECT_FALSE(action_alert("troops", "US embassy staff ordered out of Reynosa"));
  EXPECT_FALSE(action_alert("troops", "CBP deploys new camera towers along Texas border"));
}

TEST(Topic, AppointmentsAndOtherCountriesAreNoDesignation) {
  EXPECT_FALSE(action_alert("designations", "Trump designates retired admiral as cartel envoy"));
  EXPECT_FALSE(action_alert("designations",
                            "Costa Rica designates Sinaloa cartel as a foreign terrorist organization"));
}

TEST(Stance, HasYetToIsDenial) {
  EXPECT_EQ(stance_of("strikes", "US has yet to strike cartel targets in Mexico, officials say"),
            Stance::denial);
}

TEST(Stance, CueThatOpensWithItsSubjectIsNotANoun) {
  EXPECT_TRUE(action_alert("strikes", "Misiles de un dron de EU impactan casa en Sinaloa"));
}


TEST(Topic, ElAmericaIsTheFootballClub) {
  EXPECT_FALSE(action_alert("strikes", "El América ataca por las bandas y vence a Monterrey"));
}

TEST(Topic, PlantHitByAStrikeIsALabourStrike) {
  EXPECT_FALSE(action_alert("strikes", "Auto parts plant in Coahuila hit by strike"));
}

TEST(Topic, DrugNamedAWeaponOfMassDestructionIsNoListing) {
  EXPECT_FALSE(action_alert("designations",
                            "White House designates fentanyl a weapon of mass destruction to fight cartels"));
}

TEST(Topic, JudgesOrderingTroopsAreNotDeployingThem) {
  EXPECT_FALSE(action_alert("troops", "Federal judge orders Guard soldiers off ranch land on the border"));
}

TEST(Topic, TroopsToOtherCountriesAndCitiesAreAnotherTheatre) {
  EXPECT_FALSE(action_alert("troops", "US soldiers from Fort Bliss, Texas, land in El Salvador for drills"));
  EXPECT_FALSE(action_alert("troops", "Arizona Guard sent to Phoenix as protests grow"));
}

TEST(Stance, TrainingAtHomeIsNotADeployment) {
  EXPECT_FALSE(action_alert("troops", "Guard soldiers train in Arizona before border duty"));
}

TEST(Stance, RewardForADesignatedLeaderIsNoNewListing) {
  EXPECT_FALSE(action_alert("designations",
                            "State Department offers reward for cartel leader designated a terrorist"));
}

TEST(Stance, MoreWordingsOfActsAreAction) {
  EXPECT_TRUE(action_alert("strikes", "US fires missiles at cartel airstrip in Sinaloa"));
  EXPECT_TRUE(action_alert("strikes", "Drones estadounidenses abatieron a sicarios en Sonora"));
  EXPECT_TRUE(action_alert("designations", "Terror listing of Los Rojos is now in force"));
  EXPECT_TRUE(action_alert("troops", "1,500 more US soldiers reach Nogales, Arizona"));
  EXPECT_TRUE(action_alert("troops", "Texas Guard stands down at Del Rio"));
}


TEST(Topic, DistanceFromAMexicanPlaceIsAtSea) {
  EXPECT_FALSE(action_alert("strikes", "US strike kills three aboard boat 300 miles south of Manzanillo"));
  EXPECT_FALSE(action_alert("strikes", "Pentagon announces strikes on ships near Mexico's Pacific coast"));
  EXPECT_TRUE(action_alert("strikes", "US Navy intercepts vessels in Sea of Cortez"));
}

TEST(Topic, PraiseForMexicosOwnRaidIsNotAUsStrike) {
  EXPECT_FALSE(action_alert("strikes", "Trump applauds Mexico's strike on CJNG camp"));
  EXPECT_FALSE(action_alert("strikes", "Washington elogia bombardeo de la Marina contra narcolaboratorio"));
}

TEST(Stance, ImminentOrApprovedStrikesAreRhetoric) {
  EXPECT_EQ(stance_of("strikes", "US strikes on Sinaloa labs imminent, senator says"), Stance::rhetoric);
  EXPECT_FALSE(action_alert("strikes", "Trump says raids on cartels in Mexico are approved"));
  EXPECT_FALSE(action_alert("strikes", "Bombardeos contra cárteles en México, inminentes: Trump"));
}

TEST(Stance, MonthsOnIsBackground) {
  EXPECT_FALSE(action_alert("designations", "Terror listings of cartels, six months on: exporters adjust"));
}

TEST(Stance, MoreTroopWordingsAreAction) {
  EXPECT_TRUE(action_alert("troops", "Pentagon extends border mission for 5,000 troops"));
  EXPECT_TRUE(action_alert("strikes", "US helicopters hit cartel camp in Durango"));
}


TEST(Stance, SpanishAnyIsHypothetical) {
  EXPECT_FALSE(action_alert("strikes",
                            "Hallan dron de EU en Sinaloa; investigan si participó en algún ataque"));
}

TEST(Stance, DiplomaticProtestTakesTheActAsDone) {
  EXPECT_EQ(stance_of("strikes", "Mexico summons US ambassador over drone strike in Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Cancillería convoca al embajador de EU por ataque con dron en Sonora"),
            Stance::action);
}

TEST(Stance, LiftingADesignationIsAction) {
  EXPECT_TRUE(action_alert("designations", "US lifts terror designation of Cárteles Unidos faction"));
}

TEST(Stance, TroopsShootingOrMovedAreAction) {
  EXPECT_TRUE(action_alert("troops", "Soldados de la Guardia texana disparan contra traficantes en Eagle Pass"));
  EXPECT_TRUE(action_alert("troops", "Pentagon shifts 800 troops from Arizona border to Texas"));
}

TEST(Stance, InterventionTalkIsRhetoric) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum: Estados Unidos no va a intervenir en México"),
            Stance::rhetoric);
}


TEST(Stance, ToBeforeAnArticleIsAPreposition) {
  EXPECT_TRUE(action_alert("troops", "Army sends 300 more military police to the border"));
  EXPECT_EQ(stance_of("troops", "Pentagon to send 300 military police to the border"),
            Stance::rhetoric);
}


TEST(Topic, CyberAttackIsNotKinetic) {
  EXPECT_FALSE(action_alert("strikes", "US cyber attack knocks out CJNG servers in Jalisco"));
  EXPECT_FALSE(action_alert("strikes", "Ataque cibernético de EU paraliza red del Cártel de Sinaloa"));
}

TEST(Topic, WarOnCartelsIsAMetaphor) {
  EXPECT_FALSE(action_alert("strikes", "Trump's war on cartels hits Mexican remittances"));
}

TEST(Topic, StatePoliceAreNotTroops) {
  EXPECT_FALSE(action_alert("troops", "Texas troopers sent to Eagle Pass after chase"));
  EXPECT_FALSE(action_alert("troops", "Llegan 150 agentes del DPS de Texas a Del Rio"));
}


TEST(Topic, NewMexicoIsAUsState) {
  EXPECT_TRUE(action_alert("troops", "500 more soldiers arrive in New Mexico border zone"));
}

TEST(Stance, MilitaryZoneExpandedIsAction) {
  EXPECT_TRUE(action_alert("troops", "Military zone along border expanded to New Mexico"));
  EXPECT_EQ(stance_of("troops", "Pentagon weighs new military zone along Arizona border"),
            Stance::rhetoric);
}


TEST(Stance, AllegedActIsAHedge) {
  EXPECT_EQ(stance_of("strikes", "Alleged US drone strike kills two in Durango, locals say"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Presunto ataque de EU deja tres muertos en Sonora"),
            Stance::rhetoric);
  // A denial still wins over the hedge.
  EXPECT_EQ(stance_of("strikes", "Fact check: video of alleged US strike in Sinaloa is from 2019"),
            Stance::denial);
}

TEST(Topic, TheUsBorderIsAPlaceNotAnActor) {
  EXPECT_FALSE(action_alert("strikes", "Car bomb kills two near US border in Reynosa"));
}

TEST(Stance, BorderTownsArePlacesTroopsReach) {
  EXPECT_TRUE(action_alert("troops", "More Texas Guard soldiers reach McAllen"));
}


TEST(Topic, MediaAndTradeAttacksAreNotKinetic) {
  EXPECT_FALSE(action_alert("strikes", "Casa Blanca lanza bombardeo mediático contra gobierno de Sinaloa"));
  EXPECT_FALSE(action_alert("strikes", "US media blitz attacks Mexico's cartel policy"));
}

TEST(Stance, LawsuitOverAnActTakesItAsDone) {
  EXPECT_EQ(stance_of("strikes", "Survivors sue over US drone strike in Durango"), Stance::action);
}

TEST(Topic, SpanishUsStateGuardIsAUsDeployment) {
  EXPECT_TRUE(action_alert("troops", "Elementos de la Guardia Nacional de Arizona cruzan a Nogales, Sonora"));
  EXPECT_TRUE(action_alert("troops", "Retiran a guardias texanos de Del Rio"));
}

TEST(Topic, UsTroopsTrainingMexicanForcesAreInMexico) {
  EXPECT_TRUE(action_alert("troops", "US Green Berets begin training Mexican soldiers"));
  EXPECT_TRUE(action_alert("troops", "USS Zumwalt arrives off Mexican coast"));
}


TEST(Topic, BombardingWithVisasOrPostsIsNotKinetic) {
  EXPECT_FALSE(action_alert("strikes", "Washington bombardea con visas a funcionarios de Sinaloa"));
  EXPECT_FALSE(action_alert("strikes", "Sheinbaum responde a ataques de Vance en redes sociales"));
}

TEST(Topic, StrikeOnABoatNearACoastIsAtSea) {
  EXPECT_FALSE(action_alert("strikes", "Fishermen find wreckage after US strike on boat near Guerrero coast"));
}

TEST(Topic, CourtStrikingDownAnOrderIsNoStrike) {
  EXPECT_FALSE(action_alert("strikes", "Appeals court strikes down Trump's order on Mexican cartels"));
  EXPECT_FALSE(action_alert("strikes", "US judge struck down Texas law on Mexican migrants"));
}

TEST(Stance, TroopsSentHomeFromTheBorderIsAction) {
  EXPECT_TRUE(action_alert("troops", "Guard soldiers sent home from border after six months"));
}


TEST(Topic, MexicosNamedAsAPlaceIsNoActor) {
  EXPECT_TRUE(action_alert("strikes", "Strike in Mexico's Sonora kills four; US confirms"));
}

TEST(Stance, ShiftingAPolicyIsNotMovingTroops) {
  EXPECT_FALSE(action_alert("troops", "Pentagon shifts policy on border troops"));
  EXPECT_TRUE(action_alert("troops", "Pentagon shifts 1,000 troops from California border to Texas"));
}

}  // namespace
}  // namespace redline
