// Campaign configuration. The form sends the whole configuration; it is written as a set
// (participants, assignments and rules replaced; checklist items matched by id so visits
// keep pointing at them — items are deactivated, never deleted), conditional on the
// programme's version: two managers editing at once cannot silently overwrite each other.
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import { isWithinSubtree } from "@/lib/platform/org/path";
import type { Campaign } from "./queries";
import type { SaveCampaignSetupInput } from "./schemas";

export async function saveCampaignSetup(actor: Actor, campaign: Campaign, input: SaveCampaignSetupInput, tx: Tx) {
  if (campaign.status === "CLOSED") throw new RuleViolation("programmeClosed");

  // People: active users in the owner's subtree (which lies inside the actor's).
  const personIds = [...new Set(input.participants.flatMap((p) => [p.officerId, ...(p.mentorId ? [p.mentorId] : [])]).concat(input.assignments.flatMap((a) => (a.officerId ? [a.officerId] : []))))];
  const people = await tx.user.findMany({ where: { id: { in: personIds }, active: true }, select: { id: true, orgUnit: { select: { path: true } } } });
  const personOk = new Set(people.filter((p) => isWithinSubtree(p.orgUnit.path, campaign.orgPath) && isWithinSubtree(p.orgUnit.path, actor.orgPath)).map((p) => p.id));
  input.participants.forEach((p, i) => {
    if (!personOk.has(p.officerId)) throw new RuleViolation("campaignPersonOutOfScope", `participants.${i}.officerId`);
    if (p.mentorId && !personOk.has(p.mentorId)) throw new RuleViolation("campaignPersonOutOfScope", `participants.${i}.mentorId`);
  });

  // Units: active, within the campaign's reach and the actor's subtree.
  const units = await tx.orgUnit.findMany({ where: { id: { in: input.assignments.map((a) => a.orgUnitId) }, active: true }, select: { id: true, path: true, kind: true } });
  const unitById = new Map(units.map((u) => [u.id, u]));
  input.assignments.forEach((a, i) => {
    const unit = unitById.get(a.orgUnitId);
    if (!unit || unit.kind === "DEPARTMENT" || !isWithinSubtree(unit.path, actor.orgPath) || !campaign.reach.some((r) => isWithinSubtree(unit.path, r))) {
      throw new RuleViolation("campaignUnitNotInReach", `assignments.${i}.orgUnitId`);
    }
    if (a.officerId && !personOk.has(a.officerId)) throw new RuleViolation("campaignPersonOutOfScope", `assignments.${i}.officerId`);
  });

  const current = await tx.programme.findUniqueOrThrow({ where: { id: campaign.id }, select: { settings: true } });
  const settings = { ...(current.settings && typeof current.settings === "object" ? current.settings : {}), problemDueDays: input.problemDueDays };
  const { count } = await tx.programme.updateMany({ where: { id: campaign.id, version: input.version }, data: { version: { increment: 1 }, settings } });
  if (count === 0) throw new ConflictError();

  const programmeId = campaign.id;
  await tx.campaignParticipant.deleteMany({ where: { programmeId } });
  if (input.participants.length) {
    await tx.campaignParticipant.createMany({ data: input.participants.map((p) => ({ programmeId, officerId: p.officerId, mentorId: p.mentorId })) });
  }
  await tx.campaignAssignment.deleteMany({ where: { programmeId } });
  if (input.assignments.length) {
    await tx.campaignAssignment.createMany({ data: input.assignments.map((a) => ({ programmeId, orgUnitId: a.orgUnitId, officerId: a.officerId })) });
  }
  await tx.campaignFrequencyRule.deleteMany({ where: { programmeId } });
  if (input.rules.length) {
    await tx.campaignFrequencyRule.createMany({ data: input.rules.map((r) => ({ programmeId, ...r })) });
  }

  // Checklist: update the items named by id (of this campaign only), create new ones, and
  // deactivate any existing item the form left out.
  const existing = await tx.campaignCheckItem.findMany({ where: { programmeId }, orderBy: { sortOrder: "asc" }, select: { id: true } });
  const existingIds = new Set(existing.map((e) => e.id));
  const kept = new Set<string>();
  for (const [sortOrder, item] of input.checkItems.entries()) {
    if (item.id) {
      if (!existingIds.has(item.id)) throw new RuleViolation("campaignCheckItemUnknown", `checkItems.${sortOrder}.label`);
      kept.add(item.id);
      await tx.campaignCheckItem.update({ where: { id: item.id }, data: { label: item.label, active: item.active, sortOrder } });
    } else {
      await tx.campaignCheckItem.create({ data: { programmeId, label: item.label, active: item.active, sortOrder } });
    }
  }
  const dropped = [...existingIds].filter((x) => !kept.has(x));
  for (const [i, itemId] of dropped.entries()) {
    await tx.campaignCheckItem.update({ where: { id: itemId }, data: { active: false, sortOrder: input.checkItems.length + i } });
  }

  return tx.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { id: true, version: true } });
}

/** A compact, comparable description of the configuration for the audit row. */
export async function setupSummary(programmeId: string, tx: Tx) {
  const [participants, assignments, checkItems, rules] = await Promise.all([
    tx.campaignParticipant.findMany({ where: { programmeId }, select: { officerId: true, mentorId: true }, orderBy: { officerId: "asc" } }),
    tx.campaignAssignment.findMany({ where: { programmeId }, select: { orgUnitId: true, officerId: true }, orderBy: { orgUnitId: "asc" } }),
    tx.campaignCheckItem.findMany({ where: { programmeId }, select: { id: true, label: true, active: true }, orderBy: { sortOrder: "asc" } }),
    tx.campaignFrequencyRule.findMany({ where: { programmeId }, select: { kind: true, period: true, minVisits: true, dueSoonDays: true }, orderBy: [{ kind: "asc" }, { period: "asc" }] }),
  ]);
  return { participants, assignments, checkItems, rules };
}
