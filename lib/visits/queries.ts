import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { VisitKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { inSubtree } from "@/lib/platform/org/scope";
import { visibleProgrammes } from "@/lib/programmes";
import { decodeCursor, encodeCursor } from "@/lib/platform/cursor";
import { shanghaiDayStart } from "@/lib/platform/shanghai";
import { campaignSettingsOf } from "@/lib/visits/campaigns";

/** Visits a user sees: those in their org subtree (the visit's unit is the household's or enterprise's). */
export function visitScope(actor: Pick<Actor, "orgPath">) {
  return inSubtree(actor);
}

export type ChecklistEntry = { itemId: string; label: string; checked: boolean; note: string };

export function readChecklist(value: unknown): ChecklistEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => !!e && typeof e === "object")
    .map((e) => ({ itemId: String(e.itemId ?? ""), label: String(e.label ?? ""), checked: e.checked === true, note: typeof e.note === "string" ? e.note : "" }));
}

/** A visit in the actor's subtree, with everything its detail page shows; `orgPath` for permission checks. */
export async function getVisitOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const visit = await client.visit.findFirst({
    where: { AND: [{ id }, visitScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true } },
      officer: { select: { id: true, name: true } },
      mentor: { select: { id: true, name: true } },
      household: { select: { id: true, headName: true, householdKey: true, address: true } },
      enterprise: { select: { id: true, name: true, creditCode: true, address: true } },
      services: { orderBy: { sortOrder: "asc" } },
      problems: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, category: true, status: true, dueDate: true } },
      photos: { orderBy: { createdAt: "asc" }, select: { id: true, mimeType: true, sizeBytes: true, createdAt: true } },
    },
  });
  if (!visit) throw new NotFoundError({ entityType: "Visit", entityId: id });
  return { ...visit, orgPath: visit.orgUnit.path, checklistEntries: readChecklist(visit.checklist) };
}

export type VisitListFilter = {
  programmeId?: string;
  /** Shanghai calendar days, inclusive. */
  from?: string;
  to?: string;
  officerId?: string;
  kind?: VisitKind;
  cursor?: string;
};

export const VISIT_PAGE_SIZE = 30;

/**
 * An officer's own visits; a manager's (or admin's) whole subtree, optionally one officer's.
 * Keyset pagination by (visitedAt desc, id desc): stable under inserts, cheap at any depth.
 */
export async function listVisits(actor: Actor, filter: VisitListFilter = {}, pageSize = VISIT_PAGE_SIZE, client: Db | Tx = db) {
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  const officerId = actor.role === "OFFICER" ? actor.id : filter.officerId;
  const from = filter.from ? shanghaiDayStart(filter.from) : null;
  const until = filter.to ? new Date(shanghaiDayStart(filter.to).getTime() + 86_400_000) : null;
  const select = {
    id: true, kind: true, visitedAt: true,
    orgUnit: { select: { name: true } },
    programme: { select: { id: true, name: true } },
    officer: { select: { id: true, name: true } },
    mentor: { select: { id: true, name: true } },
    household: { select: { headName: true } },
    enterprise: { select: { name: true } },
  } as const;
  let rows;
  if (officerId || filter.programmeId) {
    // An officer's or a campaign's visits: their own (officerId | programmeId, visitedAt) index.
    rows = await client.visit.findMany({
      where: {
        AND: [
          visitScope(actor),
          officerId ? { officerId } : {},
          filter.programmeId ? { programmeId: filter.programmeId } : {},
          filter.kind ? { kind: filter.kind } : {},
          from ? { visitedAt: { gte: from } } : {},
          until ? { visitedAt: { lt: until } } : {},
          cursor ? { OR: [{ visitedAt: { lt: cursor.at } }, { visitedAt: cursor.at, id: { lt: cursor.id } }] } : {},
        ],
      },
      orderBy: [{ visitedAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select,
    });
  } else {
    const ids = await latestVisitIdsInSubtree(actor.orgPath, { kind: filter.kind, from, until, cursor }, pageSize + 1, client);
    const byId = new Map((await client.visit.findMany({ where: { id: { in: ids } }, select })).map((v) => [v.id, v]));
    rows = ids.flatMap((id) => byId.get(id) ?? []);
  }
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const counts = await listCounts(page.map((v) => v.id), client);
  return {
    rows: page.map((v) => ({ ...v, _count: counts.get(v.id) ?? { problems: 0, services: 0, photos: 0 } })),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last.visitedAt, last.id) : null,
  };
}

/**
 * The ids of a subtree's newest visits, newest first, `take` of them: each unit of the subtree
 * gives its own newest through the (orgUnitId, visitedAt, id) index (index-only), and the newest of those are
 * kept. One ORDER BY over the subtree's join could use no index: a district manager's
 * unfiltered list sorted all 3 M visits of the district (1.2 s at district scale), and an index
 * on visitedAt alone walks the table backwards through other areas' visits for a unit with few
 * (14 s for a unit with none). The filters narrow each unit's scan; the ones with an index of
 * their own (officer, campaign) stay with listVisits' Prisma query.
 */
async function latestVisitIdsInSubtree(
  orgPath: string,
  filter: { kind?: VisitKind; from: Date | null; until: Date | null; cursor: { at: Date; id: string } | null },
  take: number,
  client: Db | Tx,
): Promise<string[]> {
  const kind = filter.kind ? Prisma.sql`AND kind = ${filter.kind}::"VisitKind"` : Prisma.empty;
  const from = filter.from ? Prisma.sql`AND "visitedAt" >= ${filter.from}` : Prisma.empty;
  const until = filter.until ? Prisma.sql`AND "visitedAt" < ${filter.until}` : Prisma.empty;
  const after = filter.cursor ? Prisma.sql`AND ("visitedAt", id) < (${filter.cursor.at}, ${filter.cursor.id})` : Prisma.empty;
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT v.id FROM org_unit o
    CROSS JOIN LATERAL (
      SELECT id, "visitedAt" FROM visit
      WHERE "orgUnitId" = o.id ${kind} ${from} ${until} ${after}
      ORDER BY "visitedAt" DESC, id DESC LIMIT ${take}
    ) v
    WHERE starts_with(o.path, ${orgPath})
    ORDER BY v."visitedAt" DESC, v.id DESC LIMIT ${take}`;
  return rows.map((r) => r.id);
}

/**
 * Problems, services and photos per visit of one page. Not Prisma's `_count` select: that
 * joins a GROUP BY over each whole table (seconds at 3 M visits); this reads the page's ids
 * through the visitId indexes.
 */
export async function listCounts(visitIds: string[], client: Db | Tx = db) {
  const counts = new Map<string, { problems: number; services: number; photos: number }>();
  if (!visitIds.length) return counts;
  for (const id of visitIds) counts.set(id, { problems: 0, services: 0, photos: 0 });
  const where = { visitId: { in: visitIds } };
  const [problems, services, photos] = await Promise.all([
    client.problem.groupBy({ by: ["visitId"], where, _count: { _all: true } }),
    client.visitService.groupBy({ by: ["visitId"], where, _count: { _all: true } }),
    client.visitPhoto.groupBy({ by: ["visitId"], where, _count: { _all: true } }),
  ]);
  for (const r of problems) if (r.visitId) counts.get(r.visitId)!.problems = r._count._all;
  for (const r of services) counts.get(r.visitId)!.services = r._count._all;
  for (const r of photos) counts.get(r.visitId)!.photos = r._count._all;
  return counts;
}

/** Active visit campaigns the actor may record visits for. */
export function activeCampaignsWhere(actor: Pick<Actor, "orgPath">) {
  return { AND: [visibleProgrammes(actor), { type: "VISIT_CAMPAIGN" as const, status: "ACTIVE" as const }] };
}

/** Everything the visit form offers: campaigns with their checklist and officer→mentor pairs, officers for a manager. */
export async function visitFormOptions(actor: Actor, client: Db | Tx = db) {
  const campaigns = await client.programme.findMany({
    where: activeCampaignsWhere(actor),
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, settings: true,
      checkItems: { where: { active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, label: true } },
      campaignParticipants: { select: { officerId: true, mentor: { select: { id: true, name: true } } } },
    },
  });
  const officers = actor.role === "OFFICER"
    ? []
    : await client.user.findMany({
        where: { active: true, role: "OFFICER", orgUnit: { path: { startsWith: actor.orgPath } } },
        orderBy: { name: "asc" },
        take: 1000,
        select: { id: true, name: true, orgUnit: { select: { name: true } } },
      });
  return {
    campaigns: campaigns.map((c) => {
      const mentors = new Map<string, string>();
      const mentorOf: Record<string, string> = {};
      for (const p of c.campaignParticipants) {
        if (!p.mentor) continue;
        mentors.set(p.mentor.id, p.mentor.name);
        mentorOf[p.officerId] = p.mentor.id;
      }
      return {
        id: c.id, name: c.name, checkItems: c.checkItems,
        participantIds: c.campaignParticipants.map((p) => p.officerId),
        mentors: [...mentors].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
        mentorOf,
        problemDueDays: campaignSettingsOf(c.settings).problemDueDays,
      };
    }),
    officers: officers.map((o) => ({ id: o.id, name: o.name, orgName: o.orgUnit.name })),
  };
}

/** A household or enterprise the visit form's quick search found (the platform's one register lookup). */
export type { RegisterMatch as PlaceMatch } from "@/lib/platform/search/registers";

/** Visit campaigns the actor can see (for list filters), active or not. */
export async function visitCampaignOptions(actor: Actor, client: Db | Tx = db) {
  return client.programme.findMany({
    where: { AND: [visibleProgrammes(actor), { type: "VISIT_CAMPAIGN" }] },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

/** Officers in the actor's subtree (the manager's "officer" filter). */
export async function officerOptions(actor: Actor, client: Db | Tx = db) {
  return client.user.findMany({
    where: { role: { in: ["OFFICER", "MANAGER"] }, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: { name: "asc" },
    take: 1000,
    select: { id: true, name: true },
  });
}

/** Mentors offered when editing a visit: the campaign's mentors, plus the visit's own. */
export async function visitMentorOptions(programmeId: string | null, current: { id: string; name: string } | null, client: Db | Tx = db) {
  const rows = programmeId
    ? await client.campaignParticipant.findMany({ where: { programmeId, mentorId: { not: null } }, select: { mentor: { select: { id: true, name: true } } } })
    : [];
  const byId = new Map<string, string>();
  for (const r of rows) if (r.mentor) byId.set(r.mentor.id, r.mentor.name);
  if (current) byId.set(current.id, current.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}
