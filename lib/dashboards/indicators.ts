// The indicator registry: every measure a dashboard, a target or a 赛马 ranking can name.
// Each indicator derives its value from one or two query families (./families), so a page
// runs each family's SQL once for all the units it shows. Names are in messages/dashboards
// under "dashboards.indicators.<key>"; units under "dashboards.units.<unit>".
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { FAMILIES, type FamilyName, type FamilyQuery, type FamilyResult, type FamilyRow } from "./families";

export type IndicatorUnit = "count" | "households" | "enterprises" | "percent" | "days" | "minutes" | "points" | "wan" | "yi" | "score" | "items";
export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

export type Indicator = {
  key: string;
  unit: IndicatorUnit;
  direction: Direction;
  /** Values of children add up to the parent's (counts and sums; not rates or averages). */
  additive: boolean;
  /** The programme type whose panel shows it. */
  programmeType: ProgrammeType;
  families: FamilyName[];
  value: (rows: Partial<Record<FamilyName, FamilyRow>>) => number | null;
};

const pct = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);
// One decimal, after dropping float noise: a sum of fractional days added up in another order
// (a parent's row from its children's rollups, the child's own dashboard from its own) can
// differ in the 15th digit, and 12.549999… and 12.550000… must not round apart (12.5 vs 12.6).
const round1 = (v: number) => Math.round(Number(v.toPrecision(12)) * 10) / 10;
const n = (row: FamilyRow | undefined, key: string) => row?.[key] ?? 0;

function count(key: string, programmeType: ProgrammeType, family: FamilyName, column: string, unit: IndicatorUnit = "count"): Indicator {
  return { key, unit, direction: "HIGHER_IS_BETTER", additive: true, programmeType, families: [family], value: (r) => n(r[family], column) };
}

/** On-time rate of a hotline stage: on time ÷ requests whose clock has run out or been met. */
function onTime(key: string, stage: "accept" | "assign" | "respond"): Indicator {
  return {
    key, unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "HOTLINE", families: ["requests"],
    value: (r) => pct(n(r.requests, `${stage}OnTime`), n(r.requests, "received") - n(r.requests, `${stage}Pending`)),
  };
}

export const INDICATORS: Indicator[] = [
  // 民情双访 visits and problems
  count("visits.count", "VISIT_CAMPAIGN", "visits", "visits"),
  count("visits.households", "VISIT_CAMPAIGN", "reach", "households", "households"),
  count("visits.enterprises", "VISIT_CAMPAIGN", "reach", "enterprises", "enterprises"),
  count("visits.guided", "VISIT_CAMPAIGN", "visits", "guided"),
  count("visits.services", "VISIT_CAMPAIGN", "visits", "services", "items"),
  {
    key: "visits.coverage", unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "VISIT_CAMPAIGN", families: ["coverage"],
    value: (r) => pct(n(r.coverage, "reachedHouseholds"), n(r.coverage, "households")),
  },
  {
    key: "visits.enterpriseCoverage", unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "VISIT_CAMPAIGN", families: ["coverage"],
    value: (r) => pct(n(r.coverage, "reachedEnterprises"), n(r.coverage, "enterprises")),
  },
  count("visits.events", "VISIT_CAMPAIGN", "events", "events"),
  count("problems.raised", "VISIT_CAMPAIGN", "problems", "raised", "items"),
  count("problems.solved", "VISIT_CAMPAIGN", "problems", "solved", "items"),
  {
    key: "problems.solvedRate", unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "VISIT_CAMPAIGN", families: ["problems"],
    value: (r) => pct(n(r.problems, "solved"), n(r.problems, "raised")),
  },
  {
    key: "problems.avgDaysToSolve", unit: "days", direction: "LOWER_IS_BETTER", additive: false, programmeType: "VISIT_CAMPAIGN", families: ["problems"],
    value: (r) => (n(r.problems, "solved") > 0 ? round1(n(r.problems, "solvedDaysSum") / n(r.problems, "solved")) : null),
  },
  // 亲企办 hotline
  count("hotline.received", "HOTLINE", "requests", "received", "items"),
  count("hotline.closed", "HOTLINE", "requests", "closed", "items"),
  onTime("hotline.acceptOnTime", "accept"),
  onTime("hotline.assignOnTime", "assign"),
  onTime("hotline.respondOnTime", "respond"),
  {
    // Stage clocks missed (late, or overdue and still running), summed over the three stages.
    key: "hotline.breaches", unit: "count", direction: "LOWER_IS_BETTER", additive: true, programmeType: "HOTLINE", families: ["requests"],
    value: (r) => (["accept", "assign", "respond"] as const).reduce((s, st) => s + n(r.requests, "received") - n(r.requests, `${st}OnTime`) - n(r.requests, `${st}Pending`), 0),
  },
  {
    key: "hotline.satisfaction", unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "HOTLINE", families: ["requests"],
    value: (r) => pct(n(r.requests, "satisfactionSum"), n(r.requests, "satisfactionCount") * 5),
  },
  // 导师带徒 mentorship
  count("mentorship.pairingsActive", "MENTORSHIP", "mentorship", "pairingsActive"),
  {
    key: "mentorship.pairingsOnTrack", unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "MENTORSHIP", families: ["mentorship"],
    value: (r) => pct(n(r.mentorship, "pairingsOnTrack"), n(r.mentorship, "pairingsActive")),
  },
  { ...count("mentorship.overdueActivities", "MENTORSHIP", "mentorship", "overdueMilestones", "items"), direction: "LOWER_IS_BETTER" },
  count("mentorship.activities", "MENTORSHIP", "mentorship", "activities"),
  count("mentorship.guidedVisits", "MENTORSHIP", "mentorship", "guidedVisits"),
  count("mentorship.disputes", "MENTORSHIP", "mentorship", "disputes", "items"),
  // 人才积分 talent points
  count("points.granted", "TALENT_POINTS", "points", "granted", "points"),
  count("points.redeemed", "TALENT_POINTS", "points", "redeemed", "points"),
  count("points.redemptions", "TALENT_POINTS", "points", "redemptions", "items"),
  count("points.talentsServed", "TALENT_POINTS", "quotas", "talentsServed"),
  {
    key: "points.quotaUse", unit: "percent", direction: "HIGHER_IS_BETTER", additive: false, programmeType: "TALENT_POINTS", families: ["quotas"],
    value: (r) => pct(n(r.quotas, "quotaUsed"), n(r.quotas, "quotaTotal")),
  },
  // 三争一实 showcases
  count("showcase.sessions", "SHOWCASE", "showcase", "sessions"),
  count("showcase.entries", "SHOWCASE", "showcase", "entries"),
  // 增值服务驿站 service stations: finished cases, enterprises served (distinct per station,
  // summed over stations: see the family), minutes saved.
  count("serviceStation.cases", "SERVICE_STATION", "serviceStation", "cases", "items"),
  count("serviceStation.enterprises", "SERVICE_STATION", "serviceStation", "enterprises", "enterprises"),
  count("serviceStation.minutesSaved", "SERVICE_STATION", "serviceStation", "minutesSaved", "minutes"),
  // 招商 investment
  count("investment.trips", "INVESTMENT", "investment", "trips"),
  count("investment.enterprisesMet", "INVESTMENT", "investment", "enterprisesMet", "enterprises"),
  count("investment.projectsSigned", "INVESTMENT", "investment", "projectsSigned", "items"),
  { ...count("investment.signedWan", "INVESTMENT", "investment", "signedWan", "wan"), value: (r) => round1(n(r.investment, "signedWan")) },
  { ...count("investment.signedYi", "INVESTMENT", "investment", "signedWan", "yi"), value: (r) => Math.round(n(r.investment, "signedWan") / 100) / 100 },
  // 重点项目 key projects
  count("keyProjects.started", "KEY_PROJECT", "keyProjects", "started", "items"),
  count("keyProjects.inProduction", "KEY_PROJECT", "keyProjects", "inProduction", "items"),
  { ...count("keyProjects.lateMilestones", "KEY_PROJECT", "keyProjects", "lateMilestones", "items"), direction: "LOWER_IS_BETTER" },
];

export const INDICATOR_BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));
export const INDICATOR_KEYS = INDICATORS.map((i) => i.key);

/**
 * Programme indicator codes → the dashboard indicator that computes them: each module's
 * descriptor says it (IndicatorTemplate.computedBy), the programme registry collects them.
 */
export { TARGET_CODE_TO_KEY } from "@/lib/programmes/registry";

/** The indicators of one programme type's panel, in display order. */
export function indicatorsOfType(type: ProgrammeType): Indicator[] {
  return INDICATORS.filter((i) => i.programmeType === type && i.key !== "investment.signedYi");
}

export type IndicatorValues = Map<string, Map<string, number | null>>;

/**
 * Values of `keys` for every unit in `q.units` (each its whole subtree): indicator key →
 * unit id → value. With `q.grain`, the inner key is `${unitId}|${bucketStart}` and only
 * bucketable indicators have values.
 */
export async function computeIndicators(keys: string[], q: FamilyQuery, client: Db | Tx = db): Promise<IndicatorValues> {
  const indicators = keys.map((k) => INDICATOR_BY_KEY.get(k)).filter((i): i is Indicator => Boolean(i));
  const needed = [...new Set(indicators.flatMap((i) => i.families))].filter((f) => !q.grain || FAMILIES[f].bucketed);
  const results = new Map<FamilyName, FamilyResult>(
    await Promise.all(needed.map(async (f) => [f, await FAMILIES[f].run(client, q)] as const)),
  );
  const rowKeys = new Set<string>(q.grain ? [...results.values()].flatMap((r) => [...r.keys()]) : q.units.map((u) => u.id));
  const out: IndicatorValues = new Map();
  for (const ind of indicators) {
    const values = new Map<string, number | null>();
    if (!ind.families.every((f) => results.has(f))) {
      out.set(ind.key, values);
      continue;
    }
    for (const rk of rowKeys) {
      const rows: Partial<Record<FamilyName, FamilyRow>> = {};
      for (const f of ind.families) rows[f] = results.get(f)!.get(rk);
      values.set(rk, ind.value(rows));
    }
    out.set(ind.key, values);
  }
  return out;
}
