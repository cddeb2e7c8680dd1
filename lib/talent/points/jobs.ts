// Background job: expire points whose validity has ended (idempotent — each grant expires
// once). Listed in the talent descriptor (lib/talent/index.ts), so every worker the registry's
// jobs are handed to runs it; also `npm run points:expire`.
import { now } from "@/lib/platform/clock";
import "server-only";
import { job } from "@/lib/platform/jobs/registry";
import { expirePoints } from "./expiry";

export const pointsJobs = [
  // Daily at 01:30 Shanghai time: a grant valid "until" a day expires after that day ends.
  job<{ asOf?: string }>(
    "points.expire",
    async (data) => {
      await expirePoints(data?.asOf ? new Date(data.asOf) : now());
    },
    { cron: "30 1 * * *" },
  ),
];
