import { Badge } from "@/components/ui/card";

const tones = {
  OPEN: "amber",
  IN_PROGRESS: "blue",
  ESCALATED: "red",
  RESOLVED: "green",
  CONFIRMED: "slate",
  REOPENED: "amber",
} as const;

export function ProblemStatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={tones[status as keyof typeof tones] ?? "slate"}>{label}</Badge>;
}
