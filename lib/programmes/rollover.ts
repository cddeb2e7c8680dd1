// Programme rollover (结转): a programme copied into its next period, and the old one closed,
// in one transaction. What is copied is configuration, not work: the programme's settings,
// participating units, indicators and targets (re-keyed to the new period), and the
// type-specific set-up rows that are plain configuration (a service station, with its catalogue
// and bundles, moves to the new programme, and so do its cases still open). Records of work
// done (visits, problems, requests, pairings and their plans, showcase sessions, applications,
// ledger, redemptions, quotas of the old year, task forces, trips, leads, key projects, pledges,
// finished and cancelled station cases with their round-tables) stay with the old programme,
// where its closed numbers remain final.
import type { Tx } from "@/lib/platform/db/client";
import { advisoryXactLock, LOCK_NAMESPACE } from "@/lib/platform/db/advisory-lock";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeStatus, ProgrammeType } from "@/lib/generated/prisma/enums";
import { dateOnly, formatDateOnly, parsePeriod, shiftPeriod } from "./period";
import type { RolloverInput } from "./rollover-schema";

/** What a rollover leaves behind, per programme type (shown on the form and in the audit row). */
export const NOT_COPIED: Record<ProgrammeType, string[]> = {
  VISIT_CAMPAIGN: ["visits", "problems", "events"],
  MENTORSHIP: ["pairings", "plans", "activities", "poolHistory"],
  HOTLINE: ["requests"],
  TALENT_POINTS: ["quotas", "applications", "ledger", "redemptions"],
  SHOWCASE: ["sessions", "talentLists"],
  INVESTMENT: ["taskForces", "prospects", "trips", "leads"],
  KEY_PROJECT: ["keyProjects", "pledges"],
  SERVICE_STATION: ["cases", "roundTables"],
};

type Source = {
  id: string; type: ProgrammeType; name: string; description: string; status: ProgrammeStatus; version: number;
  startDate: Date; endDate: Date; orgUnitId: string; settings: unknown;
  participants: { orgUnitId: string }[];
  indicators: { code: string; name: string; unit: string; sortOrder: number; targets: { orgUnitId: string; period: string; value: Prisma.Decimal }[] }[];
};

/**
 * The new period must not already belong to the programme's lineage (same type and owner
 * unit): no programme of the lineage — the source included — may overlap its dates or carry
 * its name. The check reads, then the rollover writes: the lineage's advisory lock, held until
 * commit, makes a second rollover into the lineage (of the same source or of another one)
 * wait and then see the first one's programme.
 */
async function assertPeriodFree(tx: Tx, source: Source, input: RolloverInput) {
  const lineage = { type: source.type, orgUnitId: source.orgUnitId };
  await advisoryXactLock(LOCK_NAMESPACE.programmeLineage, `${source.type}:${source.orgUnitId}`, tx);
  const overlap = await tx.programme.findFirst({
    where: { ...lineage, startDate: { lte: dateOnly(input.endDate) }, endDate: { gte: dateOnly(input.startDate) } },
    select: { id: true },
  });
  if (overlap) throw new RuleViolation("rollover.periodTaken", "startDate");
  const sameName = await tx.programme.findFirst({ where: { ...lineage, name: input.name }, select: { id: true } });
  if (sameName) throw new RuleViolation("rollover.nameTaken", "name");
}

/**
 * Old period → new period for every period the source's targets use: the form's mapping
 * where given, otherwise the period shifted by the years between the two start dates.
 * A shifted period that falls outside the new dates is left out (reported as skipped).
 */
function periodMapping(source: Source, input: RolloverInput) {
  const used = new Set(source.indicators.flatMap((i) => i.targets.map((t) => t.period)));
  const map = new Map<string, string>();
  input.periodMap.forEach((p, i) => {
    if (!used.has(p.from)) throw new RuleViolation("rollover.sourcePeriodUnknown", `periodMap.${i}.from`);
    map.set(p.from, p.to);
  });
  const targets = new Map<string, number>();
  input.periodMap.forEach((p, i) => {
    if (targets.has(p.to)) throw new RuleViolation("rollover.periodRepeated", `periodMap.${i}.to`);
    targets.set(p.to, i);
  });
  const years = Number(input.startDate.slice(0, 4)) - source.startDate.getUTCFullYear();
  for (const period of used) {
    if (map.has(period)) continue;
    const shifted = shiftPeriod(period, years);
    const range = shifted ? parsePeriod(shifted) : null;
    if (shifted && range && range.end >= input.startDate && range.start <= input.endDate && !targets.has(shifted)) map.set(period, shifted);
  }
  return map;
}

async function copyTypeSpecific(tx: Tx, type: ProgrammeType, fromId: string, toId: string, startDate: string): Promise<Record<string, number>> {
  const copied: Record<string, number> = {};
  const put = async (key: string, rows: unknown[], create: () => Promise<unknown>) => {
    if (rows.length) await create();
    copied[key] = rows.length;
  };
  if (type === "VISIT_CAMPAIGN") {
    const [participants, assignments, checkItems, rules] = await Promise.all([
      tx.campaignParticipant.findMany({ where: { programmeId: fromId } }),
      tx.campaignAssignment.findMany({ where: { programmeId: fromId } }),
      tx.campaignCheckItem.findMany({ where: { programmeId: fromId, active: true } }),
      tx.campaignFrequencyRule.findMany({ where: { programmeId: fromId } }),
    ]);
    await put("campaignParticipants", participants, () => tx.campaignParticipant.createMany({ data: participants.map((p) => ({ programmeId: toId, officerId: p.officerId, mentorId: p.mentorId })) }));
    await put("campaignAssignments", assignments, () => tx.campaignAssignment.createMany({ data: assignments.map((a) => ({ programmeId: toId, orgUnitId: a.orgUnitId, officerId: a.officerId })) }));
    await put("checkItems", checkItems, () => tx.campaignCheckItem.createMany({ data: checkItems.map((c) => ({ programmeId: toId, label: c.label, sortOrder: c.sortOrder })) }));
    await put("frequencyRules", rules, () => tx.campaignFrequencyRule.createMany({ data: rules.map((r) => ({ programmeId: toId, kind: r.kind, period: r.period, minVisits: r.minVisits, dueSoonDays: r.dueSoonDays })) }));
  } else if (type === "MENTORSHIP") {
    // Members still in the pools carry over with their flags; graduated and removed ones do
    // not. Their pairings stay with the old programme, so nobody starts with a trainee.
    const [members, templates] = await Promise.all([
      tx.poolMember.findMany({ where: { programmeId: fromId, status: { in: ["ACTIVE", "PAUSED"] } } }),
      tx.planTemplate.findMany({ where: { programmeId: fromId, active: true } }),
    ]);
    await put("poolMembers", members, () => tx.poolMember.createMany({
      data: members.map((m) => ({
        programmeId: toId, userId: m.userId, pool: m.pool, status: m.status, lineOfWork: m.lineOfWork, capacity: m.capacity,
        priorityPromotion: m.priorityPromotion, reserveCadre: m.reserveCadre, reserveNote: m.reserveNote, joinedOn: dateOnly(startDate),
      })),
    }));
    await put("planTemplates", templates, () => tx.planTemplate.createMany({ data: templates.map((t) => ({ programmeId: toId, name: t.name, content: t.content as Prisma.InputJsonValue })) }));
  } else if (type === "TALENT_POINTS") {
    const [items, resources, tiers] = await Promise.all([
      tx.pointItem.findMany({ where: { programmeId: fromId } }),
      tx.pointResource.findMany({ where: { programmeId: fromId } }),
      tx.enterpriseTier.findMany({ where: { programmeId: fromId } }),
    ]);
    await put("pointItems", items, () => tx.pointItem.createMany({
      data: items.map((i) => ({
        programmeId: toId, subject: i.subject, code: i.code, name: i.name, levels: i.levels as Prisma.InputJsonValue, capPerItem: i.capPerItem, capPerYear: i.capPerYear,
        evidenceTypes: i.evidenceTypes, validityMonths: i.validityMonths, active: i.active, sortOrder: i.sortOrder,
      })),
    }));
    await put("pointResources", resources, () => tx.pointResource.createMany({ data: resources.map((r) => ({ programmeId: toId, code: r.code, name: r.name, pointsCost: r.pointsCost, eligibility: r.eligibility as Prisma.InputJsonValue, active: r.active })) }));
    await put("enterpriseTiers", tiers, () => tx.enterpriseTier.createMany({ data: tiers.map((t) => ({ programmeId: toId, tier: t.tier, name: t.name, minPoints: t.minPoints, quotas: t.quotas as Prisma.InputJsonValue })) }));
  } else if (type === "SERVICE_STATION") {
    // A station is configuration, with its catalogue and bundles hanging off it: it moves to the
    // new programme instead of being copied, so the station, its item codes and bundles stay the
    // ones past cases point at. Finished and cancelled cases keep their programmeId (the old
    // programme's final figures); a case still open (an appointment, one in progress or waiting
    // for a round-table) counts when it finishes, so it goes on in the new programme. After the
    // stations: a case being opened holds its station's row (FOR SHARE) until it commits, so it
    // is either here to be moved or opened in the new programme. The case's version stays: its
    // programme is not something its page edits, and a handler's next step should not conflict.
    const { count } = await tx.serviceStation.updateMany({ where: { programmeId: fromId }, data: { programmeId: toId, version: { increment: 1 } } });
    copied.stationsMoved = count;
    const open = await tx.serviceCase.updateMany({ where: { programmeId: fromId, status: { in: ["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE"] } }, data: { programmeId: toId } });
    copied.openCasesMoved = open.count;
  }
  return copied;
}

export async function rolloverProgramme(actor: Actor, source: Source, input: RolloverInput, tx: Tx) {
  if (source.status === "DRAFT") throw new RuleViolation("rolloverDraft");
  await assertPeriodFree(tx, source, input);
  const mapping = periodMapping(source, input);

  // Close the source first, conditional on the version the form was opened with and on its
  // status: a second rollover of the same programme (or an edit in between) stops here.
  const { count } = await tx.programme.updateMany({
    where: { id: source.id, version: input.version, status: source.status },
    data: { status: "CLOSED", version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();

  const programme = await tx.programme.create({
    data: {
      type: source.type,
      name: input.name,
      description: source.description,
      startDate: dateOnly(input.startDate),
      endDate: dateOnly(input.endDate),
      orgUnitId: source.orgUnitId,
      // An active programme goes on without a gap; a closed one comes back as a draft to review.
      status: source.status === "ACTIVE" ? "ACTIVE" : "DRAFT",
      settings: (source.settings ?? {}) as Prisma.InputJsonValue,
      createdById: actor.id,
      participants: { create: source.participants.map((p) => ({ orgUnitId: p.orgUnitId })) },
    },
  });

  let targets = 0;
  let skipped = 0;
  for (const ind of source.indicators) {
    const rows = ind.targets.flatMap((t) => {
      const period = mapping.get(t.period);
      const range = period ? parsePeriod(period) : null;
      if (!period || !range) {
        skipped += 1;
        return [];
      }
      return [{ orgUnitId: t.orgUnitId, period, periodStart: dateOnly(range.start), periodEnd: dateOnly(range.end), value: t.value }];
    });
    await tx.programmeIndicator.create({
      data: { programmeId: programme.id, code: ind.code, name: ind.name, unit: ind.unit, sortOrder: ind.sortOrder, targets: { create: rows } },
    });
    targets += rows.length;
  }
  const typeSpecific = await copyTypeSpecific(tx, source.type, source.id, programme.id, input.startDate);
  return {
    programme,
    summary: {
      from: { id: source.id, name: source.name, startDate: formatDateOnly(source.startDate), endDate: formatDateOnly(source.endDate), status: source.status },
      to: { id: programme.id, name: programme.name, startDate: input.startDate, endDate: input.endDate, status: programme.status },
      periods: Object.fromEntries(mapping),
      copied: { participants: source.participants.length, indicators: source.indicators.length, targets, ...typeSpecific },
      targetsSkipped: skipped,
      notCopied: NOT_COPIED[source.type],
    },
  };
}
