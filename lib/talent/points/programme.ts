// The TALENT_POINTS programme a user works in: its configuration (items, resources, tiers,
// settings) belongs to the programme; talents, applications and redemptions are scoped by
// their enterprise's org unit, which must lie in the programme's reach (the owner's subtree
// or a participating unit's subtree) and in the user's subtree.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { isWithinSubtree } from "@/lib/platform/org/path";
import { loadProgrammeOrThrow, pickProgramme, programmeLoader, type ProgrammeKind } from "@/lib/programmes";
import { parseTalentSettings, talentSettingsSchema, type TalentSettings } from "./rules";

export const talentKind: ProgrammeKind<TalentSettings> = {
  type: "TALENT_POINTS",
  settings: { schema: talentSettingsSchema, read: parseTalentSettings, defaults: parseTalentSettings({}) },
};

/** The descriptor's loader: a visible TALENT_POINTS programme by id (lib/programmes/descriptor.ts shape). */
export const getTalentPointsProgramme = programmeLoader(talentKind);

export type TalentProgramme = Awaited<ReturnType<typeof getTalentProgrammeOrThrow>>;

/**
 * The talent pages work in one programme at a time: `programmeId` if visible, else the active
 * (else newest) talent-points programme visible to the actor, or NotFoundError. The common
 * shape, with `config` (= settings) kept for its callers.
 */
export async function getTalentProgrammeOrThrow(actor: Pick<Actor, "orgPath">, programmeId?: string, client: Db | Tx = db) {
  const id = programmeId ?? (await pickProgramme(talentKind, actor, undefined, client)).chosen?.id;
  if (!id) throw new NotFoundError({ entityType: "Programme", entityId: null });
  const programme = await loadProgrammeOrThrow(talentKind, actor, id, client);
  return { ...programme, config: programme.settings };
}

/** Does the programme reach an enterprise located at `orgPath`? */
export function programmeReaches(programme: { reach: string[] }, orgPath: string): boolean {
  return programme.reach.some((p) => isWithinSubtree(orgPath, p));
}

/** Prisma filter: org units in the actor's subtree and in the programme's reach. */
export function unitScope(actor: Pick<Actor, "orgPath">, programme: { reach: string[] }) {
  return {
    AND: [
      { path: { startsWith: actor.orgPath } },
      { OR: programme.reach.map((p) => ({ path: { startsWith: p } })) },
    ],
  };
}

/** Everything the configuration page edits: items, resources, tiers, this year's unit quotas, units in reach. */
export async function pointsConfiguration(actor: Actor, programme: { id: string; reach: string[] }, year: number, client: Db | Tx = db) {
  const [items, resources, tiers, quotas, units] = await Promise.all([
    client.pointItem.findMany({ where: { programmeId: programme.id }, orderBy: [{ subject: "asc" }, { sortOrder: "asc" }] }),
    client.pointResource.findMany({ where: { programmeId: programme.id }, orderBy: { code: "asc" } }),
    client.enterpriseTier.findMany({ where: { programmeId: programme.id }, orderBy: { tier: "asc" } }),
    client.resourceQuota.findMany({ where: { resource: { programmeId: programme.id }, enterpriseId: null, period: String(year) }, include: { resource: { select: { name: true } }, orgUnit: { select: { name: true } } }, orderBy: [{ resourceId: "asc" }] }),
    client.orgUnit.findMany({ where: { active: true, AND: [{ path: { startsWith: actor.orgPath } }, { OR: programme.reach.map((p) => ({ path: { startsWith: p } })) }] }, orderBy: [{ depth: "asc" }, { sortOrder: "asc" }], select: { id: true, name: true }, take: 300 }),
  ]);
  return { items, resources, tiers, quotas, units };
}
