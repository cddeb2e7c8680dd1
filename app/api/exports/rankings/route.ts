// GET /api/exports/rankings?scheme=&period=&from=&to=: the ranking with every unit's score
// breakdown as .xlsx ("report.export" and "ranking.view"; audited).
import { getLocale, getTranslations } from "next-intl/server";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { computeRanking } from "@/lib/dashboards/rankings";
import { rankingTable } from "@/lib/dashboards/ranking-view";
import { streamXlsx } from "@/lib/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/http";
import { z } from "zod";
import { idParam, route } from "@/lib/read";

const short = z.string().max(64).optional();

export const GET = route(
  { name: "ranking.export", permission: ["report.export", "ranking.view"], query: z.object({ scheme: idParam, period: short, from: short, to: short }) },
  async ({ request, user, query }) => {
    const search = new URL(request.url).searchParams;
    const get = (k: string) => search.get(k)?.slice(0, 64) || undefined;
    const schemeId = query.scheme;
    const period = parseDashboardPeriod({ period: get("period") ?? "year", from: get("from"), to: get("to") });
    const result = await computeRanking(user, schemeId, period);
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "rankings" });
    const td = await getTranslations({ locale, namespace: "dashboards" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const table = rankingTable(result, t as never, td as never);
    const { stream, fileName } = await streamXlsx(user, {
      name: `${result.scheme.name}-${tx("tables.ranking")}`,
      filters: [
        { label: tx("scheme"), value: result.scheme.name },
        { label: tx("unit"), value: result.scheme.parentOrgUnit.name },
        { label: tx("period"), value: `${period.from}～${period.to}` },
      ],
      headers: table.headers,
      rows: table.rows.map((r) => r.cells),
      audit: { action: "ranking.export", entityType: "RankingScheme", entityId: result.scheme.id, data: { schemeId: result.scheme.id, from: period.from, to: period.to } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
