// The three same-day clocks of a request, as the request page and the public status page
// show them: due time, time left (or overdue by), met on time / met late.
import { now as clockNow } from "@/lib/platform/clock";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { ClockStage } from "./transitions";

export type ClockState = "pending" | "overdue" | "met" | "metLate" | "stopped";

export type Clock = {
  stage: ClockStage;
  dueAt: Date;
  metAt: Date | null;
  state: ClockState;
  /** Due minus now (pending), or now minus due (overdue), or met minus due when late; ms. */
  deltaMs: number;
};

type ClockFields = {
  status: RequestStatus;
  acceptDueAt: Date;
  assignDueAt: Date;
  respondDueAt: Date;
  acceptedAt: Date | null;
  assignedAt: Date | null;
  respondedAt: Date | null;
};

export function dueOf(r: ClockFields, stage: ClockStage): Date {
  return stage === "ACCEPT" ? r.acceptDueAt : stage === "ASSIGN" ? r.assignDueAt : r.respondDueAt;
}

export function metOf(r: Omit<ClockFields, "status" | "acceptDueAt" | "assignDueAt" | "respondDueAt">, stage: ClockStage): Date | null {
  return stage === "ACCEPT" ? r.acceptedAt : stage === "ASSIGN" ? r.assignedAt : r.respondedAt;
}

export function clockOf(r: ClockFields, stage: ClockStage, now: Date = clockNow()): Clock {
  const dueAt = dueOf(r, stage);
  const metAt = metOf(r, stage);
  if (metAt) {
    const late = metAt.getTime() - dueAt.getTime();
    return { stage, dueAt, metAt, state: late > 0 ? "metLate" : "met", deltaMs: Math.max(0, late) };
  }
  // A merged request's clocks stop: the surviving request carries the work.
  if (r.status === "MERGED" || r.status === "CLOSED") return { stage, dueAt, metAt, state: "stopped", deltaMs: 0 };
  const left = dueAt.getTime() - now.getTime();
  return left >= 0 ? { stage, dueAt, metAt, state: "pending", deltaMs: left } : { stage, dueAt, metAt, state: "overdue", deltaMs: -left };
}

export function clocksOf(r: ClockFields, now: Date = clockNow()): Clock[] {
  return (["ACCEPT", "ASSIGN", "RESPOND"] as const).map((s) => clockOf(r, s, now));
}

/** Any clock overdue now or met late. */
export function isBreached(r: ClockFields, now: Date = clockNow()): boolean {
  return clocksOf(r, now).some((c) => c.state === "overdue" || c.state === "metLate");
}

/** "2小时05分" / "2 h 05 min" pieces for a duration, for the message files to assemble. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const totalMinutes = Math.floor(ms / 60_000);
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}
