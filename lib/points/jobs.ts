// Background job: expire points whose validity has ended (idempotent — each grant expires
// once). Registered when lib/jobs/handlers.ts imports this file; also `npm run points:expire`.
import "server-only";
import { defineJob } from "@/lib/jobs/registry";
import { expirePoints } from "./expiry";

defineJob<{ asOf?: string }>("points.expire", async (data) => {
  await expirePoints(data?.asOf ? new Date(data.asOf) : new Date());
});
