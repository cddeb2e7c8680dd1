// The daily "overdue visits" notice (issue 18): every morning each officer with visits
// overdue under a running campaign's frequency rules gets ONE notice saying how many, linking
// to their due list. The overdue items are the due lists' own computation (campaignDueItems),
// so the notice and the list never disagree.
//
// Once per officer per Shanghai day: the notice's digestKey names the day, and the check
// "already one with this key?" and the insert run under a transaction-scoped advisory lock on
// (officer, day), so a job that runs twice (a retry after a crash, a manual run) adds nothing.
// A notice the officer already read today is not sent again either (the check ignores readAt).
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db } from "@/lib/platform/db/client";
import { advisoryXactLock, LOCK_NAMESPACE } from "@/lib/platform/db/advisory-lock";
import type { Actor } from "@/lib/platform/authz/can";
import { formatDateOnly } from "@/lib/platform/dates";
import { shanghaiDate } from "@/lib/platform/periods";
import { notify } from "@/lib/platform/notifications/notify";
import { campaignDueItems } from "./campaigns";

export const OVERDUE_NOTICE_KIND = "visits.overdue";
export const OVERDUE_NOTICE_TITLE = "visits.notify.overdue";

/** The digest key of one officer's notice of one day (notify folds by user and key). */
export const overdueDigestKey = (day: string) => `${OVERDUE_NOTICE_KIND}:${day}`;

// The job looks at every campaign's every officer: the whole tree, as no user would. Only the
// due computation reads it (campaignDueItems scopes by orgPath and role).
const WHOLE_TREE: Actor = { id: "", role: "ADMIN", orgPath: "/" };

/** Notifies each officer with overdue visits once for the day of `at`; returns how many were notified. */
export async function sendOverdueVisitNotices(at: Date = clockNow()): Promise<{ notified: number; skipped: number }> {
  const day = shanghaiDate(at);
  const today = new Date(`${day}T00:00:00Z`);
  const campaigns = await db.programme.findMany({
    where: { type: "VISIT_CAMPAIGN", status: "ACTIVE", startDate: { lte: today }, endDate: { gte: today }, frequencyRules: { some: {} } },
    select: { id: true, startDate: true, endDate: true },
    orderBy: { id: "asc" },
  });
  const byOfficer = new Map<string, { count: number; campaigns: Set<string> }>();
  for (const c of campaigns) {
    const items = await campaignDueItems(WHOLE_TREE, { id: c.id, startDay: formatDateOnly(c.startDate), endDay: formatDateOnly(c.endDate) }, at);
    for (const item of items) {
      if (item.status !== "OVERDUE" || !item.officerId) continue;
      const entry = byOfficer.get(item.officerId) ?? { count: 0, campaigns: new Set<string>() };
      entry.count += 1;
      entry.campaigns.add(c.id);
      byOfficer.set(item.officerId, entry);
    }
  }

  let notified = 0;
  let skipped = 0;
  const digestKey = overdueDigestKey(day);
  for (const [officerId, { count, campaigns: ids }] of [...byOfficer].sort(([a], [b]) => a.localeCompare(b))) {
    const only = ids.size === 1 ? [...ids][0]! : null;
    const sent = await db.$transaction(async (tx) => {
      await advisoryXactLock(LOCK_NAMESPACE.dailyNotice, `${officerId}:${digestKey}`, tx);
      const already = await tx.notification.findFirst({ where: { userId: officerId, digestKey }, select: { id: true } });
      if (already) return false;
      await notify(
        {
          userIds: [officerId],
          kind: OVERDUE_NOTICE_KIND,
          titleKey: OVERDUE_NOTICE_TITLE,
          params: { count },
          // One campaign: its due list; several: the officer's home, which lists them all.
          link: only ? `/campaigns/${only}/due` : "/",
          digestKey,
          ...(only ? { programmeId: only } : {}),
          urgent: false,
        },
        tx,
      );
      return true;
    });
    if (sent) notified += 1;
    else skipped += 1;
  }
  return { notified, skipped };
}
