// The report jobs (pg-boss cron, Asia/Shanghai): "reports.weekly" every Monday 08:30 makes the
// week Monday–Sunday just ended, "reports.monthly" on the 1st at 08:30 the month just ended, for
// every active user whose role holds managerReport.view, each for their own unit's subtree.
// Passed to startWorkers() by the composition roots (instrumentation.ts, scripts/worker.ts).
//
// Once per manager and period: the row is inserted with ON CONFLICT (userId, period,
// periodStart) DO NOTHING before anything else is written, and only the run whose INSERT took
// stores the workbook and notifies, in the same transaction — a retry after a crash, a second
// worker or a manual rerun finds the row and leaves it be.
import "server-only";
import { randomUUID } from "node:crypto";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db } from "@/lib/platform/db/client";
import type { SessionUser } from "@/lib/platform/auth/session";
import { ROLES, roleHas } from "@/lib/platform/authz/permissions";
import { job } from "@/lib/platform/jobs/registry";
import { notify } from "@/lib/platform/notifications/notify";
import { shanghaiDate } from "@/lib/platform/periods";
import { storage } from "@/lib/platform/storage";
import { computeReportFigures, leadingTarget, previousReportPeriod, reportWorkbook, type ReportFigures, type ReportPeriod } from "./reports";

/** `at` (ISO) stands for the run's instant in tests and manual reruns; a cron tick carries nothing. */
export type ReportJobData = { at?: string } | null | undefined;

export const REPORT_NOTICE_KIND: Record<ReportPeriod, string> = { WEEK: "reports.weekly", MONTH: "reports.monthly" };

export const reportLink = (id: string) => `/reports/${id}`;

/** The notice's ICU params: the period and the three numbers that matter. */
export function reportNoticeParams(figures: ReportFigures): Record<string, string | number> {
  const lead = leadingTarget(figures);
  return {
    from: figures.from,
    to: figures.to,
    lead: lead && lead.value !== null ? "yes" : "none",
    indicator: lead?.name ?? "",
    value: lead?.value ?? 0,
    target: lead?.target ?? 0,
    unitLabel: lead?.unitLabel ?? "",
    overdue: figures.overdueProblems,
    breaches: figures.breachedClocks,
  };
}

export type ReportRunResult = { period: ReportPeriod; from: string; to: string; made: string[]; existing: number; failed: number };

export async function runManagerReports(period: ReportPeriod, at: Date = clockNow(), client: Db = db): Promise<ReportRunResult> {
  const range = previousReportPeriod(period, shanghaiDate(at));
  const roles = ROLES.filter((r) => roleHas(r, "managerReport.view"));
  const managers = await client.user.findMany({
    where: { active: true, role: { in: [...roles] } },
    orderBy: { id: "asc" },
    select: { id: true, username: true, name: true, role: true, mustChangePassword: true, orgUnit: { select: { id: true, path: true, name: true } } },
  });
  const result: ReportRunResult = { period, ...range, made: [], existing: 0, failed: 0 };
  for (const m of managers) {
    // A cheap skip before computing; the INSERT below is what makes it once.
    const done = await client.managerReport.findUnique({ where: { userId_period_periodStart: { userId: m.id, period, periodStart: range.from } }, select: { id: true } });
    if (done) {
      result.existing += 1;
      continue;
    }
    const user: SessionUser = { id: m.id, username: m.username, name: m.name, role: m.role, orgUnitId: m.orgUnit.id, orgPath: m.orgUnit.path, orgName: m.orgUnit.name, mustChangePassword: m.mustChangePassword };
    try {
      const { figures, models } = await computeReportFigures(user, range, at, client);
      const id = randomUUID();
      const made = await client.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO manager_report (id, "userId", "orgUnitId", period, "periodStart", "periodEnd", figures, "createdAt")
          VALUES (${id}, ${m.id}, ${m.orgUnit.id}, ${period}, ${range.from}, ${range.to}, ${JSON.stringify(figures)}::jsonb, ${clockNow()})
          ON CONFLICT ("userId", period, "periodStart") DO NOTHING`;
        if (inserted === 0) return false;
        const { buffer } = await reportWorkbook(user, { id, period }, figures, models, "zh-CN", at);
        const storageKey = `reports/${m.id}/${id}.xlsx`;
        // Stored before the commit: a rollback leaves an unreferenced file, never a row without its file.
        await storage().put(storageKey, buffer);
        await tx.managerReport.update({ where: { id }, data: { storageKey } });
        await notify({
          userIds: [m.id],
          kind: REPORT_NOTICE_KIND[period],
          titleKey: period === "WEEK" ? "reports.notify.weekly" : "reports.notify.monthly",
          params: reportNoticeParams(figures),
          link: reportLink(id),
          entityType: "ManagerReport",
          entityId: id,
          urgent: false,
        }, tx);
        return true;
      }, { timeout: 60_000 });
      if (made) result.made.push(id);
      else result.existing += 1;
    } catch (error) {
      // One manager's failure does not hold up the others; the job fails at the end and its
      // retry makes only the missing reports.
      result.failed += 1;
      console.error(`[reports] ${period} ${range.from} for user ${m.id} failed`, error);
    }
  }
  if (result.failed > 0) throw new Error(`[reports] ${period} ${range.from}: ${result.failed} of ${managers.length} reports failed`);
  return result;
}

const atOf = (data: ReportJobData) => (data?.at ? new Date(data.at) : clockNow());

export const reportJobs = [
  // A run reads every programme's figures for each manager: give it time before counting it failed.
  job<ReportJobData>("reports.weekly", async (data) => void (await runManagerReports("WEEK", atOf(data))), { cron: "30 8 * * 1", expireInSeconds: 1800 }),
  job<ReportJobData>("reports.monthly", async (data) => void (await runManagerReports("MONTH", atOf(data))), { cron: "30 8 1 * *", expireInSeconds: 1800 }),
];
