// Register reads, always confined to the actor's org subtree. Lists are keyset-paged by id
// (no OFFSET, no count over the table) so they stay fast at 500,000 households.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { inSubtree } from "@/lib/platform/org/scope";
import { maskPhone } from "@/lib/platform/privacy/mask";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EnterpriseSizeValue } from "./schemas";

export const PAGE_SIZE = 50;

export type HouseholdFilter = { q?: string; addr?: string; orgUnitId?: string; tag?: string; active?: boolean };
export type EnterpriseFilter = { q?: string; addr?: string; orgUnitId?: string; size?: EnterpriseSizeValue; active?: boolean };

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

export async function householdWhere(actor: Actor, filter: HouseholdFilter, client: Db | Tx = db): Promise<Prisma.HouseholdWhereInput> {
  const unitIds = await scopeUnitIds(actor, filter.orgUnitId, client);
  return {
    orgUnitId: { in: unitIds },
    ...(filter.active === undefined ? {} : { active: filter.active }),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.addr ? addressContains(filter.addr) : {}),
    // Name prefix (indexed) or the exact household key (unique index).
    ...(filter.q ? { OR: [{ headName: { startsWith: filter.q } }, { householdKey: filter.q }] } : {}),
  };
}

export async function enterpriseWhere(actor: Actor, filter: EnterpriseFilter, client: Db | Tx = db): Promise<Prisma.EnterpriseWhereInput> {
  const unitIds = await scopeUnitIds(actor, filter.orgUnitId, client);
  const code = filter.q?.replace(/\s+/g, "").toUpperCase();
  return {
    orgUnitId: { in: unitIds },
    ...(filter.active === undefined ? {} : { active: filter.active }),
    ...(filter.size ? { size: filter.size } : {}),
    ...(filter.addr ? addressContains(filter.addr) : {}),
    ...(filter.q ? { OR: [{ name: { startsWith: filter.q } }, { creditCode: code }] } : {}),
  };
}

/** One page of households, phones masked. `after` is the last id of the previous page. */
export async function listHouseholds(actor: Actor, filter: HouseholdFilter, after?: string, client: Db | Tx = db) {
  const where = await householdWhere(actor, filter, client);
  const rows = await client.household.findMany({
    where: { AND: [where, ...(after ? [{ id: { gt: after } }] : [])] },
    orderBy: { id: "asc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true, householdKey: true, headName: true, address: true, phone: true, membersCount: true, tags: true, active: true,
      orgUnit: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE).map(({ phone, ...h }) => ({ ...h, phoneMasked: maskPhone(phone) }));
  return { households: page, nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1]?.id : undefined };
}

export async function listEnterprises(actor: Actor, filter: EnterpriseFilter, after?: string, client: Db | Tx = db) {
  const where = await enterpriseWhere(actor, filter, client);
  const rows = await client.enterprise.findMany({
    where: { AND: [where, ...(after ? [{ id: { gt: after } }] : [])] },
    orderBy: { id: "asc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true, name: true, creditCode: true, address: true, industry: true, size: true, contactName: true, contactPhone: true, active: true,
      orgUnit: { select: { id: true, name: true } },
      commissioner: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE).map(({ contactPhone, ...e }) => ({ ...e, contactPhoneMasked: maskPhone(contactPhone) }));
  return { enterprises: page, nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1]?.id : undefined };
}

/** A household in the actor's subtree (full record, phone included: callers decide what to show), or NotFoundError. */
export async function getHouseholdOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const household = await client.household.findFirst({
    where: { id, ...inSubtree(actor) },
    include: { orgUnit: { select: { id: true, name: true, path: true, active: true } } },
  });
  if (!household) throw new NotFoundError({ entityType: "Household", entityId: id });
  return { ...household, orgPath: household.orgUnit.path };
}

export async function getEnterpriseOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const enterprise = await client.enterprise.findFirst({
    where: { id, ...inSubtree(actor) },
    include: {
      orgUnit: { select: { id: true, name: true, path: true, active: true } },
      commissioner: { select: { id: true, name: true, username: true } },
    },
  });
  if (!enterprise) throw new NotFoundError({ entityType: "Enterprise", entityId: id });
  return { ...enterprise, orgPath: enterprise.orgUnit.path };
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
