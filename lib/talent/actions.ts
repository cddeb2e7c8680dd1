"use server";
// Talent (人才) records. ID numbers are validated, encrypted, and never returned by these
// actions except by unmaskTalentIdAction, which needs "personalData.unmask" and is audited.
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import type { Actor } from "@/lib/platform/authz/can";
import type { Tx } from "@/lib/platform/db/client";
import { NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { decryptPii } from "@/lib/platform/privacy/crypto";
import { getEnterpriseOrThrow } from "@/lib/registers";
import { ensureTalentAccount } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow, programmeReaches } from "@/lib/talent/points/programme";
import { getTalentOrThrow } from "./queries";
import { createTalent, updateTalent } from "./mutations";
import { createTalentContract, updateTalentContract, unmaskTalentIdContract } from "./schemas";

const paths = ["/talent"];

/** The chosen enterprise: in the actor's subtree and in the programme's reach, else a field error. */
async function enterpriseForTalent(tx: Tx, actor: Actor, enterpriseId: string) {
  const programme = await getTalentProgrammeOrThrow(actor, undefined, tx);
  try {
    const enterprise = await getEnterpriseOrThrow(actor, enterpriseId, tx);
    if (!programmeReaches(programme, enterprise.orgPath) || !enterprise.active) throw new NotFoundError();
    return enterprise;
  } catch (e) {
    // e.target is set only when the scoped lookup refused (not for a programme-reach miss).
    if (e instanceof NotFoundError) throw new RuleViolation("points.enterpriseOutOfScope", "enterpriseId", e.target);
    throw e;
  }
}

export const createTalentAction = action(
  createTalentContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    assertCan(user, "talent.manage");
    const enterprise = await enterpriseForTalent(tx, user, input.enterpriseId);
    assertCan(user, "talent.manage", enterprise);
    const talent = await createTalent(enterprise, input, tx);
    await ensureTalentAccount(talent, tx);
    await audit({
      action: "talent.create", entityType: "Talent", entityId: talent.id, orgUnitId: talent.orgUnitId,
      data: { after: { name: talent.name, enterpriseId: talent.enterpriseId, idLast4: talent.idLast4, education: talent.education, title: talent.title } },
    });
    return { id: talent.id };
  },
);

export const updateTalentAction = action(
  updateTalentContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const existing = await getTalentOrThrow(user, input.id, tx);
    assertCan(user, "talent.manage", existing);
    const enterprise = input.enterpriseId === existing.enterpriseId ? { id: existing.enterpriseId, orgUnitId: existing.orgUnitId } : await enterpriseForTalent(tx, user, input.enterpriseId);
    const t = await updateTalent({ id: existing.id, version: input.version }, enterprise, input, tx);
    const summary = (x: { name: string; enterpriseId: string; education: string; title: string; position: string; idLast4: string }) => ({
      name: x.name, enterpriseId: x.enterpriseId, education: x.education, title: x.title, position: x.position, idLast4: x.idLast4,
    });
    await audit({
      action: "talent.update", entityType: "Talent", entityId: t.id, orgUnitId: t.orgUnitId,
      data: { before: summary(existing), after: summary(t), idNumberChanged: existing.idHash !== t.idHash, phoneChanged: existing.phone !== t.phone },
    });
    return { id: t.id, version: t.version };
  },
);

/** The full ID number of one talent, for a user allowed to see it; the look is audited. */
export const unmaskTalentIdAction = action(
  unmaskTalentIdContract,
  async (input, { user, tx, audit }) => {
    const t = await getTalentOrThrow(user, input.id, tx);
    assertCan(user, "personalData.unmask", t);
    await audit({ action: "personalData.unmask", entityType: "Talent", entityId: t.id, orgUnitId: t.orgUnitId, data: { field: "idNumber" } });
    return { value: decryptPii(t.idNumberEnc) };
  },
);
