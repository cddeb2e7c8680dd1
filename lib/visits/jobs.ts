// The visits module's background jobs, listed in its descriptor (lib/visits/index.ts).
import "server-only";
import { now } from "@/lib/platform/clock";
import { job } from "@/lib/platform/jobs/registry";
import { sendOverdueVisitNotices } from "./overdue-notice";

export const visitsJobs = [
  // Daily at 09:00 Shanghai (a working morning: the notice is not urgent, and quiet hours would
  // hold an earlier one anyway). `at` lets an operator re-run a day; the run is idempotent.
  job<{ at?: string }>(
    "visits.overdueNotice",
    async (data) => {
      const at = data?.at ? new Date(data.at) : now();
      if (Number.isNaN(at.getTime())) throw new Error("visits.overdueNotice: invalid `at`");
      await sendOverdueVisitNotices(at);
    },
    { cron: "0 9 * * *" },
  ),
];
