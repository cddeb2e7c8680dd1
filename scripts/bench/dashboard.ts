// The dashboard's drill-down row (issue 17, goal 4): 余杭区's year view is the `dashboard` row in
// scripts/bench.ts; this is the next level down, one scale street (规模1街道, its ~13 villages as
// children) over the same year and programme — what a manager sees after one click.
type Read = (name: string, pagePath: string, fn: () => Promise<unknown>, target: string) => Promise<void>;

export async function benchDashboardDrillDown(opts: {
  read: Read;
  /** loadDashboard(user, params, undefined, logged) as the main row calls it. */
  load: (params: { unit: string; programme: string; period: string }) => Promise<unknown>;
  streetId?: string;
}) {
  const unit = opts.streetId ?? "scs001";
  const params = { unit, programme: "scpvisit", period: "year" };
  await opts.read("dashboard drill-down (a scale street, year, its villages)", `/dashboard?unit=${unit}&programme=scpvisit&period=year`,
    () => opts.load(params), "p95 ≤ 150 ms; ≤ 1.5× SQL");
}
