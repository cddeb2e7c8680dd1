// The visits module's background jobs, listed in its descriptor (lib/visits/index.ts).
import "server-only";
import { now } from "@/lib/platform/clock";
import { loadCalendarExceptions } from "@/lib/platform/calendar/queries";
import { isWorkingDay, shanghaiDay } from "@/lib/platform/calendar/working-days";
import { job } from "@/lib/platform/jobs/registry";
import { sendOverdueVisitNotices } from "./overdue-notice";

export const visitsJobs = [
  // At 09:00 Shanghai on working days (a working morning: the notice is not urgent, and quiet hours would
  // hold an earlier one anyway). `at` lets an operator re-run a day; the run is idempotent.
  job<{ at?: string }>(
    "visits.overdueNotice",
    async (data) => {
      const at = data?.at ? new Date(data.at) : now();
      if (Number.isNaN(at.getTime())) throw new Error("visits.overdueNotice: invalid `at`");
      // Working days only (weekends and holidays off, 调休 Saturdays on): a weekend notice would
      // be held by quiet hours and pile into Monday's, and no one acts on it before then anyway.
      const day = shanghaiDay(at);
      if (!isWorkingDay(day, await loadCalendarExceptions(day, day))) return;
      await sendOverdueVisitNotices(at);
    },
    { cron: "0 9 * * *" },
  ),
];
