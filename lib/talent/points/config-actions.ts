"use server";
// Configuration of the talent-points scheme (points.configure, admins of the programme's
// owner unit or above): scoring items with their level tables, resources, quotas, the four
// tiers, evaluation settings, and the yearly tier-quota allocation.
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getTalentProgrammeOrThrow } from "./programme";
import { addDefaults, saveItem, saveQuota, saveResource, saveTiers } from "./config";
import { allocateTierQuotas } from "./tiers";
import { saveItemContract, saveResourceContract, saveQuotaContract, saveTiersContract, saveSettingsContract, allocateTierQuotasContract, addDefaultsContract } from "./schemas";

const paths = ["/talent"];

async function configurable(tx: Parameters<typeof getTalentProgrammeOrThrow>[2], user: Parameters<typeof getTalentProgrammeOrThrow>[0] & { role: "OFFICER" | "MANAGER" | "ADMIN"; id: string }) {
  assertCan(user, "points.configure");
  const programme = await getTalentProgrammeOrThrow(user, undefined, tx);
  assertCan(user, "points.configure", programme);
  return programme;
}

export const saveItemAction = action(
  saveItemContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const before = input.id ? await tx.pointItem.findFirst({ where: { id: input.id, programmeId: programme.id } }) : null;
    if (input.id && !before) throw new NotFoundError();
    const item = await saveItem(programme.id, input, tx);
    const summary = (x: { code: string; name: string; levels: unknown; capPerItem: number | null; capPerYear: number | null; evidenceTypes: string[]; validityMonths: number | null; active: boolean }) => ({
      code: x.code, name: x.name, levels: x.levels, capPerItem: x.capPerItem, capPerYear: x.capPerYear, evidenceTypes: x.evidenceTypes, validityMonths: x.validityMonths, active: x.active,
    });
    await audit({ action: input.id ? "points.item.update" : "points.item.create", entityType: "PointItem", entityId: item.id, orgUnitId: programme.orgUnitId, data: { before: before ? summary(before) : null, after: summary(item) } });
    return { id: item.id, version: item.version };
  },
);

export const saveResourceAction = action(
  saveResourceContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const before = input.id ? await tx.pointResource.findFirst({ where: { id: input.id, programmeId: programme.id } }) : null;
    if (input.id && !before) throw new NotFoundError();
    const r = await saveResource(programme.id, input, tx);
    const summary = (x: { code: string; name: string; pointsCost: number; eligibility: unknown; active: boolean }) => ({ code: x.code, name: x.name, pointsCost: x.pointsCost, eligibility: x.eligibility, active: x.active });
    await audit({ action: input.id ? "points.resource.update" : "points.resource.create", entityType: "PointResource", entityId: r.id, orgUnitId: programme.orgUnitId, data: { before: before ? summary(before) : null, after: summary(r) } });
    return { id: r.id, version: r.version };
  },
);

export const saveQuotaAction = action(
  saveQuotaContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const resource = await tx.pointResource.findFirst({ where: { id: input.resourceId, programmeId: programme.id } });
    if (!resource) throw new RuleViolation("points.resourceUnknown", "resourceId");
    const unit = await tx.orgUnit.findFirst({ where: { id: input.orgUnitId, path: { startsWith: user.orgPath } }, select: { id: true, path: true } });
    if (!unit || !programme.reach.some((p) => unit.path.startsWith(p))) throw new RuleViolation("orgUnitOutOfScope", "orgUnitId");
    const q = await saveQuota(resource.id, input.period, unit.id, input.total, tx);
    await audit({ action: "points.quota.save", entityType: "ResourceQuota", entityId: q.id, orgUnitId: unit.id, data: { after: { resource: resource.code, period: q.period, total: q.total, used: q.used } } });
    return { id: q.id };
  },
);

export const saveTiersAction = action(
  saveTiersContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const before = await tx.enterpriseTier.findMany({ where: { programmeId: programme.id }, orderBy: { tier: "asc" }, select: { tier: true, name: true, minPoints: true, quotas: true } });
    await saveTiers(programme.id, input, tx);
    await audit({ action: "points.tiers.save", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnitId, data: { before, after: input.tiers } });
    return { id: programme.id };
  },
);

export const saveSettingsAction = action(
  saveSettingsContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const current = (programme.rawSettings && typeof programme.rawSettings === "object" ? programme.rawSettings : {}) as Record<string, unknown>;
    const settings = { ...current, evaluation: input.evaluation } as Prisma.InputJsonValue;
    const { count } = await tx.programme.updateMany({ where: { id: programme.id, version: input.version }, data: { settings, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    await audit({ action: "points.settings.save", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnitId, data: { before: current.evaluation ?? null, after: input.evaluation } });
    return { id: programme.id, version: input.version + 1 };
  },
);

export const allocateTierQuotasAction = action(
  allocateTierQuotasContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const enterprises = await tx.enterprise.findMany({
      where: { active: true, AND: [{ orgUnit: { path: { startsWith: user.orgPath } } }, { OR: programme.reach.map((p) => ({ orgUnit: { path: { startsWith: p } } })) }] },
      select: { id: true },
    });
    const { changed, standings } = await allocateTierQuotas(programme.id, enterprises.map((e) => e.id), input.year, tx);
    const byTier = standings.reduce<Record<string, number>>((acc, s) => ({ ...acc, [String(s.tier ?? "none")]: (acc[String(s.tier ?? "none")] ?? 0) + 1 }), {});
    await audit({ action: "points.tiers.allocate", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnitId, data: { year: input.year, enterprises: enterprises.length, quotasChanged: changed, byTier } });
    return { id: programme.id, changed, enterprises: enterprises.length };
  },
);

export const addDefaultsAction = action(
  addDefaultsContract,
  async (_input, { user, tx, audit }) => {
    const programme = await configurable(tx, user);
    const added = await addDefaults(programme.id, tx);
    await audit({ action: "points.defaults.add", entityType: "Programme", entityId: programme.id, orgUnitId: programme.orgUnitId, data: { added } });
    return { id: programme.id, added };
  },
);
