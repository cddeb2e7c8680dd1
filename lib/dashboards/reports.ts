// 管理周报 / 月报 (issue 18): every manager's report of the week or month just ended, for
// their own unit's subtree. The figures are the dashboard's (./view.ts loadDashboard for each
// active programme over the report's days, read where the dashboard reads them), not a second
// computation: a report says what the dashboard said for that period. Stored once per
// (user, period, first day) with the workbook the dashboard export would give, and announced
// by one notification whose text carries the three numbers that matter (a DingTalk message is
// rendered from it).
import "server-only";
import { createTranslator } from "use-intl/core";
import { now as clockNow } from "@/lib/platform/clock";
import { db, replicaFor, type Client, type Db } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import type { SessionUser } from "@/lib/platform/auth/session";
import { NotFoundError } from "@/lib/platform/errors";
import { xlsxBytes, type Column, type SheetSpec } from "@/lib/platform/exports/xlsx";
import { platformMessagesFor } from "@/lib/platform/i18n/messages";
import type { Locale } from "@/lib/platform/i18n/locales";
import { addDays } from "@/lib/platform/periods";
import { problemReadScope, UNRESOLVED_STATUSES } from "@/lib/problems";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { periodOf } from "./period";
import { indicatorName, loadDashboard, panelTable, targetsTable, unitLabel, type DashboardModel } from "./view";

export const REPORT_PERIODS = ["WEEK", "MONTH"] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** One indicator of the unit against its target for one target period ("2026", "2026-11"). */
export type ReportTarget = { indicatorId: string; name: string; period: string; unitLabel: string; key: string | null; value: number | null; target: number | null; percent: number | null };
/** A child unit behind on one target: its completion below the subtree's as a whole. */
export type ReportBehind = { unitId: string; unitName: string; indicatorId: string; name: string; period: string; unitLabel: string; value: number | null; target: number; percent: number };
export type ReportProgramme = {
  id: string;
  name: string;
  type: ProgrammeType;
  /** The dashboard's headline tiles: the panel's first four indicators for the unit. */
  headline: { key: string; value: number | null }[];
  targets: ReportTarget[];
  behind: ReportBehind[];
};
/** What a ManagerReport's `figures` holds (JSON), the numbers as the dashboard shows them. */
export type ReportFigures = {
  unit: { id: string; name: string };
  from: string;
  to: string;
  programmes: ReportProgramme[];
  /**
   * Problems of the subtree (or escalated into it) unresolved when the report is made and due
   * on or before the period's last day: the problem list's "overdue" on the morning after.
   * Statuses have no history, so "as at the period's end" is read as "as at the report".
   */
  overdueProblems: number;
  /** The dashboard's "hotline.breaches" (stage clocks missed) summed over the hotline programmes reaching the unit. */
  breachedClocks: number;
  /** Whether any hotline programme reaches the unit (no clocks run otherwise). */
  hotline: boolean;
};

/** The behind list keeps the lowest few per target, so a district's report stays readable. */
const BEHIND_PER_TARGET = 5;

/** The report period that ended before `today` (Shanghai date): last Monday–Sunday, or last month. */
export function previousReportPeriod(period: ReportPeriod, today: string): { from: string; to: string } {
  if (period === "WEEK") {
    const week = periodOf("week", today);
    return { from: addDays(week.from, -7), to: addDays(week.from, -1) };
  }
  const month = periodOf("month", today);
  const last = periodOf("month", addDays(month.from, -1));
  return { from: last.from, to: last.to };
}

/** The dashboard's params for the report's days (a custom range: the same figures as picking those days on the page). */
export const dashboardParamsOf = (range: { from: string; to: string }, programme?: string) => ({ period: "custom", from: range.from, to: range.to, programme });

function programmeFigures(model: DashboardModel): ReportProgramme {
  const { unit, children, selected, panel } = model;
  const headline = (panel?.keys.slice(0, 4) ?? []).map((key) => ({ key, value: panel!.values.get(key)?.get(unit.id) ?? null }));
  const targets: ReportTarget[] = model.targets.map((r) => {
    const c = r.cells.get(unit.id)!;
    return { indicatorId: r.indicatorId, name: r.name, period: r.period, unitLabel: r.unitLabel, key: r.key, value: c.value, target: c.target, percent: c.percent };
  });
  const behind: ReportBehind[] = model.targets.flatMap((r) => {
    const withTarget = children
      .map((u) => ({ u, c: r.cells.get(u.id)! }))
      .filter((x): x is { u: typeof x.u; c: typeof x.c & { target: number; percent: number } } => x.c.target !== null && x.c.percent !== null);
    if (withTarget.length === 0) return [];
    // The yardstick is the subtree's own completion; without a target of its own, the children's mean.
    const own = r.cells.get(unit.id)!.percent;
    const bar = own ?? withTarget.reduce((s, x) => s + x.c.percent, 0) / withTarget.length;
    return withTarget
      .filter((x) => x.c.percent < bar)
      .sort((a, b) => a.c.percent - b.c.percent)
      .slice(0, BEHIND_PER_TARGET)
      .map(({ u, c }) => ({ unitId: u.id, unitName: u.name, indicatorId: r.indicatorId, name: r.name, period: r.period, unitLabel: r.unitLabel, value: c.value, target: c.target, percent: c.percent }));
  });
  return { id: selected!.id, name: selected!.name, type: selected!.type, headline, targets, behind };
}

/**
 * The report's figures for `actor`'s own unit over `range`, and the dashboard models they come
 * from (one per active programme, for the workbook). Read as the dashboard reads: the scope on
 * `client`, the figures on its replica.
 */
export async function computeReportFigures(actor: Actor, range: { from: string; to: string }, now = clockNow(), client: Db = db) {
  const first = await loadDashboard(actor, dashboardParamsOf(range), now, client);
  const models = [first];
  for (const p of first.programmes.slice(1)) models.push(await loadDashboard(actor, dashboardParamsOf(range, p.id), now, client));
  const programmes = first.selected ? models.map(programmeFigures) : [];
  const hotline = first.selected ? models.filter((m) => m.selected!.type === "HOTLINE") : [];
  const figures: ReportFigures = {
    unit: { id: first.unit.id, name: first.unit.name },
    from: range.from,
    to: range.to,
    programmes,
    overdueProblems: await overdueProblemCount(actor, range.to, replicaFor(client)),
    // The panel holds every indicator of the programme's type, shown among the tiles or not.
    breachedClocks: hotline.reduce((s, m) => s + (m.panel?.values.get("hotline.breaches")?.get(m.unit.id) ?? 0), 0),
    hotline: hotline.length > 0,
  };
  return { figures, models: first.selected ? models : [] };
}

/**
 * Problems the manager's problem list shows as overdue on the day after `to` (the report is made
 * then): in their read scope, unresolved, due before that day.
 */
export async function overdueProblemCount(actor: Pick<Actor, "orgPath">, to: string, client: Client = db): Promise<number> {
  return client.problem.count({
    where: { AND: [problemReadScope(actor), { status: { in: [...UNRESOLVED_STATUSES] }, dueDate: { lt: new Date(`${addDays(to, 1)}T00:00:00.000Z`) } }] },
  });
}

/** The one figure the notice leads with: the first indicator (programme order) with a target for the unit. */
export function leadingTarget(figures: ReportFigures): ReportTarget | null {
  for (const p of figures.programmes) for (const t of p.targets) if (t.target !== null) return t;
  return null;
}

type T = (key: string, values?: Record<string, string | number>) => string;
export function reportTranslator(locale: Locale, namespace: "dashboards" | "reports"): T {
  return createTranslator({ locale, messages: platformMessagesFor(locale) as never, namespace: namespace as never }) as unknown as T;
}

const SHEET_CHARS = /[*?:\\/[\]]/g;
const sheetName = (s: string) => s.replace(SHEET_CHARS, " ").slice(0, 31);

/**
 * The workbook: the report's own sheets (targets, units behind, problems and clocks — the
 * figures as stored) and, for each programme, the dashboard export's targets and indicator
 * tables (./view.ts targetsTable / panelTable) for the report's days.
 */
export function reportSheets(figures: ReportFigures, models: DashboardModel[], locale: Locale): SheetSpec[] {
  const t = reportTranslator(locale, "reports");
  const td = reportTranslator(locale, "dashboards");
  const valueColumn = (header: string): Column => ({ header, type: "decimal", digits: 2 });
  const targets: SheetSpec = {
    name: t("sheets.targets"),
    columns: [
      { header: t("cols.programme"), type: "text" }, { header: t("cols.indicator"), type: "text" }, { header: t("cols.targetPeriod"), type: "text" },
      { header: t("cols.unitLabel"), type: "text" }, valueColumn(t("cols.value")), valueColumn(t("cols.target")), { header: t("cols.percent"), type: "percent", scale: "points" },
    ],
    rows: figures.programmes.flatMap((p) => p.targets.map((r) => [p.name, r.name, r.period, r.unitLabel, r.value, r.target, r.percent])),
  };
  const headline: SheetSpec = {
    name: t("sheets.headline"),
    columns: [{ header: t("cols.programme"), type: "text" }, { header: t("cols.indicator"), type: "text" }, { header: t("cols.unitLabel"), type: "text" }, valueColumn(t("cols.value"))],
    rows: figures.programmes.flatMap((p) => p.headline.map((h) => [p.name, indicatorName(td, h.key), unitLabel(td, h.key), h.value])),
  };
  const behind: SheetSpec = {
    name: t("sheets.behind"),
    columns: [
      { header: t("cols.unit"), type: "text" }, { header: t("cols.programme"), type: "text" }, { header: t("cols.indicator"), type: "text" }, { header: t("cols.targetPeriod"), type: "text" },
      { header: t("cols.unitLabel"), type: "text" }, valueColumn(t("cols.value")), valueColumn(t("cols.target")), { header: t("cols.percent"), type: "percent", scale: "points" },
    ],
    rows: figures.programmes.flatMap((p) => p.behind.map((b) => [b.unitName, p.name, b.name, b.period, b.unitLabel, b.value, b.target, b.percent])),
  };
  const issues: SheetSpec = {
    name: t("sheets.issues"),
    columns: [{ header: t("cols.item"), type: "text" }, { header: t("cols.count"), type: "integer" }],
    rows: [[t("overdueProblems"), figures.overdueProblems], [t("breachedClocks"), figures.breachedClocks]],
  };
  const perProgramme = models.flatMap((m, i): SheetSpec[] => {
    const tt = targetsTable(m, td);
    const pt = panelTable(m, td);
    return [
      ...(tt.rows.length && m.targets.length ? [{ name: sheetName(`${i + 1} ${t("sheets.programmeTargets")} ${m.selected!.name}`), columns: tt.columns, rows: tt.rows.map((r) => r.cells) }] : []),
      ...(pt.columns.length ? [{ name: sheetName(`${i + 1} ${t("sheets.programmePanel")} ${m.selected!.name}`), columns: pt.columns, rows: pt.rows.map((r) => r.cells) }] : []),
    ];
  });
  return [targets, headline, behind, issues, ...perProgramme];
}

/** The workbook's bytes, written by the platform exporter and audited as generated for `user`. */
export async function reportWorkbook(user: SessionUser, report: { id: string; period: ReportPeriod }, figures: ReportFigures, models: DashboardModel[], locale: Locale = "zh-CN", now = clockNow()) {
  const t = reportTranslator(locale, "reports");
  const tx = createTranslator({ locale, messages: platformMessagesFor(locale) as never, namespace: "exports" as never }) as unknown as T;
  return xlsxBytes(user, {
    name: t("fileName", { period: report.period, unit: figures.unit.name, from: figures.from, to: figures.to }),
    fileName: `${t("fileName", { period: report.period, unit: figures.unit.name, from: figures.from, to: figures.to })}.xlsx`,
    filters: [{ label: tx("unit"), value: figures.unit.name }, { label: tx("period"), value: `${figures.from}～${figures.to}` }],
    sheets: reportSheets(figures, models, locale),
    audit: { action: "managerReport.generate", entityType: "ManagerReport", entityId: report.id, data: (w) => ({ period: report.period, from: figures.from, to: figures.to, unitId: figures.unit.id, rows: w.rows }) },
  }, locale, now);
}

// ── Reads for the pages and the download ──────────────────────────────────────────────

export type ReportListItem = { id: string; period: ReportPeriod; periodStart: string; periodEnd: string; createdAt: Date; unitName: string };

/** The signed-in user's own reports, newest period first (weeks and months interleaved by their first day). */
export async function listManagerReports(actor: Pick<Actor, "id">, take = 100, client: Client = db): Promise<ReportListItem[]> {
  const rows = await client.managerReport.findMany({
    where: { userId: actor.id },
    orderBy: [{ periodEnd: "desc" }, { period: "asc" }, { createdAt: "desc" }],
    take,
    select: { id: true, period: true, periodStart: true, periodEnd: true, createdAt: true, figures: true },
  });
  return rows.map((r) => ({ id: r.id, period: r.period as ReportPeriod, periodStart: r.periodStart, periodEnd: r.periodEnd, createdAt: r.createdAt, unitName: (r.figures as ReportFigures).unit.name }));
}

/** One of the user's own reports; anyone else's (or an unknown id) is NotFound. */
export async function getManagerReportOrThrow(actor: Pick<Actor, "id">, reportId: string, client: Client = db) {
  const r = await client.managerReport.findFirst({ where: { id: reportId, userId: actor.id } });
  if (!r) throw new NotFoundError({ entityType: "ManagerReport", entityId: reportId });
  return { ...r, period: r.period as ReportPeriod, figures: r.figures as ReportFigures };
}
