// GET /api/exports/dashboard?unit=&programme=&period=&from=&to=&table=targets|panel|trend:
// exactly the dashboard table on screen as .xlsx (streamed; permission "report.export" and
// "dashboard.view"; audited with the filters and the row count).
import { z } from "zod";
import { loadDashboard, panelTable, targetsTable, trendTable } from "@/lib/dashboards/view";
import { exportRoute } from "@/lib/platform/exports/route";

const TABLES = { targets: targetsTable, panel: panelTable, trend: trendTable } as const;

const short = z.string().max(64).optional();

export const GET = exportRoute(
  {
    name: "dashboard.export", permission: ["report.export", "dashboard.view"], namespace: "dashboards",
    query: z.object({ table: z.enum(["targets", "panel", "trend"]).optional(), unit: short, programme: short, period: short, from: short, to: short }),
  },
  async ({ user, query, search, t, tx }) => {
    const get = (k: string) => search.get(k)?.slice(0, 64) || undefined;
    const table = query.table ?? "panel";
    const model = await loadDashboard(user, { unit: get("unit"), programme: get("programme"), period: get("period"), from: get("from"), to: get("to") });
    const built = TABLES[table](model, t);
    const tableName = tx(`tables.${table}`);
    return {
      name: `${model.unit.name}-${tableName}`,
      filters: [
        { label: tx("unit"), value: model.unit.name },
        { label: tx("programme"), value: model.selected?.name ?? "—" },
        { label: tx("period"), value: `${model.period.from}～${model.period.to}` },
        { label: tx("table"), value: tableName },
      ],
      columns: built.columns,
      rows: built.rows.map((r) => r.cells),
      audit: {
        action: "dashboard.export", entityType: "Dashboard", entityId: model.unit.id,
        data: { unitId: model.unit.id, programmeId: model.selected?.id ?? null, from: model.period.from, to: model.period.to, table },
      },
    };
  },
);
