import { Badge } from "@/components/ui/card";

const STATUS_TONES = { DRAFT: "slate", ACTIVE: "green", CLOSED: "amber" } as const;

/** DRAFT slate, ACTIVE green, CLOSED amber: the same colours wherever a status shows. */
export function ProgrammeStatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={STATUS_TONES[status as keyof typeof STATUS_TONES] ?? "slate"}>{label}</Badge>;
}

export function ProgrammeTypeBadge({ label }: { label: string }) {
  return <Badge tone="blue">{label}</Badge>;
}
