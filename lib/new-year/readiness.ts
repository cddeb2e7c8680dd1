// "Every new year prepared": from 1 November (Shanghai date) admins see a checklist of what
// next year needs before 1 January, until every item is done. Nothing is stored for the
// checklist itself: each item is read from the records it is about (a confirmed calendar year,
// quota rows for the year, the tier allocation's audit row, targets whose period lies in the
// year), so doing the work is what ticks the item.
import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/authz/can";
import { can } from "@/lib/authz/can";
import { calendarYearReadiness } from "@/lib/calendar/confirmation";
import { now } from "@/lib/platform/clock";
import { shanghaiYmd } from "@/lib/platform/clock";
import { dateOnly } from "@/lib/programmes/period";

/** The checklist opens on this Shanghai month-day of the year before. */
export const CHECKLIST_OPENS = "11-01";

export type ChecklistItem =
  | { kind: "calendar"; done: boolean; href: string; loaded: boolean }
  | { kind: "pointsQuotas" | "tierPlaces" | "programmeTargets"; done: boolean; href: string; programmeId: string; programmeName: string };

export type NewYearChecklist = { year: number; items: ChecklistItem[]; done: number; total: number };

/**
 * The year being prepared at `at`: next year from 1 November to 31 December (Shanghai),
 * otherwise null. 31 October 23:59 in Shanghai is still "not yet", whatever UTC says.
 */
export function yearBeingPrepared(at: Date = now()): number | null {
  const ymd = shanghaiYmd(at);
  return ymd.slice(5) >= CHECKLIST_OPENS ? Number(ymd.slice(0, 4)) + 1 : null;
}

/** Who sees the checklist: those who can do its items (the calendar is the one every admin can). */
export function seesChecklist(actor: Actor): boolean {
  return can(actor, "calendar.manage");
}

/**
 * Everything next year needs that lies in the actor's subtree:
 * - the working calendar of `year` confirmed (national: every admin sees it);
 * - for each talent-points programme owned in the subtree that runs into `year`, org-unit
 *   quotas for `year` and the enterprise tier places allocated for `year` (the allocation's
 *   audit row counts too: an allocation in which no enterprise reached a tier leaves no rows);
 * - for each programme owned in the subtree that runs into `year` (DRAFT or ACTIVE, including
 *   one rolled over into `year`), at least one target whose period starts in `year`.
 */
export async function newYearChecklist(client: Db | Tx, actor: Actor, year: number): Promise<NewYearChecklist> {
  const yearStart = dateOnly(`${year}-01-01`);
  const yearEnd = dateOnly(`${year}-12-31`);
  const [calendar, programmes] = await Promise.all([
    calendarYearReadiness(client, year),
    client.programme.findMany({
      where: { status: { in: ["DRAFT", "ACTIVE"] }, endDate: { gte: yearStart }, startDate: { lte: yearEnd }, orgUnit: { path: { startsWith: actor.orgPath } } },
      orderBy: [{ type: "asc" }, { name: "asc" }],
      select: {
        id: true, name: true, type: true, status: true,
        indicators: { select: { _count: { select: { targets: { where: { periodStart: { gte: yearStart, lte: yearEnd } } } } } } },
      },
    }),
  ]);
  const items: ChecklistItem[] = [{ kind: "calendar", done: calendar.confirmed !== null, loaded: calendar.loaded, href: `/admin/calendar?year=${year}` }];

  for (const p of programmes.filter((x) => x.type === "TALENT_POINTS" && x.status === "ACTIVE")) {
    const [unitQuotas, tierQuotas, allocations] = await Promise.all([
      client.resourceQuota.count({ where: { resource: { programmeId: p.id }, enterpriseId: null, period: String(year) } }),
      client.resourceQuota.count({ where: { resource: { programmeId: p.id }, enterpriseId: { not: null }, period: String(year) } }),
      client.auditLog.count({ where: { action: "points.tiers.allocate", entityId: p.id, outcome: "OK", data: { path: ["year"], equals: year } } }),
    ]);
    const href = `/talent/config?year=${year}`;
    items.push({ kind: "pointsQuotas", done: unitQuotas > 0, href, programmeId: p.id, programmeName: p.name });
    items.push({ kind: "tierPlaces", done: tierQuotas > 0 || allocations > 0, href, programmeId: p.id, programmeName: p.name });
  }
  for (const p of programmes) {
    const targets = p.indicators.reduce((n, i) => n + i._count.targets, 0);
    items.push({ kind: "programmeTargets", done: targets > 0, href: `/programmes/${p.id}/edit`, programmeId: p.id, programmeName: p.name });
  }
  const done = items.filter((i) => i.done).length;
  return { year, items, done, total: items.length };
}

/** The checklist to show now, or null: not an admin, before 1 November, or everything done. */
export async function newYearBanner(client: Db | Tx, actor: Actor, at: Date = now()): Promise<NewYearChecklist | null> {
  if (!seesChecklist(actor)) return null;
  const year = yearBeingPrepared(at);
  if (year === null) return null;
  const list = await newYearChecklist(client, actor, year);
  return list.done === list.total ? null : list;
}
