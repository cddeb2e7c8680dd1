// GET /api/exports/service-stations/progress?station=&period=&from=&to=: the station's progress
// (or every station the user sees, without ?station=) as the progress page shows it, one sheet
// per table (概况, 按月办件, 事项办理次数, 等待中的圆桌会商, 工作人员). Built whole (a report of
// a few hundred rows) and audited before the response. Permission "report.export" and
// "serviceStation.view"; a station outside the user's area is not found.
import { z } from "zod";
import { exportRoute } from "@/lib/platform/exports/route";
import { idParam } from "@/lib/platform/read";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { PROGRESS_DEFAULT_PERIOD, stationProgress } from "@/lib/service-stations/progress";
import { countingNote, progressTables } from "@/lib/service-stations/progress-view";

const short = z.string().max(64).optional();

export const GET = exportRoute(
  {
    name: "serviceStation.progress.export", permission: ["report.export", "serviceStation.view"], namespace: "serviceStation", buffered: true,
    query: z.object({ station: idParam.optional(), period: short, from: short, to: short }),
  },
  // Figures that may lag read the replica (decision 0017); the catalogue export does not: an
  // admin exports what they have just edited.
  async ({ user, query, t, tx, locale, replica }) => {
    const period = parseDashboardPeriod({ period: query.period ?? PROGRESS_DEFAULT_PERIOD, from: query.from, to: query.to });
    const progress = await stationProgress(user, query.station ?? null, { from: period.from, to: period.to }, replica);
    const tp = (key: string, values?: Record<string, string | number>) => t(`progress.${key}`, values);
    const stationName = progress.station?.name ?? tp("allStations");
    return {
      name: `${stationName}-${tp("title")}`,
      filters: [
        { label: tx("unit"), value: progress.station?.orgUnitName ?? user.orgName },
        { label: t("progress.cols.station"), value: stationName },
        { label: tx("period"), value: `${period.from}～${period.to}` },
        { label: tp("countingRule"), value: countingNote(progress, tp) },
      ],
      sheets: progressTables(progress, tp, locale).map((table) => ({ name: table.title, columns: table.columns, rows: table.rows })),
      audit: {
        action: "serviceStation.progress.export", entityType: "ServiceStation", entityId: progress.station?.id ?? null,
        data: { stationId: progress.station?.id ?? null, from: period.from, to: period.to, finished: progress.totals.finished },
      },
    };
  },
);
