// The progress tables as the page shows them and the export writes them (one sheet per table):
// built once from stationProgress(), so a cell on screen and the cell in the workbook are the
// same value. Labels come from messages "serviceStation.progress.*".
import "server-only";
import type { Column } from "@/lib/platform/exports/xlsx";
import { formatDateTime } from "@/lib/platform/format/dates";
import { averageOf, type StationProgress } from "./progress";

type T = (key: string, values?: Record<string, string | number>) => string;
export type ProgressCell = string | number | null;
export type ProgressTable = { key: "summary" | "trend" | "items" | "roundTables" | "staff"; title: string; columns: Column[]; rows: ProgressCell[][] };

const int = (header: string, unit?: string): Column => ({ header, type: "integer", unit });
const text = (header: string): Column => ({ header, type: "text" });

/** "2 天 5 小时" / "5 小时": how long a round-table has waited. */
export function waitingLabel(hours: number, t: T): string {
  return hours >= 24 ? t("waitingDays", { days: Math.floor(hours / 24), hours: hours % 24 }) : t("waitingHours", { hours });
}

/** How the figures are counted (the page's note, the export's caption): over all stations, enterprises are distinct across them. */
export function countingNote(p: Pick<StationProgress, "station">, t: T): string {
  return t(p.station === null ? "countingNoteAllStations" : "countingNote");
}

export function progressTables(p: StationProgress, t: T, locale: string): ProgressTable[] {
  const allStations = p.station === null;
  const minutes = t("units.minutes");
  return [
    {
      key: "summary",
      title: t("tables.summary"),
      columns: [text(t("cols.figure")), { header: t("cols.value"), type: "decimal", digits: 1 }, text(t("cols.unit"))],
      rows: [
        [t("figures.finished"), p.totals.finished, t("units.cases")],
        // Over all stations an enterprise served at two counts once here, while the dashboards
        // count per station and add up the tree: the label says which rule this figure is.
        [t(allStations ? "figures.enterprisesAcrossStations" : "figures.enterprises"), p.totals.enterprises, t("units.enterprises")],
        [t("figures.averageMinutes"), p.totals.averageMinutes, minutes],
        [t("figures.minutesSaved"), p.totals.minutesSaved, minutes],
        [t("figures.hoursSaved"), p.totals.hoursSaved, t("units.hours")],
        [t("figures.opened"), p.opened, t("units.cases")],
        ...Object.entries(p.byStatus).map(([s, n]): ProgressCell[] => [t("figures.openedStatus", { status: t(`status.${s}`) }), n, t("units.cases")]),
        [t("figures.roundTablesWaiting"), p.roundTables.length, t("units.sessions")],
      ],
    },
    {
      key: "trend",
      title: t("tables.trend"),
      // A month stays text ("2026-11"): a date cell would claim a day.
      columns: [text(t("cols.month")), int(t("cols.finished"), t("units.cases")), int(t("cols.minutesSaved"), minutes), { header: t("cols.averageMinutes"), type: "decimal", unit: minutes, digits: 1 }],
      rows: p.trend.map((b) => [b.bucket.slice(0, 7), b.finished, b.minutesSaved, averageOf(b.minutesSaved, b.finished)]),
    },
    {
      key: "items",
      title: t("tables.items"),
      // Most used first (the page shows the first TOP_ITEMS rows); the count beside the name, so
      // a phone shows both without scrolling sideways.
      columns: [
        text(t("cols.item")), int(t("cols.cases"), t("units.cases")), text(t("cols.code")), text(t("cols.kind")),
        ...(allStations ? [text(t("cols.station"))] : []),
      ],
      rows: p.items.map((i) => [i.name, i.cases, i.code, t(`kind.${i.kind}`), ...(allStations ? [i.stationName] : [])]),
    },
    {
      key: "roundTables",
      title: t("tables.roundTables"),
      columns: [
        text(t("cols.caseNumber")), text(t("cols.enterprise")), ...(allStations ? [text(t("cols.station"))] : []), text(t("cols.topic")),
        text(t("cols.openedAt")), int(t("cols.waitingHours"), t("units.hours")), text(t("cols.answered")), text(t("cols.waitingOn")),
      ],
      rows: p.roundTables.map((r) => [
        r.caseNumber, r.enterpriseName, ...(allStations ? [r.stationName] : []), r.topic, formatDateTime(r.openedAt, locale),
        r.waitingHours, `${r.answered}/${r.departments}`, r.waitingOn.join("、"),
      ]),
    },
    {
      key: "staff",
      title: t("tables.staff"),
      columns: [
        text(t("cols.staff")), int(t("cols.finished"), t("units.cases")), int(t("cols.enterprises"), t("units.enterprises")),
        int(t("cols.minutesSaved"), minutes), { header: t("cols.averageMinutes"), type: "decimal", unit: minutes, digits: 1 }, int(t("cols.inHand"), t("units.cases")),
      ],
      rows: p.staff.map((s) => [s.name, s.finished, s.enterprises, s.minutesSaved, s.averageMinutes, s.inHand]),
    },
  ];
}
