// Job handlers of the hotline module (imported by lib/platform/jobs/handlers.ts).
import "server-only";
import { defineJob } from "@/lib/platform/jobs/registry";
import { runClockCheck } from "./alerts";
import { CLOCK_JOB, type ClockJobData } from "./schedule";

defineJob<ClockJobData>(CLOCK_JOB, async (data) => {
  await runClockCheck(data);
});
