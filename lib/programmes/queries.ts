import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { ProgrammeStatus, ProgrammeType } from "@/lib/generated/prisma/enums";
import { ancestorIds } from "@/lib/platform/org/path";

/**
 * Which programmes a user sees:
 * - those owned inside the user's subtree;
 * - those in which a unit in the user's subtree or above the user takes part (a district
 *   campaign with a street participating reaches that street's villages, and a village
 *   taking part makes it visible to the street manager above it);
 * - those owned above the user that name no participants: the owner's whole subtree takes
 *   part (a town's campaign reaches all its villages).
 */
export function visibleProgrammes(actor: Pick<Actor, "orgPath">) {
  const above = { id: { in: ancestorIds(actor.orgPath) } };
  const below = { path: { startsWith: actor.orgPath } };
  return {
    OR: [
      { orgUnit: below },
      { participants: { some: { orgUnit: { OR: [below, above] } } } },
      { orgUnit: above, participants: { none: {} } },
    ],
  };
}

export type ProgrammeListFilter = { type?: ProgrammeType; status?: ProgrammeStatus; q?: string };

export async function listProgrammes(actor: Actor, filter: ProgrammeListFilter = {}, client: Db | Tx = db) {
  return client.programme.findMany({
    where: {
      AND: [
        visibleProgrammes(actor),
        filter.type ? { type: filter.type } : {},
        filter.status ? { status: filter.status } : {},
        filter.q ? { name: { contains: filter.q, mode: "insensitive" as const } } : {},
      ],
    },
    orderBy: [{ status: "asc" }, { startDate: "desc" }, { name: "asc" }],
    take: 200,
    select: {
      id: true, type: true, name: true, status: true, startDate: true, endDate: true,
      orgUnit: { select: { id: true, name: true } },
      _count: { select: { indicators: true, participants: true } },
    },
  });
}

/** A programme the actor may see, with its owner's path for permission checks. */
export async function getProgrammeOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const programme = await client.programme.findFirst({
    where: { AND: [{ id }, visibleProgrammes(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      createdBy: { select: { id: true, name: true } },
      participants: { include: { orgUnit: { select: { id: true, name: true, path: true } } } },
      indicators: {
        orderBy: { sortOrder: "asc" },
        include: { targets: { orderBy: [{ period: "asc" }], include: { orgUnit: { select: { id: true, name: true } } } } },
      },
    },
  });
  if (!programme) throw new NotFoundError({ entityType: "Programme", entityId: id });
  return { ...programme, orgPath: programme.orgUnit.path };
}

/** The name of a programme the actor may see (null when it is not visible), for export headers. */
export async function visibleProgrammeName(actor: Actor, id: string, client: Db | Tx = db): Promise<string | null> {
  const p = await client.programme.findFirst({ where: { AND: [{ id }, visibleProgrammes(actor)] }, select: { name: true } });
  return p?.name ?? null;
}
