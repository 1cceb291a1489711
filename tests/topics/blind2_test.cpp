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

}  // namespace
}  // namespace redline
