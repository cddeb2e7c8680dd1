// Writes of the service stations' cases (办件), round-tables (圆桌) and documents. Every state
// change is one conditional UPDATE on (id, version, status): a stale page or a second click
// finds no row and gets ConflictError, never a silent overwrite. A round-table's answers
// serialise on the round_table row (FOR UPDATE), so the last seat concludes it exactly once.
// A case goes on only while its programme is ACTIVE: a rollover moves the open cases with
// their station to the new programme (lib/programmes/rollover.ts), the closed one is final.
import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { roleHas } from "@/lib/platform/authz/permissions";
import { now as clockNow, shanghaiYear } from "@/lib/platform/clock";
import { nextSequence } from "@/lib/platform/db/sequence";
import { ConflictError, DomainError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { fieldMessage } from "@/lib/platform/i18n/zod";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { FUTURE_TOLERANCE_MS, parseShanghaiLocal } from "@/lib/platform/shanghai";
import { assertEnterpriseUnit, createEnterprise, getEnterpriseOrThrow } from "@/lib/registers";
import type { CaseDetail, getRoundTableOrThrow, getStationOrThrow } from "./queries";
import { REGISTERED_ENTERPRISE_FIELD, type CaseStatusValue, type CreateCaseInput } from "./schemas";
import type { z } from "zod";
import type { answerRoundTableSchema, finishCaseSchema, openRoundTableSchema } from "./schemas";

type Station = Awaited<ReturnType<typeof getStationOrThrow>>;
type RoundTableRow = Awaited<ReturnType<typeof getRoundTableOrThrow>>;
type CaseRef = Pick<CaseDetail, "id" | "status" | "version">;
/** A case that is worked on further: its programme must still be running. */
type WorkedCase = CaseRef & { programme: { status: string } };

/** "HB" from the station unit's code "SC-HB" (its last segment); "FW" (服务) when the unit has none. */
export function casePrefix(unitCode: string | null | undefined): string {
  const last = (unitCode ?? "").split("-").at(-1) ?? "";
  const prefix = last.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 6);
  return prefix || "FW";
}

/**
 * The next case number, "HB-2026-00042": one counter per prefix and Shanghai year in the
 * database (two stations whose units share a prefix share it, so numbers stay unique).
 */
export async function nextCaseNumber(unitCode: string | null | undefined, at: Date, tx: Tx): Promise<string> {
  const prefix = casePrefix(unitCode);
  const year = shanghaiYear(at);
  const value = await nextSequence(`serviceStation.case:${prefix}-${year}`, tx);
  return `${prefix}-${year}-${String(value).padStart(5, "0")}`;
}

/** The enterprise of a new case: one the actor sees in the register, or a new one registered now. */
async function caseEnterprise(actor: Actor, input: CreateCaseInput, tx: Tx) {
  if (input.enterpriseId) {
    try {
      const e = await getEnterpriseOrThrow(actor, input.enterpriseId, tx);
      if (!e.active) throw new RuleViolation("serviceStation.enterpriseInactive", "enterpriseId");
      return { id: e.id, name: e.name, created: false };
    } catch (e) {
      if (e instanceof NotFoundError) throw new RuleViolation("serviceStation.enterpriseOutOfScope", "enterpriseId", e.target);
      throw e;
    }
  }
  const fresh = input.newEnterprise!;
  // A credit code the register already holds is never a second record: the form is pointed
  // at the existing one (named, and offered to pick, only when the actor may see it).
  const existing = await tx.enterprise.findUnique({ where: { creditCode: fresh.creditCode }, select: { id: true, name: true, orgUnit: { select: { path: true } } } });
  if (existing) {
    if (!isWithinSubtree(existing.orgUnit.path, actor.orgPath)) {
      throw new DomainError("checkFields", {}, { "newEnterprise.creditCode": ["@serviceStation.creditCodeRegisteredElsewhere"] });
    }
    const registered = fieldMessage("serviceStation.creditCodeRegistered", { name: existing.name });
    throw new DomainError("checkFields", {}, { "newEnterprise.creditCode": [registered], [REGISTERED_ENTERPRISE_FIELD]: [registered] });
  }
  let unit;
  try {
    unit = await getOrgUnitOrThrow(actor, fresh.orgUnitId, tx);
  } catch (e) {
    if (e instanceof NotFoundError) throw new RuleViolation("orgUnitOutOfScope", "newEnterprise.orgUnitId", e.target);
    throw e;
  }
  try {
    assertEnterpriseUnit(unit);
  } catch (e) {
    // The register's rule, on this form's nested field.
    if (e instanceof RuleViolation && e.fieldErrors) throw new DomainError("checkFields", {}, { "newEnterprise.orgUnitId": Object.values(e.fieldErrors).flat() });
    throw e;
  }
  // Registered through the register's own create (its unique-key guard included); the station
  // records no commissioner, and a phone the visitor gave is stored as the register stores it.
  const created = await createEnterprise({ ...fresh, commissionerId: null }, tx);
  return { id: created.id, name: created.name, created: true };
}

/**
 * A new case at the station: walk-ins start now, appointments wait for their time. Items are
 * the bundle's and the picked ones, all active items of this station, with their minutes
 * copied so a later catalogue edit does not rewrite the case's time saved.
 */
export async function createCase(actor: Actor, station: Station, input: CreateCaseInput, tx: Tx) {
  if (station.programme.status !== "ACTIVE") throw new RuleViolation("serviceStation.programmeNotActive");
  if (!station.active) throw new RuleViolation("serviceStation.stationInactive");
  const now = clockNow();

  let bundleItemIds: string[] = [];
  if (input.bundleId) {
    const bundle = await tx.serviceBundle.findFirst({ where: { id: input.bundleId, stationId: station.id, active: true }, select: { id: true, items: { select: { itemId: true } } } });
    if (!bundle) throw new RuleViolation("serviceStation.bundleUnavailable", "bundleId");
    bundleItemIds = bundle.items.map((i) => i.itemId);
  }
  const wanted = [...new Set([...bundleItemIds, ...input.itemIds])];
  const items = await tx.serviceItem.findMany({
    where: { id: { in: wanted }, stationId: station.id, active: true },
    select: { id: true, code: true, standardMinutes: true, usualMinutes: true },
  });
  if (items.length !== wanted.length) {
    // A picked item of another station, or one deactivated since the form loaded. A bundle
    // holding such an item is the bundle's problem, said on the bundle.
    const found = new Set(items.map((i) => i.id));
    const badPicked = input.itemIds.some((id) => !found.has(id));
    throw new RuleViolation(badPicked ? "serviceStation.itemUnavailable" : "serviceStation.bundleUnavailable", badPicked ? "itemIds" : "bundleId");
  }

  let scheduledAt: Date | null = null;
  if (input.channel === "APPOINTMENT") {
    scheduledAt = parseShanghaiLocal(input.scheduledAt ?? "");
    if (!scheduledAt) throw new RuleViolation("dateFormat", "scheduledAt");
  }

  const enterprise = await caseEnterprise(actor, input, tx);
  // The station row, shared-locked until commit, gives the case its programme: a rollover
  // moving the station (and its open cases) waits for this case, or this case sees the move,
  // so no open case is left behind in the closed programme.
  const [locked] = await tx.$queryRaw<{ programmeId: string }[]>`SELECT "programmeId" FROM service_station WHERE id = ${station.id} FOR SHARE`;
  const programmeId = locked?.programmeId ?? station.programmeId;
  const unit = await tx.orgUnit.findUniqueOrThrow({ where: { id: station.orgUnitId }, select: { code: true } });
  const number = await nextCaseNumber(unit.code, now, tx);
  const created = await tx.serviceCase.create({
    data: {
      stationId: station.id, programmeId, orgUnitId: station.orgUnitId, number, channel: input.channel,
      enterpriseId: enterprise.id, bundleId: input.bundleId, staffId: actor.id, createdById: actor.id,
      visitorName: input.visitorName, request: input.request, scheduledAt, createdAt: now,
      status: input.channel === "WALK_IN" ? "IN_PROGRESS" : "SCHEDULED",
      startedAt: input.channel === "WALK_IN" ? now : null,
      items: { create: items.map((i) => ({ itemId: i.id, standardMinutes: i.standardMinutes, usualMinutes: i.usualMinutes })) },
    },
  });
  return { case: created, enterprise, itemCodes: items.map((i) => i.code) };
}

/** One conditional transition: the case must still be at `version` and in one of `from`. */
async function transition(c: CaseRef, version: number, from: readonly CaseStatusValue[], data: Parameters<Tx["serviceCase"]["updateMany"]>[0]["data"], tx: Tx) {
  const { count } = await tx.serviceCase.updateMany({
    where: { id: c.id, version, status: { in: [...from] } },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  return tx.serviceCase.findUniqueOrThrow({ where: { id: c.id } });
}

/** A case of a programme that is closed (or not started) is final: nothing moves it on. */
function assertProgrammeActive(c: WorkedCase) {
  if (c.programme.status !== "ACTIVE") throw new RuleViolation("serviceStation.caseProgrammeNotActive");
}

/** The rule a case's current status breaks, said before the conditional update tries. */
function assertStatus(c: CaseRef, allowed: readonly CaseStatusValue[], key: string) {
  if (c.status === "FINISHED" || c.status === "CANCELLED") throw new RuleViolation("serviceStation.caseClosed");
  if (!allowed.includes(c.status)) throw new RuleViolation(key);
}

export async function startCase(c: WorkedCase, version: number, tx: Tx) {
  assertStatus(c, ["SCHEDULED"], "serviceStation.caseNotScheduled");
  assertProgrammeActive(c);
  return transition(c, version, ["SCHEDULED"], { status: "IN_PROGRESS", startedAt: clockNow() }, tx);
}

/**
 * A new handler: an active user whose role may handle cases, who can see the case (their unit
 * is the station's or one above it — someone in a unit below would be handed a case they cannot
 * open) and whom the assigner sees (in the assigner's subtree).
 */
export async function assignCase(actor: Actor, c: CaseRef & { orgPath: string; staffId: string }, input: { version: number; staffId: string }, tx: Tx) {
  assertStatus(c, ["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE"], "serviceStation.caseClosed");
  const staff = await tx.user.findFirst({
    where: { id: input.staffId, active: true, orgUnit: { path: { startsWith: actor.orgPath } } },
    select: { id: true, name: true, role: true, orgUnit: { select: { path: true } } },
  });
  if (!staff || !roleHas(staff.role, "serviceStation.case") || !isWithinSubtree(c.orgPath, staff.orgUnit.path)) {
    throw new RuleViolation("serviceStation.staffNotEligible", "staffId");
  }
  const updated = await transition(c, input.version, ["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE"], { staffId: staff.id }, tx);
  return { updated, staff };
}

/** Whole minutes between two instants (a case of 36 min 59 s took 36 minutes). */
export function wholeMinutes(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 60_000);
}

/**
 * 办结: the time saved is the items' usual time (as copied when the case was opened) minus the
 * time the case took, in whole minutes; negative when the station was slower (shown as is).
 * Refused while a round-table waits for answers.
 */
export async function finishCase(c: CaseDetail, input: z.infer<typeof finishCaseSchema>, tx: Tx) {
  if (c.status === "ROUND_TABLE") throw new RuleViolation("serviceStation.roundTableOpen");
  assertStatus(c, ["IN_PROGRESS"], "serviceStation.caseNotInProgress");
  assertProgrammeActive(c);
  const now = clockNow();
  let finishedAt = now;
  if (input.finishedAt) {
    const typed = parseShanghaiLocal(input.finishedAt);
    if (!typed) throw new RuleViolation("dateFormat", "finishedAt");
    if (typed.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new RuleViolation("serviceStation.finishInFuture", "finishedAt");
    finishedAt = typed;
  }
  const startedAt = c.startedAt ?? now;
  if (finishedAt < startedAt) throw new RuleViolation("serviceStation.finishBeforeStart", "finishedAt");
  // A back-dated finish cannot precede the departments' answers the case waited for (to the
  // minute: the typed time has no seconds, so 10:31 is fine for a table concluded at 10:31:42).
  const lastConcluded = Math.max(0, ...c.roundTables.map((r) => r.concludedAt?.getTime() ?? 0));
  if (finishedAt.getTime() < lastConcluded - (lastConcluded % 60_000)) throw new RuleViolation("serviceStation.finishBeforeRoundTable", "finishedAt");
  const usualMinutes = c.items.reduce((sum, i) => sum + i.usualMinutes, 0);
  const actualMinutes = wholeMinutes(startedAt, finishedAt);
  const savedMinutes = usualMinutes - actualMinutes;
  return transition(c, input.version, ["IN_PROGRESS"], {
    status: "FINISHED", outcome: input.outcome, outcomeNote: input.outcomeNote, finishedAt, usualMinutes, actualMinutes, savedMinutes,
  }, tx);
}

export async function cancelCase(c: CaseRef, input: { version: number; reason: string }, tx: Tx) {
  assertStatus(c, ["SCHEDULED", "IN_PROGRESS"], "serviceStation.cancelRoundTable");
  return transition(c, input.version, ["SCHEDULED", "IN_PROGRESS"], { status: "CANCELLED", outcomeNote: input.reason, finishedAt: clockNow() }, tx);
}

/** 圆桌: the case waits (ROUND_TABLE) with one empty seat per department, at least two of them. */
export async function openRoundTable(actor: Actor, c: WorkedCase, input: z.infer<typeof openRoundTableSchema>, tx: Tx) {
  assertStatus(c, ["IN_PROGRESS"], "serviceStation.caseNotInProgress");
  assertProgrammeActive(c);
  const departments = [...new Set(input.departments.map((d) => d.trim()).filter(Boolean))];
  if (departments.length < 2) throw new RuleViolation("serviceStation.roundTableDepartments", "departments");
  const updated = await transition(c, input.version, ["IN_PROGRESS"], { status: "ROUND_TABLE" }, tx);
  const roundTable = await tx.roundTable.create({
    data: { caseId: c.id, topic: input.topic, openedById: actor.id, openedAt: clockNow(), opinions: { create: departments.map((department) => ({ department })) } },
  });
  return { updated, roundTable, departments };
}

/**
 * One department's answer. The round_table row is locked first, so two departments answering
 * at the same instant take turns: the second sees the first's answer, and only the answer that
 * leaves no empty seat concludes the table and hands the case back (IN_PROGRESS).
 */
export async function answerRoundTable(actor: Actor, rt: RoundTableRow, input: z.infer<typeof answerRoundTableSchema>, tx: Tx) {
  // The last answer hands the case back to work: a closed programme's case takes no answer,
  // as it can be neither started nor finished.
  assertProgrammeActive(rt.case);
  const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM round_table WHERE id = ${rt.id} FOR UPDATE`;
  if (locked[0]?.status !== "OPEN") throw new RuleViolation("serviceStation.roundTableClosed");
  const department = input.department.trim();
  const seat = await tx.roundTableOpinion.findUnique({ where: { roundTableId_department: { roundTableId: rt.id, department } }, select: { id: true, verdict: true } });
  if (!seat) throw new RuleViolation("serviceStation.departmentNotAtTable", "department");
  const now = clockNow();
  const { count } = await tx.roundTableOpinion.updateMany({
    where: { id: seat.id, verdict: null },
    data: { verdict: input.verdict, comment: input.comment, answeredById: actor.id, answeredAt: now },
  });
  if (count === 0) throw new ConflictError("serviceStation.seatAnswered");
  const waiting = await tx.roundTableOpinion.count({ where: { roundTableId: rt.id, verdict: null } });
  let caseAfter: { status: string; version: number } | null = null;
  if (waiting === 0) {
    const closed = await tx.roundTable.updateMany({ where: { id: rt.id, status: "OPEN" }, data: { status: "CONCLUDED", concludedAt: now, version: { increment: 1 } } });
    // The table is locked by this transaction: it is still OPEN here, whatever else happened.
    if (closed.count !== 1) throw new ConflictError();
    const back = await tx.serviceCase.updateMany({ where: { id: rt.caseId, status: "ROUND_TABLE" }, data: { status: "IN_PROGRESS", version: { increment: 1 } } });
    if (back.count !== 1) throw new ConflictError();
    caseAfter = await tx.serviceCase.findUniqueOrThrow({ where: { id: rt.caseId }, select: { status: true, version: true } });
  }
  return { department, concluded: caseAfter !== null, waiting, caseAfter };
}

/** A stored document's row (the bytes are put by the action once the row is written). */
export async function addCaseDocument(actor: Actor, c: CaseRef, doc: { fileKey: string; fileName: string; mime: string; size: number }, tx: Tx) {
  if (c.status === "CANCELLED") throw new RuleViolation("serviceStation.caseClosed");
  return tx.serviceCaseDocument.create({ data: { caseId: c.id, ...doc, uploadedById: actor.id, createdAt: clockNow() } });
}
