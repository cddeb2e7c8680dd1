// "Every new year prepared": from 1 November (Shanghai date) admins see a checklist of what
// next year needs, until every item is done or January is over. Nothing is stored for the
// checklist itself: each item is read from the records it is about (a confirmed calendar year,
// quota rows for the year, the tier allocation's audit row, targets whose period lies in the
// year, a successor programme for one that ends before the year), so doing the work is what
// ticks the item.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { can } from "@/lib/platform/authz/can";
import { calendarYearReadiness, unconfirmedYears } from "@/lib/platform/calendar/confirmation";
import { now, shanghaiYear, shanghaiYmd } from "@/lib/platform/clock";
import { dateOnly } from "@/lib/platform/dates";

/** The checklist opens on this Shanghai month-day of the year before… */
export const CHECKLIST_OPENS = "11-01";
/** …and stays through this Shanghai month-day of the year itself (the work left over at midnight on 31 December is still to do). */
export const CHECKLIST_CLOSES = "01-31";

export type ChecklistItem =
  | { kind: "calendar"; done: boolean; href: string; loaded: boolean }
  | { kind: "rollover" | "pointsQuotas" | "tierPlaces" | "programmeTargets"; done: boolean; href: string; programmeId: string; programmeName: string };

/** `late`: the checklist's window is over and the year's calendar is still not confirmed (the one item left). */
export type NewYearChecklist = { year: number; items: ChecklistItem[]; done: number; total: number; late?: true };

/**
 * The year being prepared at `at` (Shanghai dates): from 1 November of Y through 31 January
 * of Y+1 it is Y+1; from 1 February to 31 October, null. Work not done by 1 January (a
 * calendar still unconfirmed, a programme not yet rolled over) stays on the list for a month
 * rather than vanishing at midnight. 31 October 23:59 in Shanghai is still "not yet", and
 * 1 February 00:00 "over", whatever UTC says.
 */
export function yearBeingPrepared(at: Date = now()): number | null {
  const ymd = shanghaiYmd(at);
  const year = Number(ymd.slice(0, 4));
  const monthDay = ymd.slice(5);
  if (monthDay >= CHECKLIST_OPENS) return year + 1;
  if (monthDay <= CHECKLIST_CLOSES) return year;
  return null;
}

/** Who sees the checklist: those who can do its items (the calendar is the one every admin can). */
export function seesChecklist(actor: Actor): boolean {
  return can(actor, "calendar.manage");
}

/**
 * Everything next year needs that lies in the actor's subtree:
 * - the working calendar of `year` confirmed (national: every admin sees it);
 * - each ACTIVE programme owned in the subtree that ends in the year before `year` and has no
 *   successor — a programme of the same type and owner unit that starts after it ends or
 *   covers `year` — rolled over (结转) into the new year. Once it is, the successor runs into
 *   `year` and the items below apply to it (programmes normally end on 31 December, so this
 *   is how most programmes reach the list at all);
 * - for each talent-points programme owned in the subtree that runs into `year`, org-unit
 *   quotas for `year` and the enterprise tier places allocated for `year` (the allocation's
 *   audit row counts too: an allocation in which no enterprise reached a tier leaves no rows);
 * - for each programme owned in the subtree that runs into `year` (DRAFT or ACTIVE, including
 *   one rolled over into `year`), at least one target whose period starts in `year`.
 */
export async function newYearChecklist(actor: Actor, year: number, client: Db | Tx = db): Promise<NewYearChecklist> {
  const yearStart = dateOnly(`${year}-01-01`);
  const yearEnd = dateOnly(`${year}-12-31`);
  const [calendar, programmes] = await Promise.all([
    calendarYearReadiness(year, client),
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

  // Ending programmes without a successor. A programme still ACTIVE that ended earlier than
  // the year before is stale rather than due for rollover, and is left out.
  const ending = await client.programme.findMany({
    where: { status: "ACTIVE", endDate: { gte: dateOnly(`${year - 1}-01-01`), lt: yearStart }, orgUnit: { path: { startsWith: actor.orgPath } } },
    orderBy: [{ type: "asc" }, { name: "asc" }],
    select: { id: true, name: true, type: true, orgUnitId: true, endDate: true },
  });
  // Their possible successors in one query (this runs on every admin page from November to
  // January), matched per programme below.
  const candidates = ending.length
    ? await client.programme.findMany({
        where: { type: { in: [...new Set(ending.map((p) => p.type))] }, orgUnitId: { in: [...new Set(ending.map((p) => p.orgUnitId))] } },
        select: { id: true, type: true, orgUnitId: true, startDate: true, endDate: true },
      })
    : [];
  for (const p of ending) {
    const successor = candidates.some(
      (c) => c.id !== p.id && c.type === p.type && c.orgUnitId === p.orgUnitId &&
        (c.startDate > p.endDate || (c.startDate <= yearEnd && c.endDate >= yearStart)),
    );
    if (!successor) items.push({ kind: "rollover", done: false, href: `/programmes/${p.id}/rollover`, programmeId: p.id, programmeName: p.name });
  }

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

/** The checklist to show now, or null: not an admin, everything done, or outside November–January with the year's calendar confirmed. */
export async function newYearBanner(actor: Actor, at: Date = now(), client: Db | Tx = db): Promise<NewYearChecklist | null> {
  if (!seesChecklist(actor)) return null;
  const year = yearBeingPrepared(at);
  if (year === null) {
    // February to October the checklist is over, but a year running on an unconfirmed calendar
    // is not: every hotline deadline counts its missing holidays as working days (春节 can be as
    // late as 19 February). The calendar item stays until it is done, whatever the month.
    // One indexed lookup on every admin page in the common (confirmed) case; the year's day
    // counts only when the item is to be shown.
    if ((await unconfirmedYears([at], client)).length === 0) return null;
    const current = shanghaiYear(at);
    const calendar = await calendarYearReadiness(current, client);
    return { year: current, items: [{ kind: "calendar", done: false, loaded: calendar.loaded, href: `/admin/calendar?year=${current}` }], done: 0, total: 1, late: true };
  }
  const list = await newYearChecklist(actor, year, client);
  return list.done === list.total ? null : list;
}
