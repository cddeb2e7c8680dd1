// Programme configuration. Indicators and targets are saved as the full set the admin sees
// in the form: indicators are matched by code (later modules refer to them by code), and
// each indicator's targets are replaced.
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import type { ProgrammeStatus } from "@/lib/generated/prisma/enums";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { orgUnitInSubtree } from "@/lib/platform/org/scope";
import { STATUS_TRANSITIONS } from "./catalogue";
import { dateOnly, parsePeriod } from "./period";
import type { CreateProgrammeInput, UpdateProgrammeInput } from "./schemas";

type Details = Omit<UpdateProgrammeInput, "id" | "version">;

/**
 * Every org unit the form names (owner, participants, target units) must lie in the actor's
 * subtree; target units must also lie under the owner or a participant.
 */
async function resolveUnits(tx: Tx, actor: Actor, input: Details) {
  const ids = new Set([input.orgUnitId, ...input.participantIds, ...input.indicators.flatMap((i) => i.targets.map((t) => t.orgUnitId))]);
  const units = await tx.orgUnit.findMany({ where: { id: { in: [...ids] }, ...orgUnitInSubtree(actor) }, select: { id: true, path: true, active: true } });
  const byId = new Map(units.map((u) => [u.id, u]));
  const owner = byId.get(input.orgUnitId);
  if (!owner) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId");
  input.participantIds.forEach((pid, i) => {
    if (!byId.has(pid)) throw new RuleViolation("orgUnitOutOfScope", `participantIds.${i}`);
  });
  const reach = [owner.path, ...input.participantIds.map((p) => byId.get(p)!.path)];
  input.indicators.forEach((ind, i) =>
    ind.targets.forEach((t, j) => {
      const unit = byId.get(t.orgUnitId);
      if (!unit || !reach.some((r) => isWithinSubtree(unit.path, r))) {
        throw new RuleViolation("targetUnitNotInProgramme", `indicators.${i}.targets.${j}.orgUnitId`);
      }
    }),
  );
  return owner;
}

async function writeIndicators(tx: Tx, programmeId: string, indicators: Details["indicators"]) {
  const existing = await tx.programmeIndicator.findMany({ where: { programmeId }, select: { id: true, code: true } });
  const keep = new Set(indicators.map((i) => i.code));
  const removed = existing.filter((e) => !keep.has(e.code)).map((e) => e.id);
  if (removed.length) await tx.programmeIndicator.deleteMany({ where: { id: { in: removed } } });
  for (const [sortOrder, ind] of indicators.entries()) {
    const row = await tx.programmeIndicator.upsert({
      where: { programmeId_code: { programmeId, code: ind.code } },
      create: { programmeId, code: ind.code, name: ind.name, unit: ind.unit, sortOrder },
      update: { name: ind.name, unit: ind.unit, sortOrder },
    });
    await tx.programmeTarget.deleteMany({ where: { indicatorId: row.id } });
    if (ind.targets.length) {
      await tx.programmeTarget.createMany({
        data: ind.targets.map((t) => {
          const range = parsePeriod(t.period)!;
          return { indicatorId: row.id, orgUnitId: t.orgUnitId, period: t.period, periodStart: dateOnly(range.start), periodEnd: dateOnly(range.end), value: t.value };
        }),
      });
    }
  }
}

export async function createProgramme(actor: Actor, input: CreateProgrammeInput, tx: Tx) {
  const owner = await resolveUnits(tx, actor, input);
  if (!owner.active) throw new RuleViolation("orgUnitInactive", "orgUnitId");
  const programme = await tx.programme.create({
    data: {
      type: input.type,
      name: input.name,
      description: input.description,
      startDate: dateOnly(input.startDate),
      endDate: dateOnly(input.endDate),
      orgUnitId: owner.id,
      createdById: actor.id,
      participants: { create: [...new Set(input.participantIds)].map((orgUnitId) => ({ orgUnitId })) },
    },
  });
  await writeIndicators(tx, programme.id, input.indicators);
  return programme;
}

export async function updateProgramme(actor: Actor, existing: { id: string; status: ProgrammeStatus; orgUnitId: string }, input: UpdateProgrammeInput, tx: Tx) {
  if (existing.status === "CLOSED") throw new RuleViolation("programmeClosed");
  const owner = await resolveUnits(tx, actor, input);
  if (owner.id !== existing.orgUnitId && !owner.active) throw new RuleViolation("orgUnitInactive", "orgUnitId");
  const { count } = await tx.programme.updateMany({
    where: { id: existing.id, version: input.version },
    data: {
      name: input.name,
      description: input.description,
      startDate: dateOnly(input.startDate),
      endDate: dateOnly(input.endDate),
      orgUnitId: input.orgUnitId,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new ConflictError();
  await tx.programmeOrgUnit.deleteMany({ where: { programmeId: existing.id } });
  await tx.programmeOrgUnit.createMany({ data: [...new Set(input.participantIds)].map((orgUnitId) => ({ programmeId: existing.id, orgUnitId })) });
  await writeIndicators(tx, existing.id, input.indicators);
  return tx.programme.findUniqueOrThrow({ where: { id: existing.id } });
}

/** Conditional on both the version and the current status: two admins cannot both move it. */
export async function setProgrammeStatus(existing: { id: string; status: ProgrammeStatus }, version: number, status: ProgrammeStatus, tx: Tx) {
  if (!STATUS_TRANSITIONS[existing.status]?.includes(status)) {
    throw new ConflictError("statusTransition", { from: existing.status, to: status });
  }
  if (status === "ACTIVE") {
    const indicators = await tx.programmeIndicator.count({ where: { programmeId: existing.id } });
    if (indicators === 0) throw new RuleViolation("activateNeedsIndicator");
  }
  const { count } = await tx.programme.updateMany({
    where: { id: existing.id, version, status: existing.status },
    data: { status, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  return tx.programme.findUniqueOrThrow({ where: { id: existing.id } });
}
