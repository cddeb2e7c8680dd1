// Ranking of mentor suggestions for a trainee (pure). Only mentors with a free place are
// candidates; they rank by how close their org unit is to the trainee's (the same unit, a
// unit inside it, or the nearest units above it — a town's cadres mentor its village
// officers), then by a shared line of work, then by free places.
import { pathIds } from "@/lib/platform/org/path";

export type MentorCandidate = {
  memberId: string;
  userId: string;
  name: string;
  orgUnitName: string;
  orgPath: string;
  lineOfWork: string;
  capacity: number | null;
  activeTrainees: number;
};

export type RankedMentor = MentorCandidate & {
  /** Steps between the two units in the org tree (0: the same unit). */
  distance: number;
  /** "SAME_UNIT" | "BELOW" | "ABOVE" | "ELSEWHERE" */
  relation: "SAME_UNIT" | "BELOW" | "ABOVE" | "ELSEWHERE";
  sameLine: boolean;
  freePlaces: number | null;
};

/** Tree steps between two units given their materialised paths. */
export function treeDistance(a: string, b: string): number {
  const pa = pathIds(a);
  const pb = pathIds(b);
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common += 1;
  return pa.length - common + (pb.length - common);
}

function relationOf(mentorPath: string, traineePath: string): RankedMentor["relation"] {
  if (mentorPath === traineePath) return "SAME_UNIT";
  if (mentorPath.startsWith(traineePath)) return "BELOW";
  if (traineePath.startsWith(mentorPath)) return "ABOVE";
  return "ELSEWHERE";
}

const RELATION_ORDER = { SAME_UNIT: 0, BELOW: 1, ABOVE: 1, ELSEWHERE: 2 } as const;

export function rankMentors(candidates: MentorCandidate[], trainee: { orgPath: string; lineOfWork: string; userId: string }): RankedMentor[] {
  const line = trainee.lineOfWork.trim();
  return candidates
    .filter((c) => c.userId !== trainee.userId && (c.capacity === null || c.activeTrainees < c.capacity))
    .map((c) => {
      const relation = relationOf(c.orgPath, trainee.orgPath);
      const sameLine = line !== "" && c.lineOfWork.trim() === line;
      return { ...c, relation, distance: treeDistance(c.orgPath, trainee.orgPath), sameLine, freePlaces: c.capacity === null ? null : c.capacity - c.activeTrainees };
    })
    // Relevant: near in the tree, or the same line of work anywhere.
    .sort((a, b) => {
      const ra = a.relation === "ELSEWHERE" && a.sameLine ? 1 : RELATION_ORDER[a.relation];
      const rb = b.relation === "ELSEWHERE" && b.sameLine ? 1 : RELATION_ORDER[b.relation];
      return (
        ra - rb ||
        a.distance - b.distance ||
        Number(b.sameLine) - Number(a.sameLine) ||
        (b.freePlaces ?? 99) - (a.freePlaces ?? 99) ||
        a.name.localeCompare(b.name, "zh-CN")
      );
    });
}
