// Job definitions of the hotline module, listed in its descriptor (lib/hotline/index.ts) and
// so worked by every worker the registry's jobs are handed to (instrumentation.ts, scripts/worker.ts).
import "server-only";
import { job } from "@/lib/platform/jobs/registry";
import { runClockCheck } from "./alerts";
import { CLOCK_JOB, type ClockJobData } from "./schedule";

export const hotlineJobs = [
  job<ClockJobData>(CLOCK_JOB, async (data) => {
    await runClockCheck(data);
  }),
];
