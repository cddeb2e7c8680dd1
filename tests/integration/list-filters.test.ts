// A list's URL filters go through its filter form's schema (issue 13 item 13): a bad value in
// the address bar is ignored and named in a notice, the other filters still apply, and the
// page renders instead of 出错了 (a "from=<year>-13-45" once reached Prisma as an Invalid Date).
// Each list page is rendered with garbage in each of its filter parameters, one at a time
// and all at once.
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it } from "vitest";
import { FILTER_YEAR_MAX, FILTER_YEAR_MIN, filterDay, filterPeriod, parseFilters } from "@/lib/platform/url-filters";
import { visitFilterShape } from "@/lib/visits/list-filter";
import { requestFilterShape } from "@/lib/hotline/list-filter";
import { problemFilterShape } from "@/lib/problems/list-filter";
import { enterpriseFilterShape, householdFilterShape } from "@/lib/registers/filters";
import { talentFilterShape } from "@/lib/talent/list-filter";
import { auditFilterShape } from "@/lib/platform/audit/list-filter";
import { userFilterShape } from "@/lib/users/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import VisitsPage from "@/app/(app)/visits/page";
import HotlinePage from "@/app/(app)/hotline/page";
import ProblemsPage from "@/app/(app)/problems/page";
import HouseholdsPage from "@/app/(app)/registers/households/page";
import EnterprisesPage from "@/app/(app)/registers/enterprises/page";
import TalentsPage from "@/app/(app)/talent/page";
import AuditPage from "@/app/(app)/admin/audit/page";
import UsersPage from "@/app/(app)/admin/users/page";
import NotificationsPage from "@/app/(app)/notifications/page";
import ProgrammesPage from "@/app/(app)/programmes/page";
import InvestmentPage from "@/app/(app)/investment/page";
import LeadsPage from "@/app/(app)/investment/leads/page";
import ProspectsPage from "@/app/(app)/investment/prospects/page";
import TaskForcesPage from "@/app/(app)/investment/task-forces/page";
import TripsPage from "@/app/(app)/investment/trips/page";
import KeyProjectsPage from "@/app/(app)/key-projects/page";
import PledgesPage from "@/app/(app)/key-projects/pledges/page";
import PairingsPage from "@/app/(app)/mentorship/[programmeId]/page";
import ApplicationsPage from "@/app/(app)/talent/applications/page";
import RedemptionsPage from "@/app/(app)/talent/redemptions/page";
import EvaluationPage from "@/app/(app)/talent/evaluation/page";
import PointsProgressPage from "@/app/(app)/talent/progress/page";
import LeaderboardPage from "@/app/(app)/showcases/leaderboard/page";
import CalendarPage from "@/app/(app)/admin/calendar/page";
import StationCasesPage from "@/app/(app)/service-stations/[stationId]/page";
import { caseFilterShape } from "@/lib/service-stations/list-filter";
import HotlineReportPage from "@/app/(app)/hotline/reports/page";
import CataloguePage from "@/app/(app)/service-stations/[stationId]/catalogue/page";
import { catalogueFilterShape } from "@/lib/service-stations/catalogue";
import { db } from "@/lib/platform/db/client";
import { dateOnly } from "@/lib/platform/dates";
import { evaluationFilterShape } from "@/lib/talent/points/list-filter";
import { reportFilterShape } from "@/lib/hotline/report-params";
import { elementText, findElements } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs } from "../support/fixtures";
import { demoYear } from "../support/time";

/** The demo's year: the impossible days below are impossible in any year. */
const Y = demoYear;

beforeEach(() => resetRequest());

type Params = Record<string, string>;
type ListPage = (props: { searchParams: Promise<Params>; params?: Promise<Params> }) => Promise<ReactNode>;

const programmeOf = (type: "MENTORSHIP" | "SHOWCASE") => async () => (await db.programme.findFirstOrThrow({ where: { type, status: "ACTIVE" }, orderBy: { createdAt: "asc" } })).id;

/** A service station of the unit (made on first use: the list is checked whether or not the demo seats one there). */
async function stationOf(unitCode: string) {
  const unit = await db.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const found = await db.serviceStation.findFirst({ where: { orgUnitId: unit.id }, select: { id: true } });
  if (found) return found.id;
  const admin = await db.user.findUniqueOrThrow({ where: { username: "admin" } });
  const programme = await db.programme.create({
    data: { type: "SERVICE_STATION", name: "驿站（筛选检查）", orgUnitId: unit.id, status: "ACTIVE", createdById: admin.id, startDate: dateOnly(`${Y}-01-01`), endDate: dateOnly(`${Y}-12-31`) },
  });
  return (await db.serviceStation.create({ data: { programmeId: programme.id, orgUnitId: unit.id, name: "筛选检查驿站" } })).id;
}

/**
 * Every list page with URL filters, who may open it, and the parameters of its filter form.
 * `segment` gives a page its path segment; `fixed` are parameters that pick the page itself.
 */
const LISTS: { path: string; page: ListPage; user: string; params: string[]; segment?: () => Promise<Params>; fixed?: () => Promise<Params> }[] = [
  { path: "/visits", page: VisitsPage as ListPage, user: "py.manager", params: Object.keys(visitFilterShape) },
  { path: "/hotline", page: HotlinePage as ListPage, user: "yh.manager", params: Object.keys(requestFilterShape) },
  { path: "/problems", page: ProblemsPage as ListPage, user: "py.manager", params: Object.keys(problemFilterShape) },
  { path: "/registers/households", page: HouseholdsPage as ListPage, user: "py.manager", params: Object.keys(householdFilterShape) },
  { path: "/registers/enterprises", page: EnterprisesPage as ListPage, user: "yh.manager", params: Object.keys(enterpriseFilterShape) },
  { path: "/talent", page: TalentsPage as ListPage, user: "yh.manager", params: Object.keys(talentFilterShape) },
  { path: "/admin/audit", page: AuditPage as ListPage, user: "admin", params: Object.keys(auditFilterShape) },
  { path: "/admin/users", page: UsersPage as ListPage, user: "admin", params: Object.keys(userFilterShape) },
  { path: "/notifications", page: NotificationsPage as ListPage, user: "py.officer", params: ["unread", "after"] },
  { path: "/programmes", page: ProgrammesPage as ListPage, user: "py.manager", params: ["type", "status", "q"] },
  { path: "/investment", page: InvestmentPage as ListPage, user: "yh.manager", params: ["programme", "from", "to"] },
  { path: "/investment/leads", page: LeadsPage as ListPage, user: "yh.manager", params: ["programme", "stage"] },
  { path: "/investment/prospects", page: ProspectsPage as ListPage, user: "yh.manager", params: ["programme"] },
  { path: "/investment/task-forces", page: TaskForcesPage as ListPage, user: "yh.manager", params: ["programme"] },
  { path: "/investment/trips", page: TripsPage as ListPage, user: "yh.manager", params: ["programme"] },
  { path: "/key-projects", page: KeyProjectsPage as ListPage, user: "yh.manager", params: ["programme"] },
  { path: "/key-projects/pledges", page: PledgesPage as ListPage, user: "yh.manager", params: ["programme"] },
  {
    path: "/mentorship/[programmeId]", page: PairingsPage as ListPage, user: "admin", params: ["status"],
    segment: async () => ({ programmeId: await programmeOf("MENTORSHIP")() }),
  },
  { path: "/talent/applications", page: ApplicationsPage as ListPage, user: "yh.manager", params: ["status"] },
  { path: "/talent/redemptions", page: RedemptionsPage as ListPage, user: "yh.manager", params: ["status"] },
  { path: "/talent/evaluation", page: EvaluationPage as ListPage, user: "yh.manager", params: Object.keys(evaluationFilterShape) },
  { path: "/talent/progress", page: PointsProgressPage as ListPage, user: "yh.manager", params: ["year", "by"] },
  {
    path: "/showcases/leaderboard", page: LeaderboardPage as ListPage, user: "admin", params: ["year"],
    fixed: async () => ({ programmeId: await programmeOf("SHOWCASE")() }),
  },
  {
    path: "/service-stations/[stationId]", page: StationCasesPage as ListPage, user: "yh.manager", params: Object.keys(caseFilterShape),
    segment: async () => ({ stationId: await stationOf("YH-LZ") }),
  },
  { path: "/admin/calendar", page: CalendarPage as ListPage, user: "admin", params: ["year", "date", "provisional"] },
  { path: "/hotline/reports", page: HotlineReportPage as ListPage, user: "yh.manager", params: Object.keys(reportFilterShape) },
  {
    path: "/service-stations/[stationId]/catalogue", page: CataloguePage as ListPage, user: "admin", params: Object.keys(catalogueFilterShape),
    segment: async () => ({ stationId: (await db.serviceStation.findFirstOrThrow({ orderBy: { createdAt: "asc" } })).id }),
  },
];

/** Fails every filter schema: not a day, not an id, not a value of any list, longer than any text or cursor. */
const GARBAGE = `${Y}-13-45'"<script>${"x".repeat(300)}`;

/** Year 1: its Shanghai midnight is year 0 in UTC, which PostgreSQL refused (the list's 出错了). */
const YEAR_ONE = String(1).padStart(4, "0");

/** Well-formed values the lists once passed on to the database, which refused them. */
const EXTREMES = [`${FILTER_YEAR_MIN - 1}-01-01`, `${FILTER_YEAR_MAX + 1}-12-31`, String(FILTER_YEAR_MIN - 1), `${FILTER_YEAR_MIN - 1}-Q1`, `${FILTER_YEAR_MIN - 1}-01`, `${YEAR_ONE}-01-01`];



/** Renders the page and returns the ignored parameters and the notice's text ("" without one). */
async function render(list: (typeof LISTS)[number], params: Params) {
  const fixed = (await list.fixed?.()) ?? {};
  const segment = list.segment ? { params: Promise.resolve(await list.segment()) } : {};
  const tree = await list.page({ searchParams: Promise.resolve({ ...fixed, ...params }), ...segment });
  const notices = findElements(tree, (e) => e.type === IgnoredFilters);
  expect(notices, `${list.path}: the page has the notice slot`).toHaveLength(1);
  const props = notices[0]!.props as Parameters<typeof IgnoredFilters>[0];
  return { tree, ignored: [...props.ignored], notice: elementText(await IgnoredFilters(props)) };
}

describe("parseFilters", () => {
  it("drops a bad value and names it, keeps the good ones, and treats empty as no filter", () => {
    const shape = { from: filterDay, to: filterDay, kind: filterDay.optional() };
    const parsed = parseFilters(shape, { from: `${Y}-13-45`, to: `${Y}-02-28`, kind: "  " });
    expect(parsed).toEqual({ filter: { to: `${Y}-02-28` }, ignored: ["from"] });
    // A day that rolls over is not a day; repeated parameters use the first; URLSearchParams too.
    expect(parseFilters(shape, { from: `${Y}-02-30`, to: [`${Y}-03-01`, "bad"] }).ignored).toEqual(["from"]);
    expect(parseFilters(shape, new URLSearchParams(`from=${Y}-03-01&to=x`)).filter).toEqual({ from: `${Y}-03-01` });
  });

  it("a real day or period in an absurd year is not a filter (year 1 was Shanghai midnight in year 0 UTC, out of PostgreSQL's range)", () => {
    const shape = { from: filterDay, to: filterDay, period: filterPeriod };
    expect(parseFilters(shape, { from: `${FILTER_YEAR_MIN - 1}-12-31`, to: `${FILTER_YEAR_MAX + 1}-01-01`, period: String(FILTER_YEAR_MIN - 1) }).ignored).toEqual(["from", "to", "period"]);
    expect(parseFilters(shape, { from: `${FILTER_YEAR_MIN}-01-01`, to: `${FILTER_YEAR_MAX}-12-31`, period: `${FILTER_YEAR_MAX}-Q4` }).ignored).toEqual([]);
  });
});

describe("list pages with a bad filter in the URL", () => {
  it("/visits?from=<year>-13-45 renders, names 开始日期 and still applies the kind", async () => {
    await actAs("py.manager");
    const list = LISTS.find((l) => l.path === "/visits")!;
    const { tree, ignored, notice } = await render(list, { from: `${Y}-13-45`, kind: "HOUSEHOLD" });
    expect(ignored).toEqual(["from"]);
    expect(notice).toBe("已忽略无效的筛选条件：开始日期");
    const kind = findElements(tree, (e) => (e.props as { id?: string }).id === "f-kind");
    expect((kind[0]!.props as { defaultValue?: string }).defaultValue).toBe("HOUSEHOLD");
  });

  it("/hotline?from=<year>-13-45 renders and names the received-from field", async () => {
    await actAs("yh.manager");
    const { ignored, notice } = await render(LISTS.find((l) => l.path === "/hotline")!, { from: `${Y}-13-45`, to: `${Y}-02-30`, status: "RECEIVED" });
    expect(ignored).toEqual(["from", "to"]);
    expect(notice).toMatch(/^已忽略无效的筛选条件：.+、.+$/);
  });

  for (const list of LISTS) {
    it(`${list.path}: garbage in each filter parameter is ignored with a notice, never an error`, async () => {
      await actAs(list.user);
      expect((await render(list, {})).notice, "no notice without a bad value").toBe("");
      for (const param of list.params) {
        const { ignored, notice } = await render(list, { [param]: GARBAGE });
        expect(ignored, `${list.path}?${param}=…`).toEqual([param]);
        expect(notice, `${list.path}?${param}=…`).toMatch(/^已忽略无效的筛选条件：\S+$/);
        expect(notice).not.toContain(GARBAGE.slice(0, 10));
      }
      const all = await render(list, Object.fromEntries(list.params.map((p) => [p, GARBAGE])));
      expect(all.ignored.sort()).toEqual([...list.params].sort());
    });

    it(`${list.path}: a real but absurd date in any filter parameter renders the page`, async () => {
      await actAs(list.user);
      for (const param of list.params) {
        for (const value of EXTREMES) await render(list, { [param]: value });
      }
    });
  }
});
