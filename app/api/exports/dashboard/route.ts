// GET /api/exports/dashboard?unit=&programme=&period=&from=&to=&table=targets|panel|trend:
// exactly the dashboard table on screen as .xlsx (streamed; permission "report.export" and
// "dashboard.view"; audited with the filters and the row count).
import { getLocale, getTranslations } from "next-intl/server";
import { loadDashboard, panelTable, targetsTable, trendTable } from "@/lib/dashboards/view";
import { streamXlsx } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { z } from "zod";
import { route } from "@/lib/platform/read";

const TABLES = { targets: targetsTable, panel: panelTable, trend: trendTable } as const;

const short = z.string().max(64).optional();

export const GET = route(
  { name: "dashboard.export", permission: ["report.export", "dashboard.view"], query: z.object({ table: z.enum(["targets", "panel", "trend"]).optional(), unit: short, programme: short, period: short, from: short, to: short }) },
  async ({ request, user, query }) => {
    const search = new URL(request.url).searchParams;
    const get = (k: string) => search.get(k)?.slice(0, 64) || undefined;
    const table = query.table ?? "panel";
    const model = await loadDashboard(user, { unit: get("unit"), programme: get("programme"), period: get("period"), from: get("from"), to: get("to") });
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "dashboards" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const built = TABLES[table](model, t);
    const tableName = tx(`tables.${table}`);
    const { stream, fileName } = await streamXlsx(user, {
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
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
