// Background job: expire points whose validity has ended (idempotent — each grant expires
// once). Registered when lib/platform/jobs/handlers.ts imports this file; also `npm run points:expire`.
import { now } from "@/lib/platform/clock";
import "server-only";
import { defineJob } from "@/lib/platform/jobs/registry";
import { expirePoints } from "./expiry";

// Daily at 01:30 Shanghai time: a grant valid "until" a day expires after that day ends.
defineJob<{ asOf?: string }>(
  "points.expire",
  async (data) => {
    await expirePoints(data?.asOf ? new Date(data.asOf) : now());
  },
  { cron: "30 1 * * *" },
);
