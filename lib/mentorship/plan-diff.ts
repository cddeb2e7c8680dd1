// One-person-one-plan snapshots and the readable difference between two versions. Pure: the
// snapshot is built from rows the caller loaded, and stored as JSON in
// development_plan_version.snapshot.

export type MilestoneSnapshot = {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  note: string;
  signedOffBy: string | null;
};
export type GoalSnapshot = { id: string; area: string; title: string; milestones: MilestoneSnapshot[] };
export type PlanSnapshot = { goals: GoalSnapshot[] };

type GoalRow = {
  id: string;
  area: string;
  title: string;
  milestones: { id: string; title: string; dueDate: Date; status: string; note: string; signedOffBy?: { name: string } | null }[];
};

export function buildSnapshot(goals: GoalRow[]): PlanSnapshot {
  return {
    goals: goals.map((g) => ({
      id: g.id,
      area: g.area,
      title: g.title,
      milestones: g.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.dueDate.toISOString().slice(0, 10),
        status: m.status,
        note: m.note,
        signedOffBy: m.signedOffBy?.name ?? null,
      })),
    })),
  };
}

/** A stored snapshot, defensively read (JSON from the database). */
export function readSnapshot(value: unknown): PlanSnapshot {
  const goals = (value as { goals?: unknown } | null)?.goals;
  if (!Array.isArray(goals)) return { goals: [] };
  return {
    goals: goals.map((g: Record<string, unknown>) => ({
      id: String(g.id ?? ""),
      area: String(g.area ?? ""),
      title: String(g.title ?? ""),
      milestones: (Array.isArray(g.milestones) ? g.milestones : []).map((m: Record<string, unknown>) => ({
        id: String(m.id ?? ""),
        title: String(m.title ?? ""),
        dueDate: String(m.dueDate ?? ""),
        status: String(m.status ?? ""),
        note: String(m.note ?? ""),
        signedOffBy: typeof m.signedOffBy === "string" ? m.signedOffBy : null,
      })),
    })),
  };
}

export type FieldChange = { field: "title" | "dueDate" | "status" | "note" | "area"; from: string; to: string };

export type PlanDiffItem =
  | { type: "goalAdded"; goal: string; area: string }
  | { type: "goalRemoved"; goal: string; area: string }
  | { type: "goalChanged"; goal: string; changes: FieldChange[] }
  | { type: "milestoneAdded"; goal: string; milestone: string; dueDate: string }
  | { type: "milestoneRemoved"; goal: string; milestone: string }
  | { type: "milestoneChanged"; goal: string; milestone: string; changes: FieldChange[] };

const MILESTONE_FIELDS = ["title", "dueDate", "status", "note"] as const;

/** What changed from `before` to `after`: goals and milestones matched by id. */
export function diffPlans(before: PlanSnapshot, after: PlanSnapshot): PlanDiffItem[] {
  const out: PlanDiffItem[] = [];
  const beforeGoals = new Map(before.goals.map((g) => [g.id, g]));
  const afterGoals = new Map(after.goals.map((g) => [g.id, g]));
  for (const g of after.goals) {
    const old = beforeGoals.get(g.id);
    if (!old) {
      out.push({ type: "goalAdded", goal: g.title, area: g.area });
      for (const m of g.milestones) out.push({ type: "milestoneAdded", goal: g.title, milestone: m.title, dueDate: m.dueDate });
      continue;
    }
    const goalChanges: FieldChange[] = [];
    if (old.title !== g.title) goalChanges.push({ field: "title", from: old.title, to: g.title });
    if (old.area !== g.area) goalChanges.push({ field: "area", from: old.area, to: g.area });
    if (goalChanges.length) out.push({ type: "goalChanged", goal: g.title, changes: goalChanges });
    const oldMilestones = new Map(old.milestones.map((m) => [m.id, m]));
    const newIds = new Set(g.milestones.map((m) => m.id));
    for (const m of g.milestones) {
      const prev = oldMilestones.get(m.id);
      if (!prev) {
        out.push({ type: "milestoneAdded", goal: g.title, milestone: m.title, dueDate: m.dueDate });
        continue;
      }
      const changes = MILESTONE_FIELDS.filter((f) => prev[f] !== m[f]).map((f) => ({ field: f, from: prev[f], to: m[f] }));
      if (changes.length) out.push({ type: "milestoneChanged", goal: g.title, milestone: m.title, changes });
    }
    for (const m of old.milestones) if (!newIds.has(m.id)) out.push({ type: "milestoneRemoved", goal: g.title, milestone: m.title });
  }
  for (const g of before.goals) {
    if (afterGoals.has(g.id)) continue;
    out.push({ type: "goalRemoved", goal: g.title, area: g.area });
  }
  return out;
}
