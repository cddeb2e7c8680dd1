// The request workflow (诉求/工单), as data. Every move is one row: from which status, to
// which, what kind of timeline event it writes, and who may make it:
//   "intake"  — users whose org subtree holds the request (the hotline operators and the
//               street above them): 受理, 交办, 改派, recording the enterprise's feedback;
//   "handler" — the assignee, or users whose subtree holds the lead department (牵头单位),
//               wherever the request itself sits: 回应, 办结, 退单, 延期申请;
//   "manager" — MANAGER/ADMIN over the request's unit: 并单 (merge).
//
//   RECEIVED ─受理→ ACCEPTED ─交办→ ASSIGNED ─回应→ RESPONDED ─办结→ RESOLVED ─评价→ CLOSED
//                      ↑  退单 (send back) │  ↺ 改派 (reassign)            │
//                      └────────────────────┘                              ↓ 不满意/重办
//                                          ASSIGNED ←─ 交办 ───────── REOPENED
//   Any open request can be merged (并单) into another: → MERGED.
import type { Permission } from "@/lib/platform/authz/permissions";
import type { RequestStatus } from "@/lib/generated/prisma/enums";

export type { RequestStatus };

export const REQUEST_STATUSES = ["RECEIVED", "ACCEPTED", "ASSIGNED", "RESPONDED", "RESOLVED", "CLOSED", "REOPENED", "MERGED"] as const satisfies readonly RequestStatus[];

/** Still being worked on: clocks run, chases and merges apply. */
export const OPEN_STATUSES = ["RECEIVED", "ACCEPTED", "ASSIGNED", "RESPONDED", "REOPENED"] as const satisfies readonly RequestStatus[];

export type RequestMoveKind = "accept" | "assign" | "reassign" | "sendBack" | "respond" | "resolve" | "close" | "reopen" | "merge";
export type Side = "intake" | "handler" | "manager";

export type RequestTransition = {
  kind: RequestMoveKind;
  from: RequestStatus;
  to: RequestStatus;
  side: Side;
  permission: Permission;
};

const OPEN_FOR_MERGE: RequestStatus[] = [...OPEN_STATUSES];

export const REQUEST_TRANSITIONS: readonly RequestTransition[] = [
  { kind: "accept", from: "RECEIVED", to: "ACCEPTED", side: "intake", permission: "request.intake" },
  { kind: "assign", from: "ACCEPTED", to: "ASSIGNED", side: "intake", permission: "request.intake" },
  { kind: "assign", from: "REOPENED", to: "ASSIGNED", side: "intake", permission: "request.intake" },
  { kind: "reassign", from: "ASSIGNED", to: "ASSIGNED", side: "intake", permission: "request.intake" },
  { kind: "sendBack", from: "ASSIGNED", to: "ACCEPTED", side: "handler", permission: "request.handle" },
  { kind: "respond", from: "ASSIGNED", to: "RESPONDED", side: "handler", permission: "request.handle" },
  { kind: "resolve", from: "RESPONDED", to: "RESOLVED", side: "handler", permission: "request.handle" },
  { kind: "close", from: "RESOLVED", to: "CLOSED", side: "intake", permission: "request.intake" },
  { kind: "reopen", from: "RESOLVED", to: "REOPENED", side: "intake", permission: "request.intake" },
  ...OPEN_FOR_MERGE.map((from) => ({ kind: "merge" as const, from, to: "MERGED" as const, side: "manager" as const, permission: "request.merge" as const })),
];

export function findMove(kind: RequestMoveKind, from: RequestStatus): RequestTransition | undefined {
  return REQUEST_TRANSITIONS.find((t) => t.kind === kind && t.from === from);
}

export function movesFrom(from: RequestStatus): RequestTransition[] {
  return REQUEST_TRANSITIONS.filter((t) => t.from === from);
}

/** The three same-day clocks (当天受理、当天交办、当天回应). */
export const CLOCK_STAGES = ["ACCEPT", "ASSIGN", "RESPOND"] as const;
export type ClockStage = (typeof CLOCK_STAGES)[number];
