import { Badge } from "@/components/ui/card";

const TONES = { OVERDUE: "red", DUE_SOON: "amber", PENDING: "slate", MET: "green" } as const;

export function ExpectationBadge({ status, label }: { status: keyof typeof TONES; label: string }) {
  return <Badge tone={TONES[status]}>{label}</Badge>;
}
