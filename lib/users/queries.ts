import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { inSubtree } from "@/lib/platform/org/scope";

/** A user whose org unit lies in the actor's subtree, or NotFoundError. */
export async function getUserOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const user = await client.user.findFirst({
    where: { id, ...inSubtree(actor) },
    include: { orgUnit: { select: { id: true, name: true, path: true } } },
  });
  if (!user) throw new NotFoundError({ entityType: "User", entityId: id });
  return { ...user, orgPath: user.orgUnit.path };
}

export type UserListFilter = { q?: string; role?: Role; orgUnitId?: string; active?: boolean };

const PAGE_SIZE = 50;

/**
 * Users in the actor's subtree (or in the subtree of the chosen unit within it), phones
 * masked, keyset-paged by username (unique).
 */
export async function listUsers(actor: Actor, filter: UserListFilter, after?: string, client: Db | Tx = db) {
  const unit = filter.orgUnitId
    ? await client.orgUnit.findFirst({ where: { id: filter.orgUnitId, path: { startsWith: actor.orgPath } }, select: { path: true } })
    : null;
  // A unit outside the actor's subtree (a forged filter) finds no one.
  if (filter.orgUnitId && !unit) return { users: [], nextCursor: undefined };
  const rows = await client.user.findMany({
    where: {
      ...inSubtree(unit ? { orgPath: unit.path } : actor),
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.active === undefined ? {} : { active: filter.active }),
      ...(filter.q
        ? { OR: [{ name: { contains: filter.q } }, { username: { contains: filter.q } }, { phone: { contains: filter.q } }] }
        : {}),
    },
    orderBy: [{ username: "asc" }],
    take: PAGE_SIZE + 1,
    ...(after ? { cursor: { username: after }, skip: 1 } : {}),
    select: {
      id: true, username: true, name: true, phone: true, role: true, active: true, mustChangePassword: true,
      lockedUntil: true, lastLoginAt: true, version: true,
      orgUnit: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, PAGE_SIZE).map(({ phone, ...u }) => ({ ...u, phoneMasked: maskPhone(phone) }));
  return { users: page, nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1]?.username : undefined };
}

/** Display names of the given users (timelines store actor ids). */
export async function userNames(ids: string[], client: Db | Tx = db): Promise<Map<string, string>> {
  const rows = await client.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}
