// The timers of the same-day clocks: pg-boss jobs enqueued in the same transaction as the
// request (so a rolled-back intake schedules nothing), one warning `warnMinutesBefore` the
// due time and one breach check at it, per clock. The singleton key makes a repeated
// enqueue a no-op; the handler (jobs.ts → runClockCheck) re-reads the request and fires at
// most once per (request, clock, kind) thanks to the unique ServiceRequestAlert row.
import { now as clockNow } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import { enqueue } from "@/lib/platform/jobs/enqueue";
import type { ClockStage } from "./transitions";

export const CLOCK_JOB = "hotline.clock";

export type ClockJobData = {
  requestId: string;
  stage: ClockStage;
  kind: "WARN" | "BREACH";
  /** The due time this job was scheduled for; a job for a due time since moved (extension) does nothing. */
  dueAt: string;
  /** Approved extensions of the respond clock so far: a new due time gets alerts of its own. */
  seq: number;
};

export function alertStageKey(stage: ClockStage, seq: number): string {
  return seq > 0 ? `${stage}#${seq}` : stage;
}

export async function scheduleClock(requestId: string, stage: ClockStage, dueAt: Date, warnMinutesBefore: number, seq = 0, now = clockNow(), tx: Tx) {
  const key = alertStageKey(stage, seq);
  const warnAt = new Date(dueAt.getTime() - warnMinutesBefore * 60_000);
  if (warnMinutesBefore > 0 && warnAt > now) {
    const data: ClockJobData = { requestId, stage, kind: "WARN", dueAt: dueAt.toISOString(), seq };
    await enqueue(CLOCK_JOB, data, { startAfter: warnAt, singletonKey: `${requestId}:${key}:WARN` }, tx);
  }
  const data: ClockJobData = { requestId, stage, kind: "BREACH", dueAt: dueAt.toISOString(), seq };
  await enqueue(CLOCK_JOB, data, { startAfter: dueAt, singletonKey: `${requestId}:${key}:BREACH` }, tx);
}

export async function scheduleAllClocks(r: { id: string; acceptDueAt: Date; assignDueAt: Date; respondDueAt: Date }, warnMinutesBefore: number, now = clockNow(), tx: Tx) {
  await scheduleClock(r.id, "ACCEPT", r.acceptDueAt, warnMinutesBefore, 0, now, tx);
  await scheduleClock(r.id, "ASSIGN", r.assignDueAt, warnMinutesBefore, 0, now, tx);
  await scheduleClock(r.id, "RESPOND", r.respondDueAt, warnMinutesBefore, 0, now, tx);
}
