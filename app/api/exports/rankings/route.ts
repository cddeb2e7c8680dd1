// GET /api/exports/rankings?scheme=&period=&from=&to=: the ranking with every unit's score
// breakdown as .xlsx ("report.export" and "ranking.view"; audited).
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { parseDashboardPeriod } from "@/lib/dashboards/period";
import { computeRanking } from "@/lib/dashboards/rankings";
import { rankingTable } from "@/lib/dashboards/ranking-view";
import { streamXlsx } from "@/lib/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/http";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return new Response(null, { status: 401 });
  if (!can(user, "report.export") || !can(user, "ranking.view")) return new Response(null, { status: 403 });
  const search = new URL(request.url).searchParams;
  const get = (k: string) => search.get(k)?.slice(0, 64) || undefined;
  const schemeId = get("scheme");
  if (!schemeId) return new Response(null, { status: 400 });
  const period = parseDashboardPeriod({ period: get("period") ?? "year", from: get("from"), to: get("to") });
  let result;
  try {
    result = await computeRanking(db, user, schemeId, period);
  } catch (e) {
    if (e instanceof NotFoundError) return new Response(null, { status: 404 });
    throw e;
  }
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
}
