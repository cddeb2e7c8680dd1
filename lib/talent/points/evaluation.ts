// Annual evaluation (年度评价): each enterprise's points earned in the year, its tier (四档) and
// the score it contributes to the county's enterprise evaluation (up to 8 points, mapping in
// the programme settings — see lib/talent/points/rules.ts evaluationScore).
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Db, Tx } from "@/lib/platform/db/client";
import { db } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import type { SessionUser } from "@/lib/platform/auth/session";
import { xlsxBytes, type ExportSpec } from "@/lib/platform/exports/xlsx";
import { sharedRanks } from "@/lib/rankings";
import { evaluationScore } from "./rules";
import { enterpriseStandings } from "./tiers";
import type { TalentProgramme } from "./programme";

export type EvaluationFilter = { year: number; orgUnitId?: string; tier?: number | "none" };

export async function evaluationRows(actor: Actor, programme: TalentProgramme, filter: EvaluationFilter, client: Db | Tx = db) {
  let scopePath = actor.orgPath;
  if (filter.orgUnitId) {
    const unit = await client.orgUnit.findFirst({ where: { id: filter.orgUnitId, path: { startsWith: actor.orgPath } }, select: { path: true } });
    if (!unit) return [];
    scopePath = unit.path;
  }
  const enterprises = await client.enterprise.findMany({
    where: { AND: [{ orgUnit: { path: { startsWith: scopePath } } }, { OR: programme.reach.map((p) => ({ orgUnit: { path: { startsWith: p } } })) }] },
    orderBy: { name: "asc" },
    take: 5000,
    select: { id: true, name: true, creditCode: true, orgUnit: { select: { name: true } } },
  });
  const standings = await enterpriseStandings(programme.id, enterprises.map((e) => e.id), filter.year, client);
  const rows = enterprises.map((e) => {
    const s = standings.get(e.id)!;
    return { ...e, earned: s.earned, balance: s.balance, tier: s.tier, tierName: s.tierName, score: evaluationScore(programme.config.evaluation, s.earned, s.tier) };
  });
  const sorted = rows
    .filter((r) => (filter.tier === undefined ? true : filter.tier === "none" ? r.tier === null : r.tier === filter.tier))
    .sort((a, b) => b.earned - a.earned || a.name.localeCompare(b.name, "zh-CN"));
  // Equal points share a place (1, 1, 3): the name order must not put one enterprise that
  // earned nothing above another that earned nothing.
  const ranks = sharedRanks(sorted.map((r) => r.earned));
  return sorted.map((r, i) => ({ ...r, rank: ranks[i]! }));
}

/** The year's results as .xlsx (the shared writer): a line with the filters and export time, Chinese headers; audited. */
export async function evaluationExport(user: SessionUser, programme: TalentProgramme, filter: EvaluationFilter, locale: string, now = clockNow()): Promise<ExportSpec> {
  const t = await getTranslations({ locale, namespace: "points" });
  const rows = await evaluationRows(user, programme, filter);
  // Scoped like the rows: another area's unit reads as an unknown one ("-"), never by its name.
  const unitName = filter.orgUnitId ? (await db.orgUnit.findFirst({ where: { id: filter.orgUnitId, path: { startsWith: user.orgPath } }, select: { name: true } }))?.name ?? "-" : user.orgName;
  const tierText = filter.tier === undefined ? t("evaluation.allTiers") : filter.tier === "none" ? t("tiers.none") : t("tiers.name", { tier: filter.tier });
  const points = (await getTranslations({ locale, namespace: "exports" }))("units.points");
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now).replaceAll("-", "");
  return {
    name: t("evaluation.sheet"),
    filters: [{ label: t("evaluation.year"), value: String(filter.year) }, { label: t("evaluation.unit"), value: unitName }, { label: t("evaluation.tier"), value: tierText }],
    columns: [
      { header: t("evaluation.rank"), type: "integer" }, { header: t("evaluation.enterprise"), type: "text" }, { header: t("evaluation.creditCode"), type: "text" },
      { header: t("evaluation.unit"), type: "text" }, { header: t("evaluation.earned"), type: "integer" }, { header: t("evaluation.tier"), type: "text" },
      { header: t("evaluation.score"), type: "decimal", unit: points, digits: 1 }, { header: t("evaluation.balance"), type: "integer" },
    ],
    rows: rows.map((r) => [r.rank, r.name, r.creditCode, r.orgUnit.name, r.earned, r.tierName ?? t("tiers.none"), r.score, r.balance]),
    fileName: `${t("evaluation.fileName", { year: filter.year })}-${day}.xlsx`,
    audit: { action: "points.evaluation.export", entityType: "Programme", entityId: programme.id, data: () => ({ filters: { ...filter }, rows: rows.length }) },
  };
}

/** The same workbook as a whole file, written and audited. */
export async function exportEvaluation(user: SessionUser, programme: TalentProgramme, filter: EvaluationFilter, locale: string, now = clockNow()) {
  const { buffer, fileName, rows } = await xlsxBytes(user, await evaluationExport(user, programme, filter, locale, now), locale, now);
  return { buffer, fileName, rows };
}

/** The evaluation filter from query parameters (year defaults to the current Shanghai year). */
export function parseEvaluationFilter(search: URLSearchParams, currentYear: number): EvaluationFilter {
  const year = Number(search.get("year"));
  const tier = search.get("tier");
  const org = search.get("org");
  return {
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear,
    orgUnitId: org && /^[\w-]{1,64}$/.test(org) ? org : undefined,
    tier: tier === "none" ? "none" : tier && /^[1-4]$/.test(tier) ? Number(tier) : undefined,
  };
}
