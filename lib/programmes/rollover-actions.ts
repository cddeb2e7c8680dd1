"use server";
// Rollover (结转) of a programme into its next period: whoever may manage the programme
// (programme.manage, in the owner's subtree) copies it and closes the old one, with an audit
// row for each of the two programmes, in one transaction.
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { getProgrammeOrThrow } from "./queries";
import { rolloverProgramme } from "./rollover";
import { rolloverProgrammeContract } from "./rollover-schema";

export const rolloverProgrammeAction = action(
  // The new-year checklist on the home and admin pages reads the programmes' targets.
  rolloverProgrammeContract, { revalidate: ["/programmes", "/", "/admin"] },
  async (input, { user, tx, audit }) => {
    const source = await getProgrammeOrThrow(user, input.id, tx);
    assertCan(user, "programme.manage", source);
    const { programme, summary } = await rolloverProgramme(user, source, input, tx);
    await audit({ action: "programme.rollover", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnitId, data: summary });
    await audit({
      action: "programme.setStatus", entityType: "Programme", entityId: source.id, orgUnitId: source.orgUnitId,
      data: { before: { status: source.status }, after: { status: "CLOSED" }, reason: "rollover", rolledOverTo: programme.id },
    });
    return { id: programme.id };
  },
);
