// Frequency rules of a visit campaign ("each officer makes at least one guided household
// visit per week", "each enterprise is visited by its commissioner at least once a month").
// Periods are calendar weeks (Monday–Sunday) and calendar months in Asia/Shanghai: a visit
// at 2026-11-30T16:30Z is 2026-12-01 00:30 in Shanghai and counts for December.
//
// Everything here except the type imports is pure: the scoped query that feeds it lives in
// lib/visits/campaigns/due.ts.
import type { FrequencyPeriod, FrequencyRuleKind, VisitKind } from "@/lib/generated/prisma/enums";
import {
  SHANGHAI_OFFSET_MS, daysLeft, frequencyStatus, inPeriod, periodContaining, periodWithin, previousPeriod, shanghaiDate,
  type FrequencyStatus,
} from "@/lib/platform/periods";

// The Shanghai periods and the due status are the platform's (lib/platform/periods.ts);
// re-exported for this module's pages and tests that read them with the rules.
export {
  daysLeft, frequencyStatus, inPeriod, periodContaining, periodWithin, previousPeriod, shanghaiDate,
  type FrequencyStatus, type Period, type StatusInput,
} from "@/lib/platform/periods";

export type RuleInput = { id: string; kind: FrequencyRuleKind; period: FrequencyPeriod; minVisits: number; dueSoonDays: number };
export type OfficerSubject = { id: string; name: string; orgUnitId: string; orgUnitName: string };
export type EnterpriseSubject = {
  id: string;
  name: string;
  orgUnitId: string;
  orgUnitName: string;
  commissionerId: string | null;
  commissionerName: string | null;
};
export type VisitFact = { officerId: string; enterpriseId: string | null; mentorId: string | null; kind: VisitKind; visitedAt: Date };

export type DueItem = {
  ruleId: string;
  kind: FrequencyRuleKind;
  period: FrequencyPeriod;
  subjectType: "OFFICER" | "ENTERPRISE";
  subjectId: string;
  subjectName: string;
  /** The officer responsible (the officer, or the enterprise's commissioner). */
  officerId: string | null;
  officerName: string | null;
  orgUnitId: string;
  orgUnitName: string;
  required: number;
  count: number;
  status: FrequencyStatus;
  current: { firstDay: string; lastDay: string };
  daysLeft: number;
  /** The most recent missed period (the previous one, when it ended unmet). */
  missed: { firstDay: string; lastDay: string; count: number } | null;
};

/** Which visits count for a rule and a subject. */
export function countsFor(rule: Pick<RuleInput, "kind">, subject: { officerId: string | null; enterpriseId?: string }, visit: VisitFact): boolean {
  switch (rule.kind) {
    case "OFFICER_ANY":
      return visit.officerId === subject.officerId;
    case "OFFICER_GUIDED_HOUSEHOLD":
      return visit.officerId === subject.officerId && visit.kind === "HOUSEHOLD" && visit.mentorId !== null;
    case "ENTERPRISE_BY_COMMISSIONER":
      return (
        subject.officerId !== null &&
        visit.kind === "ENTERPRISE" &&
        visit.enterpriseId === subject.enterpriseId &&
        visit.officerId === subject.officerId
      );
  }
}

/** The earliest instant any rule looks at (start of the previous period), for loading visits. */
export function lookbackStart(rules: Pick<RuleInput, "period">[], now: Date): Date {
  const starts = rules.map((r) => previousPeriod(periodContaining(r.period, now)).start.getTime());
  return new Date(Math.min(now.getTime(), ...starts));
}

/** The instant rules are evaluated at: now, or after the campaign ended, its last moment. */
export function evaluationInstant(campaign: { endDate: string }, now: Date): Date {
  const end = new Date(Date.parse(`${campaign.endDate}T23:59:59.999Z`) - SHANGHAI_OFFSET_MS);
  return now.getTime() > end.getTime() ? end : now;
}

export type ComputeInput = {
  campaign: { startDate: string; endDate: string };
  rules: RuleInput[];
  officers: OfficerSubject[];
  enterprises: EnterpriseSubject[];
  visits: VisitFact[];
  now: Date;
};

/**
 * Status per rule and subject. Outside the campaign's dates nothing is due: before it starts
 * there are no items; after it ends, the campaign's last day is evaluated.
 */
export function computeFrequency({ campaign, rules, officers, enterprises, visits, now }: ComputeInput): DueItem[] {
  const today = shanghaiDate(now);
  if (today < campaign.startDate) return [];
  const at = evaluationInstant(campaign, now);
  const items: DueItem[] = [];
  for (const rule of rules) {
    const current = periodContaining(rule.period, at);
    const previous = previousPeriod(current);
    // Only a period the campaign ran for in full can have been missed. One it began part way
    // through had fewer days to meet the rule in — and when a campaign is rolled over into the
    // new year, the days before it began belong to last year's campaign, whose visits are not
    // this one's: a weekly rule starting on Friday 1 January would otherwise call every officer
    // overdue on Monday the 4th for the 28–31 December visits filed under the old campaign.
    const previousApplies = periodWithin(previous, campaign);
    const left = today > campaign.endDate ? 0 : daysLeft(current, now);
    const subjects =
      rule.kind === "ENTERPRISE_BY_COMMISSIONER"
        ? enterprises.map((e) => ({
            subjectType: "ENTERPRISE" as const, subjectId: e.id, subjectName: e.name, enterpriseId: e.id,
            officerId: e.commissionerId, officerName: e.commissionerName, orgUnitId: e.orgUnitId, orgUnitName: e.orgUnitName,
          }))
        : officers.map((o) => ({
            subjectType: "OFFICER" as const, subjectId: o.id, subjectName: o.name, enterpriseId: undefined,
            officerId: o.id, officerName: o.name, orgUnitId: o.orgUnitId, orgUnitName: o.orgUnitName,
          }));
    for (const subject of subjects) {
      let currentCount = 0;
      let previousCount = 0;
      for (const v of visits) {
        if (!countsFor(rule, subject, v)) continue;
        if (inPeriod(current, v.visitedAt)) currentCount += 1;
        else if (inPeriod(previous, v.visitedAt)) previousCount += 1;
      }
      const status = frequencyStatus({
        required: rule.minVisits,
        dueSoonDays: rule.dueSoonDays,
        currentCount,
        daysLeft: left,
        previousCount: previousApplies ? previousCount : null,
      });
      const { enterpriseId: _e, ...rest } = subject;
      items.push({
        ...rest,
        ruleId: rule.id,
        kind: rule.kind,
        period: rule.period,
        required: rule.minVisits,
        count: currentCount,
        status,
        current: { firstDay: current.firstDay, lastDay: current.lastDay },
        daysLeft: left,
        missed: previousApplies && previousCount < rule.minVisits ? { firstDay: previous.firstDay, lastDay: previous.lastDay, count: previousCount } : null,
      });
    }
  }
  return items;
}

const STATUS_ORDER: Record<FrequencyStatus, number> = { OVERDUE: 0, DUE_SOON: 1, PENDING: 2, MET: 3 };

export function byUrgency(a: DueItem, b: DueItem): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.daysLeft - b.daysLeft || a.subjectName.localeCompare(b.subjectName, "zh-CN");
}

export type DueSummaryRow = { key: string; name: string; overdue: number; dueSoon: number; total: number };

/** Overdue / due-soon counts grouped by a key (officer or org unit). */
export function summarise(items: DueItem[], keyOf: (i: DueItem) => { key: string; name: string } | null): DueSummaryRow[] {
  const rows = new Map<string, DueSummaryRow>();
  for (const item of items) {
    const k = keyOf(item);
    if (!k) continue;
    const row = rows.get(k.key) ?? { key: k.key, name: k.name, overdue: 0, dueSoon: 0, total: 0 };
    row.total += 1;
    if (item.status === "OVERDUE") row.overdue += 1;
    if (item.status === "DUE_SOON") row.dueSoon += 1;
    rows.set(k.key, row);
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.name.localeCompare(b.name, "zh-CN"));
}
