// A station's configuration: the station itself, its catalogue of 人工服务事项 (staffed) and
// 自助服务事项 (self-service) items and its "一类事" bundles. Reads are scoped through the
// station (lib/service-stations/queries.ts): an item or bundle of a station outside the actor's
// subtree is "not found". Writes take the transaction of action() and are audited by the
// actions (catalogue-actions.ts); each edit is conditional on the row's version.
import "server-only";
import type { z } from "zod";
import { db, type Client, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, DomainError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { fieldMessage } from "@/lib/platform/i18n/zod";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { filterEnum, filterText } from "@/lib/platform/url-filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { programmesOfKind } from "@/lib/programmes";
import { getServiceStationProgramme, serviceStationKind } from "./programme";
import { ofVisibleStation } from "./queries";
import {
  SERVICE_ITEM_KINDS,
  type createBundleSchema,
  type createItemSchema,
  type createStationSchema,
  type ServiceItemKindValue,
  type updateBundleSchema,
  type updateItemSchema,
  type updateStationSchema,
} from "./schemas";

// ── Catalogue list ─────────────────────────────────────────────────────────────────────────

/** Which items the list shows by their active flag: the default is the active ones. */
export const ITEM_STATES = ["active", "inactive", "all"] as const;

/** The catalogue page's URL filters (lib/platform/url-filters.ts), one schema per parameter. */
export const catalogueFilterShape = {
  kind: filterEnum(SERVICE_ITEM_KINDS),
  category: filterText(40),
  department: filterText(60),
  q: filterText(100),
  state: filterEnum(ITEM_STATES),
};

export type CatalogueFilter = {
  kind?: ServiceItemKindValue;
  category?: string;
  department?: string;
  q?: string;
  state?: (typeof ITEM_STATES)[number];
};

const ITEM_SELECT = {
  id: true, stationId: true, code: true, kind: true, name: true, category: true, department: true, documentsNeeded: true,
  standardMinutes: true, usualMinutes: true, active: true, sortOrder: true, version: true,
} as const;

/** The station's items matching the filters: staffed first, then by sort order and code. */
export async function listItems(actor: Pick<Actor, "orgPath">, stationId: string, filter: CatalogueFilter = {}, client: Client = db) {
  const q = filter.q?.trim();
  const state = filter.state ?? "active";
  return client.serviceItem.findMany({
    where: {
      AND: [
        { stationId },
        ofVisibleStation(actor),
        filter.kind ? { kind: filter.kind } : {},
        filter.category ? { category: filter.category } : {},
        filter.department ? { department: filter.department } : {},
        state === "all" ? {} : { active: state === "active" },
        q
          ? { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { code: { contains: q, mode: "insensitive" as const } }, { documentsNeeded: { contains: q, mode: "insensitive" as const } }] }
          : {},
      ],
    },
    orderBy: [{ kind: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
    select: ITEM_SELECT,
  });
}

/**
 * The counts at the top of the catalogue ("人工服务事项 32 项 · 自助服务事项 150 项", active items)
 * and the categories and departments its filters offer (of all items, so a filter on an
 * inactive item's department still has its option).
 */
export async function catalogueSummary(actor: Pick<Actor, "orgPath">, stationId: string, client: Client = db) {
  const where = { AND: [{ stationId }, ofVisibleStation(actor)] };
  const [byKind, categories, departments] = await Promise.all([
    client.serviceItem.groupBy({ by: ["kind"], where: { AND: [...where.AND, { active: true }] }, _count: { _all: true } }),
    client.serviceItem.findMany({ where, distinct: ["category"], select: { category: true }, orderBy: { category: "asc" } }),
    client.serviceItem.findMany({ where, distinct: ["department"], select: { department: true }, orderBy: { department: "asc" } }),
  ]);
  const count = (kind: ServiceItemKindValue) => byKind.find((k) => k.kind === kind)?._count._all ?? 0;
  return {
    staffed: count("STAFFED"),
    selfService: count("SELF_SERVICE"),
    categories: categories.map((c) => c.category).filter(Boolean),
    departments: departments.map((d) => d.department).filter(Boolean),
  };
}

/** The departments named by the station's items, for the forms' suggestions. */
export async function listDepartments(actor: Pick<Actor, "orgPath">, stationId: string, client: Client = db): Promise<string[]> {
  return (await catalogueSummary(actor, stationId, client)).departments;
}

/** An item of a station in the actor's subtree (orgPath of the station, for assertCan), or NotFoundError. */
export async function getItemOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const item = await client.serviceItem.findFirst({
    where: { AND: [{ id }, ofVisibleStation(actor)] },
    select: { ...ITEM_SELECT, station: { select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true } } } } },
  });
  if (!item) throw new NotFoundError({ entityType: "ServiceItem", entityId: id });
  return { ...item, orgPath: item.station.orgUnit.path };
}

// ── Bundles ───────────────────────────────────────────────────────────────────────────────

const BUNDLE_INCLUDE = {
  items: {
    orderBy: { sortOrder: "asc" },
    select: { item: { select: { id: true, code: true, kind: true, name: true, department: true, standardMinutes: true, usualMinutes: true, active: true } } },
  },
} as const satisfies Prisma.ServiceBundleInclude;

type BundleRow = Prisma.ServiceBundleGetPayload<{ include: typeof BUNDLE_INCLUDE }>;

/** A bundle with its items in order, the departments it needs (its items' distinct departments, in item order) and its times. */
function shapeBundle(bundle: BundleRow) {
  const items = bundle.items.map((i) => i.item);
  const departments = [...new Set(items.map((i) => i.department).filter(Boolean))];
  return {
    ...bundle,
    items,
    departments,
    standardMinutes: items.reduce((sum, i) => sum + i.standardMinutes, 0),
    usualMinutes: items.reduce((sum, i) => sum + i.usualMinutes, 0),
  };
}
export type BundleView = ReturnType<typeof shapeBundle>;

/** The station's bundles (active first, then by code), each with its items and departments. */
export async function listBundles(actor: Pick<Actor, "orgPath">, stationId: string, options: { activeOnly?: boolean } = {}, client: Client = db) {
  const rows = await client.serviceBundle.findMany({
    where: { AND: [{ stationId }, ofVisibleStation(actor), options.activeOnly ? { active: true } : {}] },
    orderBy: [{ active: "desc" }, { code: "asc" }],
    include: BUNDLE_INCLUDE,
  });
  return rows.map(shapeBundle);
}

export async function getBundleOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const row = await client.serviceBundle.findFirst({
    where: { AND: [{ id }, ofVisibleStation(actor)] },
    include: { ...BUNDLE_INCLUDE, station: { select: { id: true, name: true, orgUnitId: true, orgUnit: { select: { path: true } } } } },
  });
  if (!row) throw new NotFoundError({ entityType: "ServiceBundle", entityId: id });
  return { ...shapeBundle(row), station: row.station, orgPath: row.station.orgUnit.path };
}

// ── Stations ──────────────────────────────────────────────────────────────────────────────

/** The programmes a new station may serve: the SERVICE_STATION programmes the admin sees, not closed. */
export async function stationProgrammeOptions(actor: Pick<Actor, "orgPath">, client: Client = db) {
  return (await programmesOfKind(serviceStationKind, actor, client)).filter((p) => p.status !== "CLOSED");
}

/**
 * A new station: the programme must be a visible SERVICE_STATION programme that is not closed,
 * and the station's unit must lie within the programme's reach (its owner's or a participant's
 * subtree), so the programme's figures can count the station's cases.
 */
export async function createStation(actor: Actor, input: z.infer<typeof createStationSchema>, unit: { id: string; path: string }, tx: Tx) {
  const programme = await getServiceStationProgramme(actor, input.programmeId, tx);
  if (programme.status === "CLOSED") throw new RuleViolation("serviceStation.programmeClosed", "programmeId");
  if (!programme.reach.some((path) => isWithinSubtree(unit.path, path))) throw new RuleViolation("serviceStation.unitOutsideProgramme", "orgUnitId");
  return tx.serviceStation.create({
    data: { programmeId: programme.id, orgUnitId: unit.id, name: input.name, address: input.address, hours: input.hours },
  });
}

export async function updateStation(station: { id: string }, input: z.infer<typeof updateStationSchema>, tx: Tx) {
  const { count } = await tx.serviceStation.updateMany({
    where: { id: station.id, version: input.version },
    data: { name: input.name, address: input.address, hours: input.hours, active: input.active, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
}

// ── Items ─────────────────────────────────────────────────────────────────────────────────

type ItemData = z.infer<typeof createItemSchema>;

/** The item's columns as stored (the schema's fields without the station and version). */
export function itemData(input: Omit<ItemData, "stationId">) {
  return {
    code: input.code, kind: input.kind, name: input.name, category: input.category, department: input.department,
    documentsNeeded: input.documentsNeeded, standardMinutes: input.standardMinutes, usualMinutes: input.usualMinutes, sortOrder: input.sortOrder,
  };
}

async function assertCodeFree(model: "serviceItem" | "serviceBundle", stationId: string, code: string, exceptId: string | null, tx: Tx) {
  const where = { stationId, code, ...(exceptId ? { id: { not: exceptId } } : {}) };
  const taken = model === "serviceItem" ? await tx.serviceItem.findFirst({ where, select: { id: true } }) : await tx.serviceBundle.findFirst({ where, select: { id: true } });
  if (taken) throw new RuleViolation("serviceStation.codeTaken", "code");
}

export async function createItem(station: { id: string }, input: ItemData, tx: Tx) {
  await assertCodeFree("serviceItem", station.id, input.code, null, tx);
  return tx.serviceItem.create({ data: { stationId: station.id, ...itemData(input) } });
}

/**
 * The names of the active bundles holding each of these items (item id → bundle names, by
 * bundle code). Such an item may not be switched off: the bundle would still be offered and
 * every case taking it refused for its inactive item.
 */
export async function activeBundlesHolding(itemIds: string[], client: Client = db): Promise<Map<string, string[]>> {
  const rows = itemIds.length
    ? await client.serviceBundleItem.findMany({
        where: { itemId: { in: itemIds }, bundle: { active: true } },
        orderBy: { bundle: { code: "asc" } },
        select: { itemId: true, bundle: { select: { name: true } } },
      })
    : [];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.bundle.name]);
  return out;
}

/** The field error of an item that active bundles hold, naming them ("“开一家餐馆”、“开一家超市”"). */
export function heldByActiveBundles(bundleNames: string[]): string {
  return fieldMessage("serviceStation.itemInActiveBundle", { bundles: bundleNames.map((n) => `“${n}”`).join("、") });
}

/**
 * Edits an item. Switching it off is refused while an active bundle holds it. The check runs
 * after the row is written (and so locked): a bundle created at the same moment either waits for
 * this transaction and then finds the item inactive (bundleItemRows), or commits first and is
 * seen here.
 */
export async function updateItem(item: { id: string; stationId: string; active: boolean }, input: z.infer<typeof updateItemSchema>, tx: Tx) {
  await assertCodeFree("serviceItem", item.stationId, input.code, item.id, tx);
  const { count } = await tx.serviceItem.updateMany({
    where: { id: item.id, version: input.version },
    data: { ...itemData(input), active: input.active, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  if (item.active && !input.active) {
    const holding = (await activeBundlesHolding([item.id], tx)).get(item.id);
    if (holding) throw new DomainError("checkFields", {}, { active: [heldByActiveBundles(holding)] });
  }
}

// ── Bundle writes ─────────────────────────────────────────────────────────────────────────

/**
 * A bundle's items: at least two distinct active items of the bundle's own station (an id of
 * another station's item, or one that does not exist, is refused the same way).
 */
async function bundleItemRows(stationId: string, itemIds: string[], tx: Tx) {
  const ids = [...new Set(itemIds)];
  if (ids.length < 2) throw new RuleViolation("serviceStation.bundleItems", "itemIds");
  // FOR SHARE: an item being switched off at this moment is waited for and then read as it is
  // committed, so a bundle never takes an item whose switch-off did not see the bundle.
  const found = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM service_item WHERE id = ANY(${ids}::text[]) AND "stationId" = ${stationId} AND active FOR SHARE`;
  if (found.length !== ids.length) throw new RuleViolation("serviceStation.bundleItemsInvalid", "itemIds");
  return ids.map((itemId, sortOrder) => ({ itemId, sortOrder }));
}

export async function createBundle(station: { id: string }, input: z.infer<typeof createBundleSchema>, tx: Tx) {
  await assertCodeFree("serviceBundle", station.id, input.code, null, tx);
  const items = await bundleItemRows(station.id, input.itemIds, tx);
  return tx.serviceBundle.create({
    data: { stationId: station.id, code: input.code, name: input.name, description: input.description, items: { create: items } },
  });
}

/**
 * Edits a bundle and replaces its items. A deactivated bundle keeps the items it had (even one
 * since deactivated), so switching it off never fails on its items; an active one must pass.
 */
export async function updateBundle(bundle: { id: string; station: { id: string }; items: { id: string }[] }, input: z.infer<typeof updateBundleSchema>, tx: Tx) {
  await assertCodeFree("serviceBundle", bundle.station.id, input.code, bundle.id, tx);
  const unchanged = input.itemIds.length === bundle.items.length && input.itemIds.every((id, i) => bundle.items[i]!.id === id);
  const items = input.active || !unchanged ? await bundleItemRows(bundle.station.id, input.itemIds, tx) : null;
  const { count } = await tx.serviceBundle.updateMany({
    where: { id: bundle.id, version: input.version },
    data: { code: input.code, name: input.name, description: input.description, active: input.active, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
  if (items) {
    await tx.serviceBundleItem.deleteMany({ where: { bundleId: bundle.id } });
    await tx.serviceBundleItem.createMany({ data: items.map((i) => ({ ...i, bundleId: bundle.id })) });
  }
}
