import { Badge } from "@/components/ui/card";

const TONES = { LEAD: "slate", NEGOTIATING: "amber", SIGNED: "blue", LANDED: "green", LOST: "red" } as const;

export function StageBadge({ stage, label }: { stage: keyof typeof TONES; label: string }) {
  return <Badge tone={TONES[stage]}>{label}</Badge>;
}
