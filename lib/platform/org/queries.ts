import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { NotFoundError } from "@/lib/platform/errors";
import type { Actor } from "@/lib/platform/authz/can";
import { orgUnitInSubtree } from "./scope";

export type OrgUnitNode = {
  id: string;
  name: string;
  kind: string;
  code: string | null;
  parentId: string | null;
  path: string;
  depth: number;
  active: boolean;
  version: number;
  userCount: number;
  children: OrgUnitNode[];
};

/** An org unit inside the actor's subtree, or NotFoundError (also for ids outside it). */
export async function getOrgUnitOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const unit = await client.orgUnit.findFirst({ where: { id, ...orgUnitInSubtree(actor) } });
  if (!unit) throw new NotFoundError({ entityType: "OrgUnit", entityId: id });
  return { ...unit, orgPath: unit.path };
}

/** The actor's subtree as a flat list in tree order (path order keeps parents first). */
export async function listOrgUnits(actor: Actor, options: { activeOnly?: boolean } = {}, client: Db | Tx = db) {
  return client.orgUnit.findMany({
    where: { ...orgUnitInSubtree(actor), ...(options.activeOnly ? { active: true } : {}) },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true, code: true, parentId: true, path: true, depth: true, active: true, version: true, _count: { select: { users: true } } },
  });
}

/** The actor's subtree as a tree rooted at the actor's own unit. */
export async function getOrgTree(actor: Actor, client: Db | Tx = db): Promise<OrgUnitNode | null> {
  const rows = await listOrgUnits(actor, undefined, client);
  const nodes = new Map<string, OrgUnitNode>();
  for (const r of rows) {
    const { _count, ...rest } = r;
    nodes.set(r.id, { ...rest, userCount: _count.users, children: [] });
  }
  let root: OrgUnitNode | null = null;
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else if (node.path === actor.orgPath) root = node;
  }
  return root;
}

/** Options for org-unit pickers: the actor's subtree, indented by depth, active only. */
export async function orgUnitOptions(actor: Actor, client: Db | Tx = db) {
  const rows = await client.orgUnit.findMany({
    where: { ...orgUnitInSubtree(actor), active: true },
    orderBy: { path: "asc" },
    select: { id: true, name: true, kind: true, depth: true, path: true },
  });
  // Path order groups each subtree under its parent; siblings come in id order, so sort
  // siblings by name for display while keeping the nesting.
  const byParent = new Map<string, typeof rows>();
  for (const r of rows) {
    const parent = r.path.slice(0, r.path.slice(0, -1).lastIndexOf("/") + 1);
    byParent.set(parent, [...(byParent.get(parent) ?? []), r]);
  }
  const out: typeof rows = [];
  const walk = (prefix: string) => {
    for (const r of (byParent.get(prefix) ?? []).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
      out.push(r);
      walk(r.path);
    }
  };
  const top = rows.find((r) => r.path === actor.orgPath);
  if (top) {
    out.push(top);
    walk(top.path);
  }
  const minDepth = top?.depth ?? 0;
  return out.map((r) => ({ id: r.id, name: r.name, kind: r.kind, level: r.depth - minDepth }));
}

/** The direct children of a unit with their paths, and whether each has children of its own (drill-down links). */
export async function childUnits(parentId: string, client: Db | Tx = db) {
  const rows = await client.orgUnit.findMany({ where: { parentId }, select: { id: true, path: true, _count: { select: { children: true } } } });
  return rows.map((r) => ({ id: r.id, path: r.path, hasChildren: r._count.children > 0 }));
}
