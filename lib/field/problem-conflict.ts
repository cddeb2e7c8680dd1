// A problem.transition recorded offline came back as a conflict (the problem's version moved
// on while the officer was out of signal). Pure and client-safe: the outbox's resolve panel
// (components/field/outbox-resolve.tsx) shows these rows field by field — the officer's value
// beside the server's — and builds the item to send again from the officer's choices. Nothing
// is overwritten without the officer seeing it; unit-tested in tests/unit/field-problem-conflict.test.ts.
import type { TransitionProblemValues } from "@/lib/problems/schemas";

type ProblemStatusValue = TransitionProblemValues["to"];

/** What the officer queued: the transition's input as the problem page's dialog sends it. */
export type QueuedTransition = {
  id: string;
  version: number;
  to: ProblemStatusValue;
  note?: string;
  resolution?: string;
  escalatedToOrgUnitId?: string;
  confirmation?: "RESIDENT" | "MANAGER";
};

/** The problem as the server holds it now (GET /api/field/problems/<id>). */
export type ProblemServerState = {
  id: string;
  version: number;
  title: string;
  status: ProblemStatusValue;
  resolution: string;
  /** The latest timeline entry's note (what someone last wrote on it). */
  note: string;
  escalatedToOrgUnitId: string;
  escalatedToName: string;
};

export const CONFLICT_FIELDS = ["status", "resolution", "note", "escalatedTo"] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];
export type ConflictChoice = "mine" | "server";

/** One line of the comparison. Status values are status codes (the panel translates them). */
export type ConflictRow = { field: ConflictField; mine: string; server: string };

const text = (v: string | undefined) => (v ?? "").trim();

/**
 * The server already holds exactly what the officer wanted — typically the first send committed
 * and only its answer was lost: the item is done, nothing to ask.
 */
export function alreadyApplied(mine: QueuedTransition, server: ProblemServerState): boolean {
  if (server.status !== mine.to) return false;
  if (text(mine.resolution) && text(mine.resolution) !== text(server.resolution)) return false;
  if (text(mine.note) && text(mine.note) !== text(server.note)) return false;
  if (text(mine.escalatedToOrgUnitId) && mine.escalatedToOrgUnitId !== server.escalatedToOrgUnitId) return false;
  return true;
}

/**
 * The fields where the officer's transition and the server's record differ. Only what the
 * officer set is compared (an empty note of theirs is no claim on the server's note); the
 * status is always a row unless it already agrees.
 */
export function problemConflictRows(mine: QueuedTransition, server: ProblemServerState): ConflictRow[] {
  const rows: ConflictRow[] = [];
  if (mine.to !== server.status) rows.push({ field: "status", mine: mine.to, server: server.status });
  const pairs: [ConflictField, string, string][] = [
    ["resolution", text(mine.resolution), text(server.resolution)],
    ["note", text(mine.note), text(server.note)],
    ["escalatedTo", text(mine.escalatedToOrgUnitId), server.escalatedToOrgUnitId],
  ];
  for (const [field, m, s] of pairs) if (m && m !== s) rows.push({ field, mine: m, server: field === "escalatedTo" ? server.escalatedToName || s : s });
  return rows;
}

/**
 * What to do after the officer's choices (a field without a choice counts as "mine"):
 * - "drop": the officer keeps the server's status (or the server already has it — a transition
 *   to the same status cannot be sent): the queued item is discarded, nothing is written;
 * - "send": the transition again at the server's version, with the chosen values.
 */
export type ConflictOutcome = { kind: "drop" } | { kind: "send"; input: QueuedTransition };

export function mergeProblemTransition(
  mine: QueuedTransition,
  server: ProblemServerState,
  choices: Partial<Record<ConflictField, ConflictChoice>>,
): ConflictOutcome {
  if (server.status === mine.to || choices.status === "server") return { kind: "drop" };
  const pick = (field: ConflictField, own: string | undefined, theirs: string) => (choices[field] === "server" ? theirs : (own ?? ""));
  return {
    kind: "send",
    input: {
      ...mine,
      version: server.version,
      resolution: pick("resolution", mine.resolution, server.resolution),
      // The server's note is already on its timeline: choosing it means adding no note of one's own.
      note: pick("note", mine.note, ""),
      escalatedToOrgUnitId: pick("escalatedTo", mine.escalatedToOrgUnitId, server.escalatedToOrgUnitId),
    },
  };
}
