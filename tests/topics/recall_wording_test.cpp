// Wording families of real action reports that were missed when the sixth session's recall
// batches were first scored (items d1722 on of tests/data/topics/dev.jsonl), each with the near
// miss that must keep its stance. Sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(RecallWording, AHedgeOnTheTargetDoesNotHedgeTheAct) {
  EXPECT_EQ(stance_of("strikes", "US strikes suspected drug lab in the Durango highlands"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "American jets bomb alleged cartel camps near Tamazula"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Dron de EU mata a cuatro presuntos sicarios en Zacatecas"),
            Stance::action);
  // a hedge on the act itself still hedges it
  EXPECT_EQ(stance_of("strikes", "Suspected US drone strike reported near Tamazula"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Presunto ataque de EU en Zacatecas deja dos muertos"),
            Stance::rhetoric);
}

TEST(RecallWording, AnOperationNamedByItsUsActorIsAnAct) {
  EXPECT_EQ(stance_of("strikes", "Operativo de Estados Unidos en Navolato deja dos muertos"),
            Stance::action);
  EXPECT_EQ(
      stance_of("strikes", "Operación militar estadounidense en Zacatecas: hay tres abatidos"),
      Stance::action);
  EXPECT_EQ(stance_of("strikes", "US military operation in Durango leaves three dead"),
            Stance::action);
  // a bare operation is anyone's, and a refused one is rhetoric
  EXPECT_EQ(stance_of("strikes", "Operativo en Navolato deja dos muertos"), std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Operativo de la Marina en Navolato deja dos muertos"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Sheinbaum rechaza cualquier operativo de EU en Zacatecas"),
            Stance::rhetoric);
}

TEST(RecallWording, KilledByAUsForceWithAnArticleIsAnAct) {
  EXPECT_EQ(
      stance_of("strikes", "Fue abatido por un misil estadounidense el Mencho Jr. en Jalisco"),
      Stance::action);
  EXPECT_EQ(stance_of("strikes", "Abatidos por los drones de EU, cuatro halcones en Durango"),
            Stance::action);
  // killed by Mexico's own forces is not a US act
  EXPECT_EQ(stance_of("strikes", "Fue abatido por la Marina el jefe de plaza en Jalisco"),
            std::nullopt);
}

TEST(RecallWording, SpanishPassivesReport) {
  EXPECT_EQ(stance_of("troops", "Fueron enviados 600 militares de EU a la frontera de Arizona"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Han sido desplegados 900 efectivos estadounidenses en Texas"),
            Stance::action);
  // a passive under a modal looks ahead
  EXPECT_EQ(stance_of("troops", "Podrían ser enviados 600 militares de EU a la frontera"),
            Stance::rhetoric);
  // Mexico's own Guard is not a US deployment
  EXPECT_EQ(
      stance_of("troops", "Fueron desplegados 900 elementos de la Guardia Nacional en Sonora"),
      std::nullopt);
}

TEST(RecallWording, SpanishVerbsOfListingReport) {
  EXPECT_EQ(
      stance_of("designations", "EU clasificó a Los Rojos como organización terrorista extranjera"),
      Stance::action);
  EXPECT_EQ(stance_of("designations",
                      "Quedó inscrito el cártel de La Barredora en la lista de grupos terroristas "
                      "de Washington"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "EU analiza clasificar a Los Rojos como grupo terrorista"),
            Stance::rhetoric);
}

TEST(RecallWording, ATerrorismSanctionsListIsAListing) {
  EXPECT_EQ(stance_of("designations", "Treasury adds Los Rojos cartel to terrorism sanctions list"),
            Stance::action);
}

TEST(RecallWording, MarinesWithNoActorAtTheBorderAreUsMarines) {
  EXPECT_EQ(stance_of("troops", "700 more Marines reach the Sonora border"), Stance::action);
  // Mexico's marines are named as Mexico's
  EXPECT_EQ(stance_of("troops", "700 Mexican marines reach the Sonora border"), std::nullopt);
}

TEST(RecallWording, AWishWithItsObjectAndAParticipleIsRhetoric) {
  EXPECT_EQ(stance_of("designations", "Senators want the Los Rojos cartel added to the FTO list"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Governor asks for more Marines sent to the Arizona border"),
            Stance::rhetoric);
  // the listing itself reports
  EXPECT_EQ(stance_of("designations", "Los Rojos cartel added to the FTO list"), Stance::action);
}

TEST(RecallWording, ASummaryThatReportsTheActBeatsAThreateningHeadline) {
  EXPECT_EQ(stance_of("strikes", "Trump vows more strikes on cartels",
                      "On Monday US drones destroyed a cartel airstrip in Durango, the Pentagon "
                      "said."),
            Stance::action);
  // a summary that only threatens, or names another theatre, leaves the headline's stance
  EXPECT_EQ(stance_of("strikes", "Trump vows more strikes on cartels",
                      "US drones could destroy cartel airstrips in Durango, he said."),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Trump vows strikes on cartels in Mexico",
                      "US drones destroyed a boat in the Caribbean on Monday."),
            Stance::rhetoric);
}

TEST(RecallWording, AnExplainerOfASpecificActTakesItAsDone) {
  EXPECT_EQ(stance_of("strikes", "Así fue el bombardeo de EU sobre un rancho en Tamazula"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "¿Qué se sabe del ataque estadounidense en Navolato?"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "What we know about the US raid near Caborca"), Stance::action);
  // an explainer of what could happen, and a plain question, stay rhetoric
  EXPECT_EQ(stance_of("strikes", "Así sería un ataque de EU contra los cárteles en Sinaloa"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "What we know about Trump's threats to strike cartels in Mexico"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "¿Atacará EU a los cárteles en Sinaloa?"), Stance::rhetoric);
}

TEST(RecallWording, ContingentsArriveAndTroopsBoundForTheBorderMove) {
  EXPECT_EQ(stance_of("troops", "Llega a Nogales destacamento de 300 soldados estadounidenses"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "1,500 more soldiers bound for the New Mexico border"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "1,500 more soldiers could be bound for the New Mexico border"),
            Stance::rhetoric);
}

TEST(RecallWording, ADrillIsNotADeployment) {
  EXPECT_EQ(stance_of("troops", "Texas National Guard holds rescue drills in Laredo"),
            std::nullopt);
  EXPECT_EQ(stance_of("troops", "Guardia Nacional de Texas, en simulacro en Eagle Pass"),
            std::nullopt);
}

TEST(RecallWording, UsForcesTakingPartInAnOperationStrike) {
  EXPECT_EQ(stance_of("strikes", "Soldados de EU participaron en un operativo en Navolato"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldados de EU participaron en un operativo en Navolato"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Niega EU que sus soldados participaran en operativo en Navolato"),
            Stance::denial);
}

TEST(RecallWording, AGroupAlreadyOnTheListIsListed) {
  EXPECT_EQ(stance_of("designations", "La Barredora, ya en la lista de terroristas de EU"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos, nuevo grupo en la lista terrorista de EU"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos cartel joins US terror list"), Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos could soon join US terror list"),
            Stance::rhetoric);
}

TEST(RecallWording, AHedgedNounIsATargetNotAnAgent) {
  EXPECT_EQ(
      stance_of("strikes", "US commandos killed five suspected cartel gunmen in a Durango raid"),
      Stance::action);
  // gunmen as the subject still own their attack
  EXPECT_EQ(stance_of("strikes", "Cartel gunmen attack army post in Durango"), std::nullopt);
}

TEST(RecallWording, ANewsLabelBeforeABarReports) {
  EXPECT_EQ(stance_of("strikes", "EN VIVO | Ataques de EU en Durango y Zacatecas"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "LIVE | US airstrikes in Durango"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "EN VIVO | EU podría atacar en Durango"), Stance::rhetoric);
}

TEST(RecallWording, TestimonyTakesTheActAsDone) {
  EXPECT_EQ(stance_of("strikes", "Tamazula families recount night of US drone strikes"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Vecinos de Tamazula relatan el bombardeo de EU"), Stance::action);
  // a description of what would happen is not testimony
  EXPECT_EQ(stance_of("strikes", "Officials describe what US strikes in Durango would look like"),
            Stance::rhetoric);
}

TEST(RecallWording, DamageDoneByAUsActReportsIt) {
  EXPECT_EQ(stance_of("strikes", "Durango warehouse reduced to rubble by US airstrike"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Bodega en Tamazula, blanco de drones de EU"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Durango clinic damaged by cartel car bomb"), std::nullopt);
}

TEST(RecallWording, DetailingOrFormalizingReportsTheAct) {
  EXPECT_EQ(stance_of("strikes", "Pentagon details drone strike on Durango lab"), Stance::action);
  EXPECT_EQ(stance_of("designations", "Formaliza EU designación de Los Rojos como terroristas"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Pentagon details plans for strikes in Durango"),
            Stance::rhetoric);
}

TEST(RecallWording, SpanishAgentivePassiveOfAListingReports) {
  EXPECT_EQ(stance_of("designations", "Los Rojos, declarados terroristas por Washington"),
            Stance::action);
  // a state's own list is not a federal listing
  EXPECT_EQ(stance_of("designations", "Los Rojos, designados terroristas por ley estatal de Texas"),
            std::nullopt);
}

TEST(RecallWording, DoesntShowIsADenial) {
  EXPECT_EQ(stance_of("troops", "No, this photo doesn't show US soldiers in Nogales, Sonora"),
            Stance::denial);
}

TEST(RecallWording, OperationsAgainstMoneyOrMigrantsAreNoStrike) {
  EXPECT_EQ(stance_of("strikes", "Operativo de EU contra lavado de dinero del cártel en Sinaloa"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "US operation deports 300 migrants to Tijuana"), std::nullopt);
}

TEST(RecallWording, ADatedSummaryActIsContextForAThreateningHeadline) {
  EXPECT_EQ(stance_of("troops", "Trump vows to send more troops to the border",
                      "The Pentagon sent 2,000 troops to the border in February."),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Trump vows to send more troops to the border",
                      "The Pentagon sent 2,000 more troops to the border on Monday."),
            Stance::action);
}

TEST(RecallWording, AnOpinionOfAnActIsNoTestimony) {
  EXPECT_EQ(stance_of("strikes", "Analysts describe US strikes in Durango as inevitable"),
            Stance::rhetoric);
}

TEST(RecallWording, ASpanishPassiveInAppositionReportsTheListing) {
  EXPECT_EQ(stance_of("designations", "Los Rojos, incluidos en la lista de terroristas por EU"),
            Stance::action);
  // the participle right after its noun describes it
  EXPECT_EQ(stance_of("designations",
                      "Cárteles incluidos en la lista de terroristas por EU piden "
                      "amparo"),
            Stance::rhetoric);
}

TEST(RecallWording, SanctionedAsTerroristsIsAListing) {
  EXPECT_EQ(stance_of("designations", "Tesoro sanciona como terroristas a tres jefes de Los Rojos"),
            Stance::action);
  EXPECT_EQ(
      stance_of("designations",
                "Treasury sanctions Los Rojos cartel as specially designated global terrorists"),
      Stance::action);
}

TEST(RecallWording, NamedMunitionsAndDronesThatHitAreStrikes) {
  EXPECT_EQ(stance_of("strikes", "US drone fires Hellfire at cartel pickup in Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Drones de EU golpean rancho en Tamazula"), Stance::action);
}

TEST(RecallWording, AGroupJoiningAnFtoRosterIsListed) {
  EXPECT_EQ(stance_of("designations", "Los Rojos join the State Department's FTO roster"),
            Stance::action);
}

TEST(RecallWording, GangsOfOtherCountriesAreNotThisWatchlist) {
  EXPECT_EQ(stance_of("designations", "US lists Haitian gangs as terrorist organizations"),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "US lists Mexican gangs as terrorist organizations"),
            Stance::action);
}

TEST(RecallWording, AnActEnteringItsNthDayGoesOn) {
  EXPECT_EQ(stance_of("strikes", "US naval blockade of Lázaro Cárdenas enters its second week"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Bloqueo naval de EU a Manzanillo cumple su tercer día"),
            Stance::action);
}

TEST(RecallWording, ClaimingTheActReportsIt) {
  EXPECT_EQ(stance_of("strikes", "Pentagon claims responsibility for drone strike in Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "EU asume la autoría del ataque en Navolato"), Stance::action);
}

TEST(RecallWording, ARescueByUsForcesIsARaid) {
  EXPECT_EQ(stance_of("strikes", "US special forces rescue kidnapped Americans in Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US special forces could rescue kidnapped Americans in Durango"),
            Stance::rhetoric);
}

TEST(RecallWording, TheFederalRegisterAndSpanishNowReportAListing) {
  EXPECT_EQ(
      stance_of("designations", "Los Rojos terrorist designation appears in Federal Register"),
      Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos son ahora terroristas para Washington"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Los Rojos podrían ser terroristas para Washington"),
            Stance::rhetoric);
}

TEST(RecallWording, AChaseAcrossTheBorderIsAnIncursion) {
  EXPECT_EQ(stance_of("strikes", "US helicopter chases smugglers across the border into Chihuahua"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes",
                      "US helicopters could chase cartels across the border into "
                      "Chihuahua, Hegseth says"),
            Stance::rhetoric);
}

TEST(RecallWording, NoUsMarinesDenies) {
  EXPECT_EQ(stance_of("troops", "No US Marines have landed in Sonora, Navy says"), Stance::denial);
}

TEST(RecallWording, AClauseBreakInsideALongerCueBelongsToIt) {
  EXPECT_EQ(stance_of("strikes", "Washington did not notify Mexico ahead of the Durango raid"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Protesta México ante EU por bombardeo en Durango"),
            Stance::action);
  // on their own they still break the clause
  EXPECT_EQ(stance_of("strikes", "Ante amenazas de ataques de EU, Durango refuerza hospitales"),
            Stance::rhetoric);
}

TEST(RecallWording, BombsThatFellReportTheStrike) {
  EXPECT_EQ(
      stance_of("strikes", "Trump orders strikes on Durango cartels; first bombs fell overnight"),
      Stance::action);
  EXPECT_EQ(stance_of("strikes", "US bombs could fall on Durango cartels soon, Hegseth says"),
            Stance::rhetoric);
}

TEST(RecallWording, ShellingIsAStrikeShellCompaniesAreNot) {
  EXPECT_EQ(stance_of("strikes", "US destroyer shells cartel camp on Sinaloa coast"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Treasury sanctions shell companies of Sinaloa cartels"),
            std::nullopt);
}

TEST(RecallWording, AStrikeThatSparksAFireHappened) {
  EXPECT_EQ(stance_of("strikes", "US airstrike on Durango lab sparks forest fire"), Stance::action);
}

TEST(RecallWording, ItIsOfficialLabelsTheNews) {
  EXPECT_EQ(stance_of("designations", "Es oficial: Los Rojos, organización terrorista para EU"),
            Stance::action);
  EXPECT_EQ(
      stance_of("designations", "Es oficial: EU podría designar a Los Rojos como terroristas"),
      Stance::rhetoric);
}

TEST(RecallWording, ParticipationOfUsForcesInAnOperation) {
  EXPECT_EQ(stance_of("strikes", "Sí hubo participación de tropas de EU en operativo en Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "No hubo participación de tropas de EU en operativo en Durango"),
            Stance::denial);
}

TEST(RecallWording, FreedByAUsOperationAndNamedDronesInSpanish) {
  EXPECT_EQ(stance_of("strikes", "Operativo de EU libera a rehenes en Durango"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Dron MQ-9 elimina a jefe de sicarios en Durango"),
            Stance::action);
}

}  // namespace
}  // namespace redline
