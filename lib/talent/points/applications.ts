// Applications for points (积分申报): reads scoped by the enterprise's org unit, and the
// writes of the state machine DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED / REJECTED /
// RETURNED (→ edited → SUBMITTED again). Every transition is one conditional UPDATE on
// (id, version, status) plus a timeline event. Approving writes the GRANT entries, caps
// applied, in the same transaction.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import type { ApplicationStatus, PointSubject } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyCaps, linePoints, parseLevels } from "./rules";
import { ensureAccount, itemPointsSoFar, nextSequence, postEntry, shanghaiYear } from "./ledger";
import { OTHER_EVIDENCE } from "./evidence";

export function applicationScope(actor: Pick<Actor, "orgPath">): Prisma.PointApplicationWhereInput {
  return { enterprise: { orgUnit: { path: { startsWith: actor.orgPath } } } };
}

export async function getApplicationOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const app = await client.pointApplication.findFirst({
    where: { id, ...applicationScope(actor) },
    include: {
      enterprise: { select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true, name: true } } } },
      talent: { select: { id: true, name: true, orgUnitId: true, idLast4: true } },
      preparedBy: { select: { id: true, name: true } },
      reviewer: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
      lines: { orderBy: { id: "asc" }, include: { item: { select: { id: true, code: true, name: true, levels: true, capPerItem: true, capPerYear: true, evidenceTypes: true, validityMonths: true } } } },
      evidence: { orderBy: { createdAt: "asc" }, select: { id: true, lineId: true, evidenceType: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true } },
      events: { orderBy: { at: "asc" } },
      entries: { orderBy: { seq: "asc" }, select: { seq: true, kind: true, points: true, itemId: true, reason: true, at: true, reversesSeq: true } },
    },
  });
  if (!app) throw new NotFoundError({ entityType: "PointApplication", entityId: id });
  return { ...app, orgPath: app.enterprise.orgUnit.path };
}
export type ApplicationRow = Awaited<ReturnType<typeof getApplicationOrThrow>>;

export type ApplicationFilter = { status?: ApplicationStatus[]; talentId?: string; enterpriseId?: string; subject?: PointSubject };

export async function listApplications(actor: Actor, filter: ApplicationFilter, take = 100, skip = 0, client: Db | Tx = db) {
  return client.pointApplication.findMany({
    where: {
      AND: [
        applicationScope(actor),
        filter.status ? { status: { in: filter.status } } : {},
        filter.talentId ? { talentId: filter.talentId } : {},
        filter.enterpriseId ? { enterpriseId: filter.enterpriseId } : {},
        filter.subject ? { subject: filter.subject } : {},
      ],
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: {
      id: true, number: true, subject: true, status: true, submittedAt: true, updatedAt: true,
      talent: { select: { id: true, name: true } }, enterprise: { select: { id: true, name: true } },
      preparedBy: { select: { name: true } },
      lines: { select: { claimedPoints: true, awardedPoints: true } },
    },
  });
}

type LineInput = { itemId: string; levelCode: string; quantity: number; note: string };

/** Lines with points computed from the items' rule tables (never from the client). */
export async function priceLines(programmeId: string, subject: PointSubject, lines: LineInput[], tx: Tx) {
  const items = await tx.pointItem.findMany({ where: { programmeId, subject, active: true, id: { in: lines.map((l) => l.itemId) } } });
  return lines.map((line, i) => {
    const item = items.find((it) => it.id === line.itemId);
    if (!item) throw new RuleViolation("points.itemUnknown", `lines.${i}.itemId`);
    const points = linePoints(parseLevels(item.levels), line.levelCode, line.quantity);
    if (points === null) throw new RuleViolation("points.levelUnknown", `lines.${i}.levelCode`);
    return { itemId: item.id, levelCode: line.levelCode, quantity: line.quantity, note: line.note, claimedPoints: points };
  });
}

export async function createApplication(
  data: { programmeId: string; subject: PointSubject; talentId: string | null; enterpriseId: string; orgUnitId: string; preparedById: string },
  lines: LineInput[], tx: Tx,
) {
  const priced = await priceLines(data.programmeId, data.subject, lines, tx);
  const year = shanghaiYear();
  const n = await nextSequence(`points.application.${year}`, tx);
  const number = `JF${year}-${String(n).padStart(5, "0")}`;
  const app = await tx.pointApplication.create({ data: { ...data, number, lines: { create: priced } } });
  await tx.pointApplicationEvent.create({ data: { applicationId: app.id, toStatus: "DRAFT", actorId: data.preparedById } });
  return app;
}

export const EDITABLE: ApplicationStatus[] = ["DRAFT", "RETURNED"];

/** Replaces the lines of a draft (or returned) application; evidence tied to removed lines stays, untied. */
export async function updateApplicationLines(app: ApplicationRow, version: number, lines: LineInput[], tx: Tx) {
  const priced = await priceLines(app.programmeId, app.subject, lines, tx);
  const { count } = await tx.pointApplication.updateMany({ where: { id: app.id, version, status: { in: EDITABLE } }, data: { version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  await tx.pointApplicationLine.deleteMany({ where: { applicationId: app.id } });
  await tx.pointApplicationLine.createMany({ data: priced.map((l) => ({ ...l, applicationId: app.id })) });
  return tx.pointApplication.findUniqueOrThrow({ where: { id: app.id } });
}

/** One conditional transition (id, version, allowed from-states) plus its timeline event. */
export async function transition(
  app: ApplicationRow, version: number, from: ApplicationStatus[], to: ApplicationStatus, actorId: string, note: string,
  data: Prisma.PointApplicationUncheckedUpdateManyInput = {}, tx: Tx,
) {
  if (!from.includes(app.status)) throw new ConflictError("statusTransition", { from: app.status, to });
  const { count } = await tx.pointApplication.updateMany({
    where: { id: app.id, version, status: { in: from } },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  await tx.pointApplicationEvent.create({ data: { applicationId: app.id, fromStatus: app.status, toStatus: to, actorId, note } });
  return { id: app.id, version: version + 1, status: to };
}

/** Before submitting: at least one line, and for each item that names evidence types, a file of one of them. */
export function missingEvidence(app: ApplicationRow): string[] {
  const missing: string[] = [];
  for (const line of app.lines) {
    const types = line.item.evidenceTypes;
    if (types.length === 0) continue;
    const ok = app.evidence.some((e) => e.lineId === line.id || types.includes(e.evidenceType));
    if (!ok) missing.push(line.item.name);
  }
  return [...new Set(missing)];
}

export function allowedEvidenceTypes(app: ApplicationRow): string[] {
  return [...new Set([...app.lines.flatMap((l) => l.item.evidenceTypes), OTHER_EVIDENCE])];
}

/**
 * A calendar date (UTC midnight) plus whole months, kept in the target month: 31 Jan + 1 month
 * is 28/29 Feb and 29 Feb + 12 months is 28 Feb, not a day or three into March (which would
 * lengthen the validity).
 */
export function addMonths(date: Date, months: number): Date {
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
}

/** Today's calendar date in Asia/Shanghai, as UTC midnight (the @db.Date convention). */
export function shanghaiToday(now = clockNow()): Date {
  const s = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
  return new Date(`${s}T00:00:00Z`);
}

export type LineAward = { lineId: string; itemName: string; claimed: number; awarded: number; cappedBy: "item" | "year" | null; cap: number | null };

/**
 * Approves: the status moves first (conditional, so two approvers cannot both grant), the
 * account row is locked so caps are computed against a stable history, then each line gets
 * its award (caps per item and per year) and a GRANT entry.
 */
export async function approveApplication(app: ApplicationRow, version: number, actorId: string, note: string, now = clockNow(), tx: Tx) {
  const result = await transition(app, version, ["SUBMITTED", "UNDER_REVIEW"], "APPROVED", actorId, note, { decidedById: actorId, decidedAt: now, decisionNote: note || null }, tx);
  const holder = app.subject === "TALENT"
    ? { id: app.talent!.id, orgUnitId: app.talent!.orgUnitId }
    : { id: app.enterprise.id, orgUnitId: app.enterprise.orgUnitId };
  const accountId = await ensureAccount(app.subject, holder, tx);
  await tx.$queryRaw`SELECT id FROM point_account WHERE id = ${accountId} FOR UPDATE`;
  const year = shanghaiYear(now);
  const today = shanghaiToday(now);
  const awards: LineAward[] = [];
  for (const line of app.lines) {
    const item = line.item;
    const soFar = await itemPointsSoFar(accountId, item.id, year, tx);
    const { awarded, cappedBy } = applyCaps(line.claimedPoints, { capPerItem: item.capPerItem, capPerYear: item.capPerYear }, soFar.total, soFar.inYear);
    await tx.pointApplicationLine.update({ where: { id: line.id }, data: { awardedPoints: awarded } });
    const level = parseLevels(item.levels).find((l) => l.code === line.levelCode);
    const cap = cappedBy === "item" ? item.capPerItem : cappedBy === "year" ? item.capPerYear : null;
    const capText = cappedBy ? `；申报 ${line.claimedPoints} 分，${cappedBy === "item" ? "单项" : "年度"}上限 ${cap} 分，核定 ${awarded} 分` : "";
    if (awarded > 0) {
      await postEntry({
        accountId, kind: "GRANT", points: awarded, year, itemId: item.id, applicationId: app.id,
        expiresOn: item.validityMonths ? addMonths(today, item.validityMonths) : null,
        reason: `${app.number} ${item.name}（${level?.label ?? line.levelCode}${line.quantity > 1 ? ` ×${line.quantity}` : ""}）${capText}`, actorId,
      }, tx);
    }
    awards.push({ lineId: line.id, itemName: item.name, claimed: line.claimedPoints, awarded, cappedBy, cap });
  }
  return { ...result, accountId, awards, total: awards.reduce((s, a) => s + a.awarded, 0) };
}

/** An evidence file of an application in the actor's scope (null otherwise). */
export async function getEvidenceInScope(actor: Actor, evidenceId: string, client: Db | Tx = db) {
  return client.pointEvidence.findFirst({ where: { id: evidenceId, application: applicationScope(actor) }, select: { storageKey: true, mimeType: true, fileName: true, applicationId: true, application: { select: { enterprise: { select: { orgUnitId: true } } } } } });
}
