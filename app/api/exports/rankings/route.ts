// GET /api/exports/rankings?scheme=&period=&from=&to=: the ranking with every unit's score
// breakdown as .xlsx ("report.export" and "ranking.view"; audited).
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { computeRanking } from "@/lib/rankings/queries";
import { rankingTable } from "@/lib/rankings/view";
import { indicatorColumn } from "@/lib/dashboards/view";
import { exportRoute } from "@/lib/platform/exports/route";
import type { Column } from "@/lib/platform/exports/xlsx";
import { idParam } from "@/lib/platform/read";

const short = z.string().max(64).optional();

export const GET = exportRoute(
  { name: "ranking.export", permission: ["report.export", "ranking.view"], namespace: "rankings", query: z.object({ scheme: idParam, period: short, from: short, to: short }) },
  async ({ user, query, search, locale, t, tx }) => {
    const get = (k: string) => search.get(k)?.slice(0, 64) || undefined;
    const period = parseDashboardPeriod({ period: get("period") ?? "year", from: get("from"), to: get("to") });
    const result = await computeRanking(user, query.scheme, period);
    const td = await getTranslations({ locale, namespace: "dashboards" });
    const table = rankingTable(result, t as never, td as never);
    // The types of rankingTable's columns: rank, unit, score, weight with data, then per weighted
    // indicator its raw value (in the indicator's unit), what it was scored against, its score.
    const [rank, unit, score, withData, ...parts] = table.headers;
    const weighted = result.weights.filter((w) => w.weight > 0);
    const columns: Column[] = [
      { header: rank!, type: "integer" }, { header: unit!, type: "text" }, { header: score!, type: "decimal" }, { header: withData!, type: "text" },
      ...parts.map((header, i): Column => {
        const key = weighted[Math.floor(i / 3)]?.key ?? null;
        return i % 3 === 0 ? indicatorColumn(td as never, key, header) : i % 3 === 1 ? { header, type: "text" } : { header, type: "decimal" };
      }),
    ];
    return {
      name: `${result.scheme.name}-${tx("tables.ranking")}`,
      filters: [
        { label: tx("scheme"), value: result.scheme.name },
        { label: tx("unit"), value: result.scheme.parentOrgUnit.name },
        { label: tx("period"), value: `${period.from}～${period.to}` },
      ],
      columns,
      rows: table.rows.map((r) => r.cells),
      audit: { action: "ranking.export", entityType: "RankingScheme", entityId: result.scheme.id, data: { schemeId: result.scheme.id, from: period.from, to: period.to } },
    };
  },
);
