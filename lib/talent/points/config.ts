// Configuration writes (items, resources, quotas, tiers, settings) and the default scheme
// for a new programme. Callers check "points.configure" against the programme first.
import type { Tx } from "@/lib/platform/db/client";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_ENTERPRISE_ITEMS, DEFAULT_RESOURCES, DEFAULT_TALENT_ITEMS, DEFAULT_TIERS } from "./defaults";
import type { z } from "zod";
import type { itemSchema, resourceSchema, tiersSchema } from "./schemas";

type ItemData = z.output<typeof itemSchema>;
type ResourceData = z.output<typeof resourceSchema>;

export async function saveItem(programmeId: string, input: ItemData, tx: Tx) {
  const data = {
    subject: input.subject, code: input.code, name: input.name, levels: input.levels as unknown as Prisma.InputJsonValue,
    capPerItem: input.capPerItem, capPerYear: input.capPerYear, evidenceTypes: input.evidenceTypes, validityMonths: input.validityMonths,
    active: input.active, sortOrder: input.sortOrder,
  };
  try {
    if (!input.id) return await tx.pointItem.create({ data: { ...data, programmeId } });
    const { count } = await tx.pointItem.updateMany({ where: { id: input.id, programmeId, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    return await tx.pointItem.findUniqueOrThrow({ where: { id: input.id } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("points.codeTaken", "code");
    throw e;
  }
}

export async function saveResource(programmeId: string, input: ResourceData, tx: Tx) {
  const data = { code: input.code, name: input.name, pointsCost: input.pointsCost, eligibility: input.eligibility as Prisma.InputJsonValue, active: input.active };
  try {
    if (!input.id) return await tx.pointResource.create({ data: { ...data, programmeId } });
    const { count } = await tx.pointResource.updateMany({ where: { id: input.id, programmeId, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    return await tx.pointResource.findUniqueOrThrow({ where: { id: input.id } });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("points.codeTaken", "code");
    throw e;
  }
}

/** Sets an org unit's places of a resource for a period; never below the places already used. */
export async function saveQuota(resourceId: string, period: string, orgUnitId: string, total: number, tx: Tx) {
  const existing = await tx.resourceQuota.findFirst({ where: { resourceId, period, orgUnitId, enterpriseId: null } });
  if (!existing) return tx.resourceQuota.create({ data: { resourceId, period, orgUnitId, total } });
  const n = await tx.$executeRaw`UPDATE resource_quota SET total = ${total}::int, version = version + 1 WHERE id = ${existing.id} AND used <= ${total}::int`;
  if (n === 0) throw new RuleViolation("points.quotaBelowUsed", "total");
  return tx.resourceQuota.findUniqueOrThrow({ where: { id: existing.id } });
}

export async function saveTiers(programmeId: string, input: z.output<typeof tiersSchema>, tx: Tx) {
  for (const t of input.tiers) {
    const quotas = Object.fromEntries(t.quotas.filter((q) => q.places > 0).map((q) => [q.code, q.places]));
    await tx.enterpriseTier.upsert({
      where: { programmeId_tier: { programmeId, tier: t.tier } },
      create: { programmeId, tier: t.tier, name: t.name, minPoints: t.minPoints, quotas },
      update: { name: t.name, minPoints: t.minPoints, quotas },
    });
  }
}

/** Creates the default items, resources and tiers a programme does not have yet (by code / tier). Returns how many were added. */
export async function addDefaults(programmeId: string, tx: Tx): Promise<number> {
  let added = 0;
  const items = [
    ...DEFAULT_TALENT_ITEMS.map((d, i) => ({ ...d, subject: "TALENT" as const, sortOrder: i })),
    ...DEFAULT_ENTERPRISE_ITEMS.map((d, i) => ({ ...d, subject: "ENTERPRISE" as const, sortOrder: 100 + i })),
  ];
  for (const d of items) {
    const r = await tx.pointItem.createMany({
      data: [{ programmeId, subject: d.subject, code: d.code, name: d.name, levels: d.levels, capPerItem: d.capPerItem, capPerYear: d.capPerYear, evidenceTypes: d.evidenceTypes, validityMonths: d.validityMonths, sortOrder: d.sortOrder }],
      skipDuplicates: true,
    });
    added += r.count;
  }
  for (const d of DEFAULT_RESOURCES) {
    added += (await tx.pointResource.createMany({ data: [{ programmeId, code: d.code, name: d.name, pointsCost: d.pointsCost, eligibility: d.eligibility }], skipDuplicates: true })).count;
  }
  for (const t of DEFAULT_TIERS) {
    added += (await tx.enterpriseTier.createMany({ data: [{ programmeId, tier: t.tier, name: t.name, minPoints: t.minPoints, quotas: t.quotas }], skipDuplicates: true })).count;
  }
  return added;
}
