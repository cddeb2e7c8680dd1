// Visit writes. A visit and everything recorded with it (services, problems and their
// first timeline events) are written by one call inside the action's transaction.
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { inSubtree } from "@/lib/platform/org/scope";
import { createProblemsForVisit } from "@/lib/problems";
import { recordGuidedVisit, syncGuidedVisit } from "@/lib/mentorship";
import { editWindowHours, isEditableBy } from "./edit-window";
import { activeCampaignsWhere, readChecklist, type ChecklistEntry } from "./queries";
import type { CreateVisitInput, UpdateVisitInput } from "./schemas";
import { parseShanghaiLocal } from "@/lib/platform/shanghai";
import { campaignSettingsOf, problemDueDateSchema } from "@/lib/visits/campaigns";

/** The campaign, if the actor may record visits for it now. */
async function activeCampaign(tx: Tx, actor: Actor, programmeId: string) {
  const campaign = await tx.programme.findFirst({ where: { AND: [{ id: programmeId }, activeCampaignsWhere(actor)] }, select: { id: true, settings: true } });
  if (!campaign) throw new RuleViolation("campaignNotActive", "programmeId");
  return { id: campaign.id, settings: campaignSettingsOf(campaign.settings) };
}

/** Whose visit it is: the actor, or (for a manager) an active officer in the actor's subtree. */
async function resolveOfficer(tx: Tx, actor: Actor, officerId: string) {
  if (!officerId || officerId === actor.id) return actor.id;
  if (actor.role !== "MANAGER") throw new ForbiddenError("visit.create");
  const officer = await tx.user.findFirst({ where: { id: officerId, active: true, role: "OFFICER", ...inSubtree(actor) }, select: { id: true } });
  if (!officer) throw new RuleViolation("officerOutOfScope", "officerId");
  return officer.id;
}

/** The mentor must be the officer's mentor in the campaign, a campaign mentor, or an active user in the actor's subtree. */
async function resolveMentor(tx: Tx, actor: Actor, programmeId: string | null, mentorId: string) {
  if (!mentorId) return null;
  const mentor = await tx.user.findFirst({
    where: {
      id: mentorId,
      active: true,
      OR: [inSubtree(actor), ...(programmeId ? [{ campaignMentoring: { some: { programmeId } } }] : [])],
    },
    select: { id: true },
  });
  if (!mentor) throw new RuleViolation("mentorInvalid", "mentorId");
  return mentor.id;
}

/** The household or enterprise visited, in the actor's subtree; it decides the visit's org unit. */
async function resolvePlace(tx: Tx, actor: Actor, placeType: "HOUSEHOLD" | "ENTERPRISE", placeId: string) {
  const where = { id: placeId, active: true, ...inSubtree(actor) };
  const select = { id: true, orgUnitId: true, orgUnit: { select: { path: true } } } as const;
  const place = placeType === "HOUSEHOLD" ? await tx.household.findFirst({ where, select }) : await tx.enterprise.findFirst({ where, select });
  if (!place) throw new NotFoundError();
  return { id: place.id, orgUnitId: place.orgUnitId, orgPath: place.orgUnit.path };
}

/**
 * The checklist as stored: every line of the campaign's checklist (labels copied, so later
 * edits of the campaign's items do not rewrite history) with the answers given. `base` is
 * the visit's saved checklist when editing: its lines keep their labels.
 */
async function buildChecklist(tx: Tx, programmeId: string | null, answers: CreateVisitInput["checklist"], base: ChecklistEntry[] = []) {
  const items = programmeId
    ? await tx.campaignCheckItem.findMany({ where: { programmeId, active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, label: true } })
    : [];
  const lines: ChecklistEntry[] = base.map((e) => ({ ...e }));
  for (const item of items) {
    if (!lines.some((l) => l.itemId === item.id)) lines.push({ itemId: item.id, label: item.label, checked: false, note: "" });
  }
  answers.forEach((a, i) => {
    const line = lines.find((l) => l.itemId === a.itemId);
    if (!line) throw new RuleViolation("checkItemInvalid", `checklist.${i}.itemId`);
    line.checked = a.checked;
    line.note = a.note;
  });
  return lines;
}

function visitedAtOf(value: string): Date {
  const at = parseShanghaiLocal(value);
  if (!at) throw new RuleViolation("dateFormat", "visitedAt");
  return at;
}

function coordinates(input: { latitude?: number; longitude?: number }) {
  return input.latitude !== undefined && input.longitude !== undefined ? { latitude: input.latitude, longitude: input.longitude } : { latitude: null, longitude: null };
}

export async function createVisit(actor: Actor, input: CreateVisitInput, tx: Tx) {
  const campaign = await activeCampaign(tx, actor, input.programmeId);
  // Due dates lie between the visit's day and the campaign's horizon: 9999-12-31 would never
  // be overdue, a day before the visit overdue at once.
  const dueDate = problemDueDateSchema(input.visitedAt.slice(0, 10), campaign.settings.problemDueDays);
  const dueIssues: Record<string, string[]> = {};
  input.problems.forEach((p, i) => {
    const parsed = p.dueDate ? dueDate.safeParse(p.dueDate) : undefined;
    if (parsed && !parsed.success) dueIssues[`problems.${i}.dueDate`] = parsed.error.issues.map((issue) => issue.message);
  });
  if (Object.keys(dueIssues).length) throw new DomainError("checkFields", {}, dueIssues);
  const place = await resolvePlace(tx, actor, input.placeType, input.placeId);
  const officerId = await resolveOfficer(tx, actor, input.officerId);
  const mentorId = await resolveMentor(tx, actor, campaign.id, input.mentorId);
  const checklist = await buildChecklist(tx, campaign.id, input.checklist);
  const visit = await tx.visit.create({
    data: {
      programmeId: campaign.id,
      orgUnitId: place.orgUnitId,
      officerId,
      mentorId,
      kind: input.kind,
      householdId: input.placeType === "HOUSEHOLD" ? place.id : null,
      enterpriseId: input.placeType === "ENTERPRISE" ? place.id : null,
      visitedAt: visitedAtOf(input.visitedAt),
      checklist,
      notes: input.notes,
      ...coordinates(input),
      services: { create: input.services.map((s, sortOrder) => ({ description: s.description, sortOrder })) },
    },
  });
  const problems = await createProblemsForVisit(actor, visit, input.problems, tx);
  // With a mentor the officer is paired with, the visit is also a guided-visit mentoring activity.
  await recordGuidedVisit(visit, tx);
  return { visit, problems, place };
}

type Editable = { id: string; officerId: string; createdAt: Date; programmeId: string | null; checklist: unknown };

/** The author may edit within the window; the update is conditional on the version they loaded. */
export async function updateVisit(actor: Actor, existing: Editable, input: UpdateVisitInput, tx: Tx) {
  if (existing.officerId !== actor.id) throw new ForbiddenError("visit.update");
  if (!isEditableBy(existing, actor.id)) throw new DomainError("visitEditWindowClosed", { hours: editWindowHours() });
  const mentorId = await resolveMentor(tx, actor, existing.programmeId, input.mentorId);
  const checklist = await buildChecklist(tx, existing.programmeId, input.checklist, readChecklist(existing.checklist));
  const { count } = await tx.visit.updateMany({
    where: { id: existing.id, version: input.version },
    data: {
      visitedAt: visitedAtOf(input.visitedAt),
      mentorId,
      checklist,
      notes: input.notes,
      ...coordinates(input),
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ConflictError();
  await tx.visitService.deleteMany({ where: { visitId: existing.id } });
  if (input.services.length) {
    await tx.visitService.createMany({ data: input.services.map((s, sortOrder) => ({ visitId: existing.id, description: s.description, sortOrder })) });
  }
  const updated = await tx.visit.findUniqueOrThrow({ where: { id: existing.id }, include: { services: { orderBy: { sortOrder: "asc" } } } });
  // The guided-visit mentoring activity follows the visit's mentor and date.
  await syncGuidedVisit(updated, tx);
  return updated;
}
