"use server";
// Server actions of a station's configuration (stations, catalogue, Excel import, bundles):
// thin — scoped load, "serviceStation.configure" on the station's unit, mutation, audit.
import { getLocale } from "next-intl/server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { DomainError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { ImportFileError } from "@/lib/platform/exports/import-sheet";
import { fieldMessage } from "@/lib/platform/i18n/zod";
import { toLocale } from "@/lib/platform/i18n/locales";
import { getOrgUnitOrThrow } from "@/lib/platform/org/queries";
import { createBundle, createItem, createStation, getBundleOrThrow, getItemOrThrow, updateBundle, updateItem, updateStation } from "./catalogue";
import { CATALOGUE_IMPORT_MAX_BYTES, importCatalogue } from "./catalogue-excel";
import { getStationOrThrow } from "./queries";
import {
  createBundleContract,
  createItemContract,
  createStationContract,
  importCatalogueContract,
  updateBundleContract,
  updateItemContract,
  updateStationContract,
} from "./schemas";

const revalidate = ["/service-stations"];

const stationSummary = (s: { name: string; address: string; hours: string; active?: boolean }) => ({ name: s.name, address: s.address, hours: s.hours, ...(s.active === undefined ? {} : { active: s.active }) });

export const createStationAction = action(
  createStationContract, { revalidate },
  async (input, { user, tx, audit }) => {
    // The unit is picked from the admin's own subtree: another one is a field error, audited as a refusal.
    const unit = await getOrgUnitOrThrow(user, input.orgUnitId, tx).catch((e) => {
      throw e instanceof NotFoundError ? new RuleViolation("orgUnitOutOfScope", "orgUnitId", e.target) : e;
    });
    assertCan(user, "serviceStation.configure", unit);
    if (!unit.active) throw new RuleViolation("orgUnitInactive", "orgUnitId");
    const station = await createStation(user, input, unit, tx);
    await audit({
      action: "serviceStation.station.create", entityType: "ServiceStation", entityId: station.id, orgUnitId: unit.id,
      data: { after: { programmeId: input.programmeId, orgUnitId: unit.id, ...stationSummary(input) } },
    });
    return { id: station.id };
  },
);

export const updateStationAction = action(
  updateStationContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const station = await getStationOrThrow(user, input.id, tx);
    assertCan(user, "serviceStation.configure", station);
    await updateStation(station, input, tx);
    await audit({
      action: "serviceStation.station.update", entityType: "ServiceStation", entityId: station.id, orgUnitId: station.orgUnitId,
      data: { before: stationSummary(station), after: stationSummary(input) },
    });
    return { id: station.id, version: input.version + 1 };
  },
);

const itemSummary = (i: { code: string; kind: string; name: string; category: string; department: string; standardMinutes: number; usualMinutes: number; sortOrder: number; active?: boolean }) => ({
  code: i.code, kind: i.kind, name: i.name, category: i.category, department: i.department,
  standardMinutes: i.standardMinutes, usualMinutes: i.usualMinutes, sortOrder: i.sortOrder, ...(i.active === undefined ? {} : { active: i.active }),
});

export const createItemAction = action(
  createItemContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const station = await getStationOrThrow(user, input.stationId, tx);
    assertCan(user, "serviceStation.configure", station);
    const item = await createItem(station, input, tx);
    await audit({ action: "serviceStation.item.create", entityType: "ServiceItem", entityId: item.id, orgUnitId: station.orgUnitId, data: { stationId: station.id, after: itemSummary(input) } });
    return { id: item.id };
  },
);

/** Edits an item, and switches it off (停用) or on again: `active` is one of its fields. */
export const updateItemAction = action(
  updateItemContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const item = await getItemOrThrow(user, input.id, tx);
    assertCan(user, "serviceStation.configure", item);
    await updateItem(item, input, tx);
    await audit({
      action: "serviceStation.item.update", entityType: "ServiceItem", entityId: item.id, orgUnitId: item.station.orgUnitId,
      data: { stationId: item.stationId, before: itemSummary(item), after: itemSummary(input) },
    });
    return { id: item.id, version: input.version + 1 };
  },
);

/**
 * The catalogue from an Excel file (FormData { stationId, file }): every row or none, in this
 * action's one transaction; the audit row counts what was created, updated and left unchanged.
 */
export const importCatalogueAction = action(
  importCatalogueContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const station = await getStationOrThrow(user, input.stationId, tx);
    assertCan(user, "serviceStation.configure", station);
    const fileError = (key: string, values?: Record<string, string>) => new DomainError("checkFields", {}, { file: [fieldMessage(key, values)] });
    if (input.file.size === 0) throw fileError("import.empty");
    if (input.file.size > CATALOGUE_IMPORT_MAX_BYTES) throw fileError("import.fileTooLarge", { max: String(CATALOGUE_IMPORT_MAX_BYTES / 1024 / 1024) });
    const bytes = Buffer.from(await input.file.arrayBuffer());
    const locale = toLocale(await getLocale().catch(() => null));
    const result = await importCatalogue(station, bytes, locale, tx).catch((e) => {
      throw e instanceof ImportFileError ? fileError(e.messageKey, Object.fromEntries(Object.entries(e.values).map(([k, v]) => [k, String(v)]))) : e;
    });
    await audit({
      action: "serviceStation.catalogue.import", entityType: "ServiceStation", entityId: station.id, orgUnitId: station.orgUnitId,
      data: { fileName: input.file.name.slice(0, 200), ...result },
    });
    return result;
  },
);

const bundleSummary = (b: { code: string; name: string; active?: boolean }, itemIds: string[]) => ({ code: b.code, name: b.name, itemIds, ...(b.active === undefined ? {} : { active: b.active }) });

export const createBundleAction = action(
  createBundleContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const station = await getStationOrThrow(user, input.stationId, tx);
    assertCan(user, "serviceStation.configure", station);
    const bundle = await createBundle(station, input, tx);
    await audit({ action: "serviceStation.bundle.create", entityType: "ServiceBundle", entityId: bundle.id, orgUnitId: station.orgUnitId, data: { stationId: station.id, after: bundleSummary(input, input.itemIds) } });
    return { id: bundle.id };
  },
);

export const updateBundleAction = action(
  updateBundleContract, { revalidate },
  async (input, { user, tx, audit }) => {
    const bundle = await getBundleOrThrow(user, input.id, tx);
    assertCan(user, "serviceStation.configure", bundle);
    await updateBundle(bundle, input, tx);
    await audit({
      action: "serviceStation.bundle.update", entityType: "ServiceBundle", entityId: bundle.id, orgUnitId: bundle.station.orgUnitId,
      data: { stationId: bundle.station.id, before: bundleSummary(bundle, bundle.items.map((i) => i.id)), after: bundleSummary(input, input.itemIds) },
    });
    return { id: bundle.id, version: input.version + 1 };
  },
);
