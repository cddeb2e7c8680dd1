// The problem state machine (问题清单), as data. Every move a user can make is one row:
// from which status, to which status, the permission it needs, what the user must type,
// and whether the department the problem was escalated to may make it although the
// problem lies outside that department's subtree.
//
//   OPEN ─→ IN_PROGRESS ─→ RESOLVED ─→ CONFIRMED
//     │         │  ↑           │  ↑        │
//     └──→ ESCALATED ──────────┘  │        │
//                                 │        ↓
//   REOPENED ←────────────────────┴── (from RESOLVED / CONFIRMED), then → IN_PROGRESS
import type { Permission } from "@/lib/platform/authz/permissions";
import type { ProblemStatus } from "@/lib/generated/prisma/enums";

export const PROBLEM_STATUSES = ["OPEN", "IN_PROGRESS", "ESCALATED", "RESOLVED", "CONFIRMED", "REOPENED"] as const satisfies readonly ProblemStatus[];

/** Statuses in which a problem still needs work (the overdue filter looks at these). */
export const UNRESOLVED_STATUSES = ["OPEN", "IN_PROGRESS", "ESCALATED", "REOPENED"] as const satisfies readonly ProblemStatus[];

export type ProblemTransition = {
  from: ProblemStatus;
  to: ProblemStatus;
  permission: Permission;
  /** What the form must carry: a department and a reason, a resolution text, who confirmed. */
  needs?: "escalation" | "resolution" | "confirmation" | "reason";
  /** The department the problem is escalated to may make this move too. */
  department?: boolean;
};

export const PROBLEM_TRANSITIONS: readonly ProblemTransition[] = [
  { from: "OPEN", to: "IN_PROGRESS", permission: "problem.work" },
  { from: "OPEN", to: "ESCALATED", permission: "problem.escalate", needs: "escalation" },
  { from: "IN_PROGRESS", to: "ESCALATED", permission: "problem.escalate", needs: "escalation" },
  { from: "IN_PROGRESS", to: "RESOLVED", permission: "problem.work", needs: "resolution", department: true },
  { from: "ESCALATED", to: "IN_PROGRESS", permission: "problem.work", department: true },
  { from: "ESCALATED", to: "RESOLVED", permission: "problem.work", needs: "resolution", department: true },
  { from: "RESOLVED", to: "CONFIRMED", permission: "problem.confirm", needs: "confirmation" },
  { from: "RESOLVED", to: "REOPENED", permission: "problem.work", needs: "reason" },
  { from: "CONFIRMED", to: "REOPENED", permission: "problem.work", needs: "reason" },
  { from: "REOPENED", to: "IN_PROGRESS", permission: "problem.work", department: true },
  { from: "REOPENED", to: "ESCALATED", permission: "problem.escalate", needs: "escalation" },
];

export function findTransition(from: ProblemStatus, to: ProblemStatus): ProblemTransition | undefined {
  return PROBLEM_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function transitionsFrom(from: ProblemStatus): ProblemTransition[] {
  return PROBLEM_TRANSITIONS.filter((t) => t.from === from);
}

/** Who confirmed a resolution: the resident/enterprise (recorded by an officer) or a manager. */
export const CONFIRMATION_SOURCES = ["RESIDENT", "MANAGER"] as const;
export type ConfirmationSource = (typeof CONFIRMATION_SOURCES)[number];
