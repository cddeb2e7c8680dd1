// Scoped reads of the service stations. A station, and everything of it (catalogue, bundles,
// cases, round-tables), is visible in its org unit's subtree: the station's own staff and the
// managers above it. A forged id outside the subtree is "not found".
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { inSubtree } from "@/lib/platform/org/scope";
import { ROLES, roleHas } from "@/lib/platform/authz/permissions";
import { now as clockNow } from "@/lib/platform/clock";
import { decodeCursor, encodeCursor } from "@/lib/platform/cursor";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { shanghaiDayStart, todayInShanghai } from "@/lib/platform/shanghai";
import type { CASE_CHANNELS, CaseStatusValue } from "./schemas";

/** `where` for service_station rows the actor may see. */
export function stationScope(actor: Pick<Actor, "orgPath">) {
  return inSubtree(actor);
}

/** `where` for rows of a station (items, bundles): through their station. */
export function ofVisibleStation(actor: Pick<Actor, "orgPath">) {
  return { station: stationScope(actor) };
}

export async function listStations(actor: Actor, client: Client = db) {
  return client.serviceStation.findMany({
    where: stationScope(actor),
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, address: true, hours: true, active: true, version: true,
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true } },
    },
  });
}

/** A station in the actor's subtree (orgPath for assertCan), or NotFoundError. */
export async function getStationOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const station = await client.serviceStation.findFirst({
    where: { AND: [{ id }, stationScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true, startDate: true, endDate: true } },
    },
  });
  if (!station) throw new NotFoundError({ entityType: "ServiceStation", entityId: id });
  return { ...station, orgPath: station.orgUnit.path };
}

// ── Cases (办件), round-tables and documents ─────────────────────────────────────────────────
// A case carries its station's org unit (orgUnitId), so it is scoped like the station itself.

/** `where` for service_case rows the actor may see. */
export function caseScope(actor: Pick<Actor, "orgPath">) {
  return inSubtree(actor);
}

/** Statuses of a case still being handled (the landing page's "open" figure). */
export const OPEN_CASE_STATUSES = ["SCHEDULED", "IN_PROGRESS", "ROUND_TABLE"] as const satisfies readonly CaseStatusValue[];

export const CASE_PAGE_SIZE = 30;

export type CaseListFilter = {
  status?: CaseStatusValue;
  channel?: (typeof CASE_CHANNELS)[number];
  staffId?: string;
  /** Registered on or after / before (exclusive) these instants. */
  from?: Date;
  to?: Date;
  cursor?: string;
};

/** One page of a station's cases, newest first (keyset on createdAt, id), and the next page's cursor. */
export async function listCases(actor: Actor, stationId: string, filter: CaseListFilter = {}, pageSize = CASE_PAGE_SIZE, client: Client = db) {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const rows = await client.serviceCase.findMany({
    where: {
      AND: [
        caseScope(actor),
        { stationId },
        filter.status ? { status: filter.status } : {},
        filter.channel ? { channel: filter.channel } : {},
        filter.staffId ? { staffId: filter.staffId } : {},
        filter.from ? { createdAt: { gte: filter.from } } : {},
        filter.to ? { createdAt: { lt: filter.to } } : {},
        cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true, number: true, channel: true, status: true, outcome: true, scheduledAt: true, startedAt: true, finishedAt: true,
      savedMinutes: true, createdAt: true, visitorName: true,
      enterprise: { select: { id: true, name: true } },
      bundle: { select: { id: true, name: true } },
      staff: { select: { id: true, name: true } },
      _count: { select: { items: true } },
    },
  });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > pageSize && last ? encodeCursor(last.createdAt, last.id) : null };
}

/**
 * The module's landing: each visible station with today's cases (registered today, Shanghai),
 * the cases still open and the round-tables waiting for answers.
 */
export async function stationOverview(actor: Actor, now: Date = clockNow(), client: Client = db) {
  const stations = await listStations(actor, client);
  if (stations.length === 0) return [];
  const ids = stations.map((s) => s.id);
  const dayStart = shanghaiDayStart(todayInShanghai(now));
  const [today, open, waiting] = await Promise.all([
    client.serviceCase.groupBy({ by: ["stationId"], where: { stationId: { in: ids }, createdAt: { gte: dayStart } }, _count: { _all: true } }),
    client.serviceCase.groupBy({ by: ["stationId"], where: { stationId: { in: ids }, status: { in: [...OPEN_CASE_STATUSES] } }, _count: { _all: true } }),
    client.serviceCase.groupBy({ by: ["stationId"], where: { stationId: { in: ids }, roundTables: { some: { status: "OPEN" } } }, _count: { _all: true } }),
  ]);
  const countOf = (rows: { stationId: string; _count: { _all: number } }[], id: string) => rows.find((r) => r.stationId === id)?._count._all ?? 0;
  return stations.map((s) => ({ ...s, todayCases: countOf(today, s.id), openCases: countOf(open, s.id), waitingRoundTables: countOf(waiting, s.id) }));
}

/** A case in the actor's subtree with everything its page shows (phones masked), or NotFoundError. */
export async function getCaseOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const c = await client.serviceCase.findFirst({
    where: { AND: [{ id }, caseScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      station: { select: { id: true, name: true, active: true, orgUnitId: true } },
      programme: { select: { id: true, name: true, status: true } },
      enterprise: { select: { id: true, name: true, creditCode: true, address: true, contactName: true, contactPhone: true } },
      bundle: { select: { id: true, code: true, name: true } },
      staff: { select: { id: true, name: true } },
      createdBy: { select: { id: true, name: true } },
      items: {
        orderBy: [{ item: { sortOrder: "asc" } }, { item: { code: "asc" } }],
        select: { itemId: true, standardMinutes: true, usualMinutes: true, item: { select: { code: true, name: true, kind: true, department: true, category: true } } },
      },
      roundTables: {
        orderBy: { openedAt: "desc" },
        include: {
          openedBy: { select: { id: true, name: true } },
          opinions: { orderBy: { department: "asc" }, include: { answeredBy: { select: { id: true, name: true } } } },
        },
      },
      documents: { orderBy: { createdAt: "desc" }, include: { uploadedBy: { select: { id: true, name: true } } } },
    },
  });
  if (!c) throw new NotFoundError({ entityType: "ServiceCase", entityId: id });
  const { contactPhone, ...enterprise } = c.enterprise;
  return { ...c, enterprise: { ...enterprise, contactPhone: maskPhone(contactPhone) }, orgPath: c.orgUnit.path };
}
export type CaseDetail = Awaited<ReturnType<typeof getCaseOrThrow>>;

/** The departments a case's items need, distinct, in catalogue order (a round-table's default seats). */
export function caseDepartments(c: Pick<CaseDetail, "items">): string[] {
  return [...new Set(c.items.map((i) => i.item.department.trim()).filter(Boolean))];
}

/** A round-table of a case in the actor's subtree (orgPath of the case), or NotFoundError. */
export async function getRoundTableOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const rt = await client.roundTable.findFirst({
    where: { id, case: caseScope(actor) },
    include: {
      case: { select: { id: true, number: true, status: true, version: true, orgUnitId: true, stationId: true, orgUnit: { select: { path: true } }, programme: { select: { status: true } } } },
      opinions: { orderBy: { department: "asc" } },
    },
  });
  if (!rt) throw new NotFoundError({ entityType: "RoundTable", entityId: id });
  return { ...rt, orgPath: rt.case.orgUnit.path };
}

/** A document of a case in the actor's subtree, or NotFoundError. */
export async function getCaseDocumentOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const doc = await client.serviceCaseDocument.findFirst({
    where: { id, case: caseScope(actor) },
    include: { case: { select: { id: true, orgUnitId: true, orgUnit: { select: { path: true } } } } },
  });
  if (!doc) throw new NotFoundError({ entityType: "ServiceCaseDocument", entityId: id });
  return { ...doc, orgPath: doc.case.orgUnit.path };
}

/**
 * Who a case can be handed to (the assign rule in mutations.ts): active users whose role holds
 * serviceStation.case, in the actor's subtree, at the station's unit or above it (so they see the case).
 */
export async function caseStaffOptions(actor: Pick<Actor, "orgPath">, station: { orgPath: string }, client: Client = db) {
  const roles = ROLES.filter((r) => roleHas(r, "serviceStation.case"));
  const chain = station.orgPath.split("/").filter(Boolean);
  return client.user.findMany({
    where: { active: true, role: { in: roles }, orgUnitId: { in: chain }, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, orgUnit: { select: { name: true } } },
  });
}

/**
 * What the new-case form offers: the station's active items and active bundles (with their
 * items) — not a bundle holding an inactive item, which a case would be refused for.
 */
export async function caseFormOptions(stationId: string, client: Client = db) {
  const [items, bundles] = await Promise.all([
    client.serviceItem.findMany({
      where: { stationId, active: true },
      orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, name: true, kind: true, category: true, department: true, standardMinutes: true, usualMinutes: true },
    }),
    client.serviceBundle.findMany({
      where: { stationId, active: true, items: { none: { item: { active: false } } } },
      orderBy: [{ code: "asc" }],
      select: { id: true, code: true, name: true, items: { orderBy: { sortOrder: "asc" }, select: { itemId: true } } },
    }),
  ]);
  return { items, bundles: bundles.map((b) => ({ id: b.id, code: b.code, name: b.name, itemIds: b.items.map((i) => i.itemId) })) };
}
