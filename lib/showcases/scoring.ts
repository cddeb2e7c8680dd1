// 三争一实 scoring (pure). Each judge's sheet gives a weighted total on a 0–100 scale:
//   total = Σ weight·(score / maxScore) / Σ weight × 100
// An entry's final score is the mean of its judges' totals; with at least `trimMinJudges`
// judges the single highest and single lowest totals are dropped first. Ranks are
// competition ranks (1, 2, 2, 4) by final score, highest first; entries nobody scored get
// no score and no rank.

export type CriterionDef = { id: string; weight: number; maxScore: number };
export type ScoreFact = { entryId: string; judgeId: string; criterionId: string; score: number };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A judge's weighted total for one entry, or null unless every criterion was scored. */
export function judgeTotal(criteria: CriterionDef[], scores: Map<string, number>): number | null {
  const weightSum = criteria.reduce((s, c) => s + c.weight, 0);
  if (criteria.length === 0 || weightSum <= 0) return null;
  let sum = 0;
  for (const c of criteria) {
    const v = scores.get(c.id);
    if (v === undefined) return null;
    sum += (c.weight * v) / c.maxScore;
  }
  return round3((sum / weightSum) * 100);
}

/** Mean of the totals; drops one highest and one lowest when there are >= trimMinJudges. */
export function trimmedMean(totals: number[], trimMinJudges: number): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= Math.max(3, trimMinJudges) ? sorted.slice(1, -1) : sorted;
  return round3(kept.reduce((s, v) => s + v, 0) / kept.length);
}

export type EntryResult = { entryId: string; judges: number; totals: number[]; finalScore: number | null; rank: number | null };

export function computeResults(entryIds: string[], criteria: CriterionDef[], scores: ScoreFact[], trimMinJudges: number): EntryResult[] {
  const sheets = new Map<string, Map<string, Map<string, number>>>();
  for (const s of scores) {
    const byJudge = sheets.get(s.entryId) ?? new Map<string, Map<string, number>>();
    const sheet = byJudge.get(s.judgeId) ?? new Map<string, number>();
    sheet.set(s.criterionId, s.score);
    byJudge.set(s.judgeId, sheet);
    sheets.set(s.entryId, byJudge);
  }
  const results: EntryResult[] = entryIds.map((entryId) => {
    const totals = [...(sheets.get(entryId)?.values() ?? [])].map((sheet) => judgeTotal(criteria, sheet)).filter((t): t is number => t !== null);
    return { entryId, judges: totals.length, totals, finalScore: trimmedMean(totals, trimMinJudges), rank: null };
  });
  const ranked = results.filter((r) => r.finalScore !== null).sort((a, b) => b.finalScore! - a.finalScore!);
  ranked.forEach((r, i) => {
    r.rank = i > 0 && ranked[i - 1]!.finalScore === r.finalScore ? ranked[i - 1]!.rank : i + 1;
  });
  return results;
}
