// Who hears about a request: the person or department working on it, and the manager(s)
// above — the MANAGER users of the nearest unit, from the request's own unit upwards, that
// has any.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { pathIds } from "@/lib/platform/org/path";

export async function nearestManagers(orgPath: string, client: Db | Tx = db): Promise<string[]> {
  const chain = pathIds(orgPath);
  const managers = await client.user.findMany({
    where: { role: "MANAGER", active: true, orgUnitId: { in: chain } },
    select: { id: true, orgUnitId: true },
  });
  for (let i = chain.length - 1; i >= 0; i--) {
    const here = managers.filter((m) => m.orgUnitId === chain[i]);
    if (here.length) return here.map((m) => m.id);
  }
  return [];
}

/** Active users who belong directly to a unit (a department's staff, a hotline desk). */
export async function unitUsers(orgUnitId: string, client: Db | Tx = db): Promise<string[]> {
  const users = await client.user.findMany({ where: { orgUnitId, active: true, role: { in: ["OFFICER", "MANAGER"] } }, select: { id: true } });
  return users.map((u) => u.id);
}

type Target = { assigneeId: string | null; leadDepartmentId: string | null; receivedById: string | null; orgUnitId: string };

/** Whoever holds the request now: its assignee, else its lead department's staff, else the operator or the hotline's unit. */
export async function holders(r: Target, client: Db | Tx = db): Promise<string[]> {
  if (r.assigneeId) return [r.assigneeId];
  if (r.leadDepartmentId) {
    const staff = await unitUsers(r.leadDepartmentId, client);
    if (staff.length) return staff;
  }
  if (r.receivedById) return [r.receivedById];
  return unitUsers(r.orgUnitId, client);
}
