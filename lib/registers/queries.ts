// Register reads, always confined to the actor's org subtree. Lists are keyset-paged by id
// (no OFFSET, no count over the table) so they stay fast at 500,000 households.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { inSubtree } from "@/lib/platform/org/scope";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { Prisma } from "@/lib/generated/prisma/client";
import { ENTERPRISES, HOUSEHOLDS, type RegisterDescriptor } from "./kinds";
import type { EnterpriseSizeValue } from "./schemas";

export const PAGE_SIZE = 50;

/** What every register list filters by; each kind adds one filter of its own. */
export type RegisterFilter = { q?: string; addr?: string; orgUnitId?: string; active?: boolean };
export type HouseholdFilter = RegisterFilter & { tag?: string };
export type EnterpriseFilter = RegisterFilter & { size?: EnterpriseSizeValue };

/**
 * Ids of the org units a list may show: the actor's subtree, or the chosen unit's subtree
 * inside it. A unit outside the actor's subtree (a forged filter) yields none.
 */
export async function scopeUnitIds(actor: Actor, orgUnitId?: string, client: Db | Tx = db): Promise<string[]> {
  let path = actor.orgPath;
  if (orgUnitId) {
    const unit = await client.orgUnit.findFirst({ where: { id: orgUnitId, path: { startsWith: actor.orgPath } }, select: { path: true } });
    if (!unit) return [];
    path = unit.path;
  }
  const units = await client.orgUnit.findMany({ where: { path: { startsWith: path } }, select: { id: true } });
  return units.map((u) => u.id);
}

/** Distinct two-character substrings, by code point (as PostgreSQL's text_bigrams()). */
export function bigrams(text: string): string[] {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/**
 * "Address contains …": the GIN index on addressBigrams finds rows having every bigram of
 * the query; `contains` then checks they appear in order. One character has no bigram and
 * falls back to the scan within the scoped units.
 */
function addressContains(query: string) {
  const grams = bigrams(query);
  return grams.length ? { addressBigrams: { hasEvery: grams }, address: { contains: query } } : { address: { contains: query } };
}

/** The conditions both registers' lists share: scope, active state, address. */
async function commonWhere(actor: Actor, filter: RegisterFilter, client: Db | Tx) {
  const unitIds = await scopeUnitIds(actor, filter.orgUnitId, client);
  return {
    orgUnitId: { in: unitIds },
    ...(filter.active === undefined ? {} : { active: filter.active }),
    ...(filter.addr ? addressContains(filter.addr) : {}),
  };
}

type Scoped = { orgUnitId: { in: string[] } };

export async function householdWhere(actor: Actor, filter: HouseholdFilter, client: Db | Tx = db): Promise<Prisma.HouseholdWhereInput & Scoped> {
  return {
    ...(await commonWhere(actor, filter, client)),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    // Name prefix (indexed) or the exact household key (unique index).
    ...(filter.q ? { OR: [{ headName: { startsWith: filter.q } }, { householdKey: filter.q }] } : {}),
  };
}

export async function enterpriseWhere(actor: Actor, filter: EnterpriseFilter, client: Db | Tx = db): Promise<Prisma.EnterpriseWhereInput & Scoped> {
  const code = filter.q?.replace(/\s+/g, "").toUpperCase();
  return {
    ...(await commonWhere(actor, filter, client)),
    ...(filter.size ? { size: filter.size } : {}),
    ...(filter.q ? { OR: [{ name: { startsWith: filter.q } }, { creditCode: code }] } : {}),
  };
}

/** Keyset paging by id: rows after the previous page's last id, one extra row to know a next page exists. */
function pageArgs(after?: string) {
  return { after: after ? [{ id: { gt: after } }] : [], orderBy: { id: "asc" as const }, take: PAGE_SIZE + 1 };
}

const REGISTER_TABLE = { household: Prisma.sql`household`, enterprise: Prisma.sql`enterprise` } as const;

/**
 * One keyset page of a register's rows (PAGE_SIZE + 1, by id). A list filtered by unit and
 * active state only is read unit by unit: each unit gives its first rows after the cursor
 * through its (orgUnitId, id) index, and the first of those are kept — the same page as one
 * `orgUnitId IN (…) ORDER BY id` walked the primary key through every other area's rows until
 * it had a page, ≈ 300 ms at district scale for a village with few households. A name, key,
 * tag, size or address search keeps the plain query (`load.filtered`): those have indexes of
 * their own.
 */
async function registerPage<R extends { id: string }>(
  table: keyof typeof REGISTER_TABLE,
  scope: { unitIds: string[]; active: boolean | undefined; searched: boolean; after: string | undefined },
  load: { byIds: (ids: string[]) => Promise<R[]>; filtered: (page: ReturnType<typeof pageArgs>) => Promise<R[]> },
  client: Db | Tx,
): Promise<R[]> {
  if (scope.searched) return load.filtered(pageArgs(scope.after));
  const take = PAGE_SIZE + 1;
  const activeIs = scope.active === undefined ? Prisma.empty : Prisma.sql`AND active = ${scope.active}`;
  const cursor = scope.after ? Prisma.sql`AND id > ${scope.after}` : Prisma.empty;
  const ids = (await client.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM unnest(${scope.unitIds}::text[]) AS u(id)
    CROSS JOIN LATERAL (
      SELECT id FROM ${REGISTER_TABLE[table]} WHERE "orgUnitId" = u.id ${activeIs} ${cursor} ORDER BY id LIMIT ${take}
    ) r
    ORDER BY r.id LIMIT ${take}`).map((r) => r.id);
  const byId = new Map((await load.byIds(ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The first PAGE_SIZE rows as the list shows them, and the cursor of the next page (if any). */
function keysetPage<R extends { id: string }, V>(rows: R[], view: (row: R) => V) {
  const kept = rows.slice(0, PAGE_SIZE);
  return { page: kept.map(view), nextCursor: rows.length > PAGE_SIZE ? kept[kept.length - 1]?.id : undefined };
}

/** One page of households, phones masked. `after` is the last id of the previous page. */
export async function listHouseholds(actor: Actor, filter: HouseholdFilter, after?: string, client: Db | Tx = db) {
  const where = await householdWhere(actor, filter, client);
  const select = {
    id: true, householdKey: true, headName: true, address: true, phone: true, membersCount: true, tags: true, active: true,
    orgUnit: { select: { id: true, name: true } },
  } as const;
  const rows = await registerPage("household", { unitIds: where.orgUnitId.in, active: filter.active, searched: !!(filter.q || filter.tag || filter.addr), after }, {
    byIds: (ids) => client.household.findMany({ where: { id: { in: ids } }, select }),
    filtered: ({ after: cursor, ...paging }) => client.household.findMany({ where: { AND: [where, ...cursor] }, ...paging, select }),
  }, client);
  const { page, nextCursor } = keysetPage(rows, ({ phone, ...h }) => ({ ...h, phoneMasked: maskPhone(phone) }));
  return { households: page, nextCursor };
}

export async function listEnterprises(actor: Actor, filter: EnterpriseFilter, after?: string, client: Db | Tx = db) {
  const where = await enterpriseWhere(actor, filter, client);
  const select = {
    id: true, name: true, creditCode: true, address: true, industry: true, size: true, contactName: true, contactPhone: true, active: true,
    orgUnit: { select: { id: true, name: true } },
    commissioner: { select: { id: true, name: true } },
  } as const;
  const rows = await registerPage("enterprise", { unitIds: where.orgUnitId.in, active: filter.active, searched: !!(filter.q || filter.size || filter.addr), after }, {
    byIds: (ids) => client.enterprise.findMany({ where: { id: { in: ids } }, select }),
    filtered: ({ after: cursor, ...paging }) => client.enterprise.findMany({ where: { AND: [where, ...cursor] }, ...paging, select }),
  }, client);
  const { page, nextCursor } = keysetPage(rows, ({ contactPhone, ...e }) => ({ ...e, contactPhoneMasked: maskPhone(contactPhone) }));
  return { enterprises: page, nextCursor };
}

/**
 * The one `…OrThrow` shape of both registers: found only inside the actor's subtree (else the
 * same NotFoundError for "missing" and "out of area"), with the unit's path as `orgPath`.
 */
async function inSubtreeOrThrow<R extends { orgUnit: { path: string } }>(register: RegisterDescriptor, id: string, found: R | null) {
  if (!found) throw new NotFoundError({ entityType: register.entityType, entityId: id });
  return { ...found, orgPath: found.orgUnit.path };
}

const unitSummary = { select: { id: true, name: true, path: true, active: true } } as const;

/** A household in the actor's subtree (full record, phone included: callers decide what to show), or NotFoundError. */
export async function getHouseholdOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  return inSubtreeOrThrow(HOUSEHOLDS, id, await client.household.findFirst({ where: { id, ...inSubtree(actor) }, include: { orgUnit: unitSummary } }));
}

export async function getEnterpriseOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  return inSubtreeOrThrow(ENTERPRISES, id, await client.enterprise.findFirst({
    where: { id, ...inSubtree(actor) },
    include: { orgUnit: unitSummary, commissioner: { select: { id: true, name: true, username: true } } },
  }));
}

/** Users who may be an enterprise's economic commissioner: active, in the actor's subtree. */
export async function commissionerOptions(actor: Actor, client: Db | Tx = db) {
  return client.user.findMany({
    where: { active: true, ...inSubtree(actor) },
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, username: true, orgUnit: { select: { name: true } } },
    take: 500,
  });
}

/** Distinct tags in use, for the tag filter (a bounded sample, not a scan of every row). */
export async function householdTagOptions(actor: Actor, client: Db | Tx = db): Promise<string[]> {
  const unitIds = await scopeUnitIds(actor, undefined, client);
  const rows = await client.household.findMany({
    where: { orgUnitId: { in: unitIds }, NOT: { tags: { isEmpty: true } } },
    select: { tags: true },
    orderBy: { id: "desc" },
    take: 2000,
  });
  const tags = new Set<string>(["困难家庭", "新居民"]);
  for (const r of rows) for (const t of r.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b, "zh-CN")).slice(0, 50);
}
