// Wording families of real action reports that were read as rhetoric or denial when the fifth
// session's recall batches were first scored (items d1342-d1500 of tests/data/topics/dev.jsonl),
// each with the near miss that must keep its stance. Sentences are not the dev items.
#include "tests/topics/support.h"

namespace redline {
namespace {

using test::stance_of;

TEST(Recall, NotWarnedBeforeAnActTakesItAsDone) {
  EXPECT_EQ(stance_of("strikes", "Sheinbaum says Washington did not inform her before the raid in "
                                 "Sonora"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Mexican officials were not warned about US drone strike in Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "EU no notificó al gobierno antes del bombardeo en Michoacán"),
            Stance::action);
  // the plain negation of the act stays a denial
  EXPECT_EQ(stance_of("strikes", "Pentagon did not bomb any target in Durango, spokesman says"),
            Stance::denial);
}

TEST(Recall, AccentedSiIsYesNotIf) {
  EXPECT_EQ(stance_of("strikes", "Sí hubo ataque de EU en Durango, dice la Defensa"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "SÍ HUBO ATAQUE DE EU EN TAMAULIPAS"), Stance::action);
  // without the accent it is "if" / "whether"
  EXPECT_EQ(stance_of("strikes", "Si hay bombardeos de EU en Durango, habrá represalias"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Indagan si hubo ataque de EU en Durango"), Stance::rhetoric);
}

TEST(Recall, RhetoricVerbBeforeAnActWithItsOwnVerbGovernsANoun) {
  EXPECT_EQ(stance_of("strikes", "Lawmakers to review Durango strike that killed nine"),
            Stance::action);
  // a modal right before the act's own verb still makes it future
  EXPECT_EQ(stance_of("strikes", "Lawmakers fear a strike would kill civilians in Durango"),
            Stance::rhetoric);
}

TEST(Recall, AnInquiryTakesItsObjectAsDone) {
  EXPECT_EQ(stance_of("strikes", "Senate panel to investigate US airstrike on Durango ranch"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Investiga la FGR ataque de drones de EU en Durango"),
            Stance::action);
  // an inquiry into whether it happened asks
  EXPECT_EQ(stance_of("strikes", "Mexico to investigate whether US drones struck Durango"),
            Stance::rhetoric);
}

TEST(Recall, AnAdmissionReportsTheAct) {
  EXPECT_EQ(stance_of("strikes", "Drone attack in Durango was American, Pentagon acknowledges"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Admite EU ataque con dron en Durango"), Stance::action);
}

TEST(Recall, HasNotRuledOutIsAHedge) {
  EXPECT_EQ(stance_of("strikes", "White House has not ruled out strikes on cartels in Durango"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "No ha descartado EU enviar soldados a la frontera"),
            Stance::rhetoric);
}

TEST(Recall, ImpersonalSpanishHeadlineVerbsReport) {
  EXPECT_EQ(stance_of("strikes", "Reportan ataque con drones de EU en rancho de Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Inicia despliegue de 2 mil soldados de EU en la frontera"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Reportan posible despliegue de soldados de EU en la frontera"),
            Stance::rhetoric);
}

TEST(Recall, SingularSpanishMissileIsAnAct) {
  EXPECT_EQ(stance_of("strikes", "Misil de EU destruye bodega del cártel en Durango"),
            Stance::action);
}

TEST(Recall, SpanishTerroristDesignationNeedsNoNamedActor) {
  EXPECT_EQ(stance_of("designations", "Entra en vigor la designación terrorista del Cártel del Golfo"),
            Stance::action);
}

TEST(Recall, DoubledTroopCountIsAnIncrease) {
  EXPECT_EQ(stance_of("troops", "US troop presence on the border doubled to 6,000 this month"),
            Stance::action);
}

TEST(Recall, NewsLabelBeforeABareActReportsIt) {
  EXPECT_EQ(stance_of("strikes", "BREAKING: US drone strike in Durango"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Última hora — ataque aéreo de EU en Durango"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "JUST IN - US AIRSTRIKE REPORTED IN DURANGO"), Stance::action);
  // the label does not turn a threat into news
  EXPECT_EQ(stance_of("strikes", "BREAKING: US could strike cartels in Durango, officials say"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Rumors of US drone strike reported in Durango"),
            Stance::rhetoric);
}

TEST(Recall, ATollOfAnActTakesItAsDone) {
  EXPECT_EQ(stance_of("strikes", "Death toll from US airstrike in Durango rises"), Stance::action);
}

TEST(Recall, ACountThatTopsANumberIsReported) {
  EXPECT_EQ(stance_of("troops", "US troop numbers on the border top 11,000"), Stance::action);
  EXPECT_EQ(stance_of("troops", "US troop numbers on the border could top 11,000"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("troops", "Son ya 9 mil los soldados de EU en la frontera"), Stance::action);
}

TEST(Recall, SpanishPluralPublishReports) {
  EXPECT_EQ(stance_of("designations", "Publican en EU designación terrorista del Cártel de Juárez"),
            Stance::action);
}

TEST(Recall, UnitsNamedByTheirArmAreTroops) {
  EXPECT_EQ(stance_of("troops", "Two infantry battalions arrive at Arizona border"), Stance::action);
}

TEST(Recall, ParticipleClosingALongerCueHasItsOwnNoun) {
  EXPECT_EQ(stance_of("strikes", "Quiet night in Durango",
                      "Farmers near Durango said US drones struck two houses on Sunday."),
            Stance::action);
  // a participle right after its noun under a modal still describes it
  EXPECT_EQ(stance_of("troops", "Troops sent to the border would stay another year"),
            Stance::rhetoric);
}

TEST(Recall, AgentivePassiveAfterAPlaceReports) {
  EXPECT_EQ(stance_of("strikes", "Ranch in Durango struck by US missiles, mayor says"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Rancho en Durango, bombardeado por aviones estadounidenses"),
            Stance::action);
}

TEST(Recall, WhatTheActAchievedReportsIt) {
  EXPECT_EQ(stance_of("strikes", "US raid frees two kidnapped nurses in Durango"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "US drone fired three missiles at a truck in Durango"),
            Stance::action);
}

TEST(Recall, ReleasedFootageOfAnActShowsIt) {
  EXPECT_EQ(stance_of("strikes", "Pentagon releases footage of strike on Durango cartel camp"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Pentagon releases video warning cartels of strikes in Durango"),
            Stance::rhetoric);
}

TEST(Recall, EffectiveTodayReportsAListing) {
  EXPECT_EQ(stance_of("designations", "Cártel de Durango, desde hoy organización terrorista para EU"),
            Stance::action);
}

TEST(Recall, PluralGuardOfAUsStateIsAUsDeployment) {
  EXPECT_EQ(stance_of("troops", "Llegan 800 guardias nacionales de Ohio a la frontera"),
            Stance::action);
  // without a US state they are Mexico's
  EXPECT_FALSE(stance_of("troops", "Llegan 800 guardias nacionales a Sinaloa").has_value());
}

TEST(Recall, SpanishExtensionOfADeploymentReports) {
  EXPECT_EQ(stance_of("troops", "Amplía EU despliegue de soldados en la frontera"), Stance::action);
}

TEST(Recall, WhetherOpensAQuestionNotAReport) {
  EXPECT_EQ(stance_of("strikes", "Panel to examine whether US commandos crossed into Durango"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Indaga la fiscalía si hubo ataques de EU en Durango"),
            Stance::rhetoric);
}

TEST(Recall, AnArmedAssaultIsAStrike) {
  EXPECT_EQ(stance_of("strikes", "Cartel hitmen killed in US helicopter assault near Durango"),
            Stance::action);
  EXPECT_FALSE(stance_of("strikes", "Trump's assault on Mexican courts draws criticism in Durango")
                   .has_value());
}

TEST(Recall, GroupsNamedByNationalityCanBeListed) {
  EXPECT_EQ(stance_of("designations", "US adds three Mexican groups to terrorist list"),
            Stance::action);
}

TEST(Recall, PresenceAndCountWordsReportTroops) {
  EXPECT_EQ(stance_of("troops", "Pentagon sends airborne units to New Mexico border"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Guard troops now patrolling the Texas border"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Troops at the border rose to 8,000 this month"), Stance::action);
  EXPECT_EQ(stance_of("troops", "Soldados de EU toman posiciones en la frontera de Arizona"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Despliegan 500 soldados de EU en la frontera de Texas"),
            Stance::action);
}

TEST(Recall, DeniedFutureDeploymentToMexicoIsADenial) {
  EXPECT_EQ(stance_of("troops", "No US soldiers will be sent to Mexico, Hegseth says"),
            Stance::denial);
  EXPECT_EQ(stance_of("troops", "No se enviarán soldados de EU a México: Casa Blanca"),
            Stance::denial);
}

TEST(Recall, MexicosLegislatureIsNotAUsActor) {
  EXPECT_FALSE(
      stance_of("designations", "Mexican Congress designates three gangs as criminal organizations")
          .has_value());
}

TEST(Recall, FootageCueNamesTheStrike) {
  EXPECT_EQ(stance_of("strikes", "Pentagon releases video of US airstrike on Durango cartel lab"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "Pentagon releases video showing soldiers training for possible "
                                "Mexico mission"),
            Stance::rhetoric);
  EXPECT_EQ(stance_of("strikes", "Crece apoyo a bombardeos de EU en Durango, según sondeo"),
            Stance::rhetoric);
}

TEST(Recall, KilledOrFiredOnByUsForcesIsAStrike) {
  EXPECT_EQ(stance_of("strikes", "Cartel chief killed by US forces in Durango"), Stance::action);
  EXPECT_EQ(stance_of("strikes", "Abatido por fuerzas estadounidenses jefe de plaza en Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Helicópteros de EU dispararon contra sicarios en Durango"),
            Stance::action);
  EXPECT_EQ(stance_of("strikes", "Tercera oleada de bombardeos de EU golpea al cártel en Durango"),
            Stance::action);
  // fired at, not firing
  EXPECT_NE(stance_of("strikes", "Sicarios dispararon contra helicópteros de EU en Durango"),
            Stance::action);
}

TEST(Recall, GoingOnTheTerrorListIsAListing) {
  EXPECT_EQ(stance_of("designations", "Durango cartel goes on US terror list"), Stance::action);
  EXPECT_EQ(stance_of("designations", "Entra el cártel de Durango a la lista de terroristas de EU"),
            Stance::action);
}

TEST(Recall, ReliefAndPositioningOfUnitsAreDeployments) {
  EXPECT_EQ(stance_of("troops", "Guard troops from Ohio relieve Texas units at the border"),
            Stance::action);
  EXPECT_EQ(stance_of("troops", "US troops moved into positions along the border overnight"),
            Stance::action);
}

TEST(Recall, SpanishEliminateByAUsDroneIsAStrike) {
  EXPECT_EQ(stance_of("strikes", "Dron de EU elimina a jefe de sicarios en Durango"),
            Stance::action);
  EXPECT_FALSE(stance_of("strikes", "EU elimina aranceles a productos de Durango").has_value());
}

TEST(Recall, GrowingToACountReportsTroops) {
  EXPECT_EQ(stance_of("troops", "US troop presence on the border grew to 9,000 in May"),
            Stance::action);
}

}  // namespace
}  // namespace redline
