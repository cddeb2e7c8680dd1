// The ranking table as the page shows it and the export writes it. null cells are "无数据":
// an indicator without data has no score, a unit without any data has no total and no rank.
import "server-only";
import type { RankingResult } from "./queries";
import type { RankingPart, RankingWeightSpec } from "./method";
import type { Cell } from "@/lib/dashboards";

type T = (key: string, values?: Record<string, string | number>) => string;

/** "100%", "20 次": a target or threshold with the indicator's unit. */
export function withUnit(value: number, unit: string, td: T): string {
  return `${value}${unit === "percent" ? "%" : ` ${td(`units.${unit}`)}`}`;
}

/** "目标 400 户" / "满分线 20 次" / "零分线 10 件": what the value was scored against. */
export function rankingBasis(part: Pick<RankingPart, "basis" | "against">, weight: Pick<RankingWeightSpec, "direction"> & { unit: string }, t: T, td: T): string {
  const value = withUnit(part.against, weight.unit, td);
  if (part.basis === "target") return t("basis.target", { value });
  return t(weight.direction === "LOWER_IS_BETTER" ? "basis.zeroAt" : "basis.fullAt", { value });
}

export function rankingTable(result: RankingResult, t: T, td: T): { headers: string[]; rows: { id: string; cells: Cell[] }[] } {
  const headers = [t("rank"), t("unit"), t("score"), t("weightWithData")];
  for (const w of result.weights.filter((x) => x.weight > 0)) {
    const name = td(`indicators.${w.key}`);
    headers.push(`${name}${t("rawValue")}`, `${name}${t("basisHeader")}`, `${name}${t("indicatorScore")}（${t("weight")} ${w.weight}）`);
  }
  return {
    headers,
    rows: result.ranked.map((u) => ({
      id: u.id,
      cells: [
        u.rank, u.name, u.score, `${u.weightWithData}/${u.totalWeight}`,
        ...u.parts.flatMap((p) => [p.value, rankingBasis(p, result.weights.find((w) => w.key === p.key)!, t, td), p.score]),
      ],
    })),
  };
}
