// Activity expectations of a mentorship programme ("one guided visit a week") evaluated per
// pairing (pure). Periods are Shanghai calendar weeks/months (lib/platform/periods.ts):
// a pairing is OVERDUE when the previous period (inside the pairing's dates) ended unmet and
// the current one is not met yet.
import { daysLeft, frequencyStatus, periodContaining, previousPeriod, shanghaiDate, type FrequencyStatus } from "@/lib/platform/periods";
import type { Expectation } from "./schemas";

export type ActivityFact = { pairingId: string; kind: string; occurredOn: string };
export type PairingFact = { id: string; startDate: string; endDate: string };

export type ExpectationStatus = {
  pairingId: string;
  expectation: Expectation;
  count: number;
  required: number;
  status: FrequencyStatus;
  current: { firstDay: string; lastDay: string };
  missed: { firstDay: string; lastDay: string; count: number } | null;
};

const inDays = (day: string, from: string, to: string) => day >= from && day <= to;

export function evaluateExpectations(pairings: PairingFact[], expectations: Expectation[], activities: ActivityFact[], now: Date, dueSoonDays: number): ExpectationStatus[] {
  const today = shanghaiDate(now);
  const byPairing = new Map<string, ActivityFact[]>();
  for (const a of activities) {
    const list = byPairing.get(a.pairingId) ?? [];
    list.push(a);
    byPairing.set(a.pairingId, list);
  }
  const out: ExpectationStatus[] = [];
  for (const p of pairings) {
    if (today < p.startDate) continue;
    // After the pairing ended its last day is evaluated.
    const at = today > p.endDate ? new Date(`${p.endDate}T04:00:00Z`) : now;
    const acts = byPairing.get(p.id) ?? [];
    for (const e of expectations) {
      const current = periodContaining(e.period, at);
      const previous = previousPeriod(current);
      const previousApplies = previous.lastDay >= p.startDate;
      const counts = (from: string, to: string) => acts.filter((a) => (e.kind === "ANY" || a.kind === e.kind) && inDays(a.occurredOn, from, to)).length;
      const count = counts(current.firstDay, current.lastDay);
      const previousCount = counts(previous.firstDay, previous.lastDay);
      const status = frequencyStatus({
        required: e.min,
        dueSoonDays,
        currentCount: count,
        daysLeft: today > p.endDate ? 0 : daysLeft(current, now),
        previousCount: previousApplies ? previousCount : null,
      });
      out.push({
        pairingId: p.id, expectation: e, count, required: e.min, status,
        current: { firstDay: current.firstDay, lastDay: current.lastDay },
        missed: previousApplies && previousCount < e.min ? { firstDay: previous.firstDay, lastDay: previous.lastDay, count: previousCount } : null,
      });
    }
  }
  return out;
}
