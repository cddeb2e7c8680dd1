// The ranking table as the page shows it and the export writes it.
import "server-only";
import type { RankingResult } from "./rankings";
import type { Cell } from "./view";

type T = (key: string, values?: Record<string, string | number>) => string;

export function rankingTable(result: RankingResult, t: T, td: T): { headers: string[]; rows: { id: string; cells: Cell[] }[] } {
  const headers = [t("rank"), t("unit"), t("score")];
  for (const w of result.weights) {
    const name = td(`indicators.${w.key}`);
    headers.push(`${name}${t("rawValue")}`, `${name}${t("normalised")}`, `${name}${t("contribution")}（${t("weight")} ${w.weight}）`);
  }
  return {
    headers,
    rows: result.ranked.map((u) => ({ id: u.id, cells: [u.rank, u.name, u.score, ...u.parts.flatMap((p) => [p.value, p.normalised, p.contribution])] })),
  };
}
