// Wording families of the tenth session (round 7, precision first): the families found when the
// blind-written batches of tests/data/topics/dev_blind3.jsonl were first scored (written by an
// author who never saw the rules). Each test is named after its family; its sentences are not
// dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(Blind3, AnAttackOnAmericansIsNoUsStrike) {
  EXPECT_EQ(stance_of("designations", "State Department lists Sonora gang as SDGT",
                      "It said the gang attacked American tourists in Puerto Peñasco."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "State Department lists Sonora gang as SDGT",
                      "It said the gang attacked American tourists in Puerto Peñasco."),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Tras el ataque contra agentes de la DEA en Culiacán, Trump "
                                 "exige respuestas"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Attack on FBI agents in Sinaloa leaves two wounded"),
            std::nullopt);
  EXPECT_EQ(stance_of("strikes", "Bombing of US consulate in Monterrey kills a guard"),
            std::nullopt);
  // a US attack on the cartel is still one
  EXPECT_EQ(stance_of("strikes", "US drones attacked a cartel camp in Sinaloa on Monday"),
            Stance::action);
}

TEST(Blind3, APossessiveDayNamesAnActThatTookPlace) {
  EXPECT_EQ(stance_of("strikes", "Why Hegseth went ahead with Friday's strikes in Sonora"),
            Stance::action);
  // a plan is still a plan
  EXPECT_EQ(stance_of("strikes", "US strikes in Sonora would follow a failed ultimatum"),
            Stance::rhetoric);
}

TEST(Blind3, ForcesAlreadyOnWatchAreThere) {
  EXPECT_EQ(stance_of("troops", "Militares de EU ya resguardan el puente de Nogales"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldados estadounidenses vigilan la garita de Sásabe"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldados de EU podrían vigilar la garita de Sásabe"),
            Stance::rhetoric);
}

TEST(Blind3, TheSourceOfAReportKeepsItsAdjective) {
  EXPECT_EQ(stance_of("strikes", "El Ejército mexicano confirmó que el ataque en Badiraguato "
                                 "fue obra de drones de EU"),
            Stance::action);
}

TEST(Blind3, WarshipsThatStopShippingEnforceABlockadeNotADeployment) {
  EXPECT_EQ(stance_of("troops", "US warships turn back tanker headed to Lázaro Cárdenas"),
            std::nullopt);
  EXPECT_EQ(stance_of("troops", "US destroyers board and divert cargo ship near Veracruz"),
            std::nullopt);
  // warships that arrive are still a deployment
  EXPECT_EQ(stance_of("troops", "Two US warships arrive off Veracruz as the border mission grows"),
            Stance::action);
}

TEST(Blind3, CorrectingAReportDeniesIt) {
  EXPECT_EQ(stance_of("designations", "State Department on Gulf cartel status",
                      "Officials corrected reports that the FTO designation of the Gulf cartel "
                      "had been lifted."),
            Stance::denial);
  EXPECT_EQ(stance_of("designations", "Tesoro corrige la versión de que retiró la designación "
                                      "terrorista del Cártel del Golfo"),
            Stance::denial);
}

TEST(Blind3, CutsCallUpsAndDeparturesReportTroops) {
  EXPECT_EQ(stance_of("troops", "Pentagon slashes border force to 4,000"), Stance::action);
  EXPECT_EQ(stance_of("troops", "New Mexico Guard activates 300 soldiers for the border mission"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Salen 900 militares de EU de la frontera con Sonora"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Paratroopers settle into new camp near Santa Teresa"),
            Stance::action);
  // cutting money is not cutting troops
  EXPECT_EQ(stance_of("troops", "Congress cuts funding for the border troop mission"),
            Stance::rhetoric);
}

TEST(Blind3, ReluctanceIsDeliberation) {
  EXPECT_EQ(stance_of("troops", "Why generals are hesitant to send more troops to the border",
                      "The border mission entered its tenth month in Texas."),
            Stance::rhetoric);
}

TEST(Blind3, NotASingleSoldierDeniesTroops) {
  EXPECT_EQ(stance_of("troops", "'Ni un solo soldado de EU': Sheinbaum sobre maniobras en "
                                "Tampico"),
            Stance::denial);
  EXPECT_EQ(stance_of("troops", "Not a single US soldier is in Sonora, Pentagon says"),
            Stance::denial);
}

TEST(Blind3, AnotherCountrysInstitutionsListForThatCountry) {
  EXPECT_EQ(stance_of("designations", "Ecuador's Congress designates the Sinaloa cartel a terrorist "
                                      "group"),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "Congress designates the Sinaloa cartel a terrorist group"),
            Stance::action);
}

TEST(Blind3, SinceItWasListedIsBackground) {
  EXPECT_EQ(stance_of("designations", "CJNG keeps growing in Guanajuato",
                      "A DEA report tracks the cartel since it was designated a terrorist "
                      "organization."),
            std::nullopt);
  EXPECT_EQ(stance_of("designations", "El CJNG crece en Guanajuato",
                      "Un informe revisa la expansión del cártel desde que fue designado "
                      "organización terrorista."),
            std::nullopt);
}

TEST(Blind3, NoticeBeforeTheActTakesItAsDone) {
  EXPECT_EQ(stance_of("strikes", "La Marina tuvo aviso de una hora antes del bombardeo de EU en "
                                 "Culiacán"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Mexico got 20 minutes' notice before US drone strike in Sonora"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Mexico will get notice before any US strike in Sonora, Rubio "
                                 "says"),
            Stance::rhetoric);
}

TEST(Blind3, NoMexicanPartIsNoDenialOfTheUsAct) {
  EXPECT_EQ(stance_of("strikes", "US drones hit cartel camp in Durango",
                      "Ningún elemento mexicano participó en el ataque, dijo la Defensa."),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "US commandos raid ranch in Chihuahua",
                      "No Mexican forces took part in the raid, officials said."),
            Stance::action);
}

TEST(Blind3, TheTreasurysSanctionsOfficeListsToo) {
  EXPECT_EQ(stance_of("designations", "OFAC designates CJNG money network as global terrorists"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Treasury adds Arellano Félix brokers to terrorist "
                                      "sanctions list"),
            Stance::action);
}

TEST(Blind3, RetractingOrWalkingBackAReportDeniesIt) {
  EXPECT_EQ(stance_of("strikes", "Network retracts story on US drone strike in Zacatecas"),
            Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Pentagon walks back claims of a US raid in Coahuila"),
            Stance::denial);
}

TEST(Blind3, ForcesThatAreNotMovingAreDenied) {
  EXPECT_EQ(stance_of("troops", "US troops are not massing near Nogales, Army says"),
            Stance::denial);
}

TEST(Blind3, AnOpinionPieceReportsNoAct) {
  EXPECT_EQ(stance_of("troops", "Opinion: Border troops are a costly show",
                      "The 8,000 soldiers deployed along the Rio Grande since spring have stopped "
                      "little."),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Columna: Los drones de EU ya atacaron Sinaloa. ¿Y ahora?"),
            Stance::rhetoric);
  // a denial in one is still a denial, and a label that is no opinion still reports
  EXPECT_EQ(stance_of("strikes", "Op-ed: No, US drones did not strike Sinaloa"), Stance::denial);
  EXPECT_EQ(stance_of("strikes", "Breaking: US drones strike cartel camp in Sinaloa"),
            Stance::action);
  // an opinion word elsewhere is no label
  EXPECT_EQ(stance_of("strikes", "US drones strike Sinaloa camp; public opinion divided"),
            Stance::action);
}

TEST(Blind3, ASpanishHeadlineParticipleWithItsComplementLists) {
  EXPECT_EQ(stance_of("designations", "Los Viagras, designados organización terrorista"),
            Stance::action);
  EXPECT_EQ(stance_of("designations", "Designan a La Barredora organización terrorista"),
            Stance::action);
  // a wish or a possibility is not a listing
  EXPECT_EQ(stance_of("designations", "Exigen legisladores de EU que Los Viagras sean designados "
                                      "organización terrorista"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("designations", "Los Viagras podrían ser designados organización terrorista"),
            Stance::rhetoric);
}

}  // namespace
}  // namespace redline
