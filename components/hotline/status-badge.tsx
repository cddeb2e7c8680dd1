import { Badge } from "@/components/ui/card";
import type { RequestStatus } from "@/lib/hotline/transitions";

const tones: Record<RequestStatus, "slate" | "green" | "amber" | "red" | "blue"> = {
  RECEIVED: "amber", ACCEPTED: "blue", ASSIGNED: "blue", RESPONDED: "blue", RESOLVED: "green", CLOSED: "green", REOPENED: "red", MERGED: "slate",
};

export function RequestStatusBadge({ status, label }: { status: RequestStatus; label: string }) {
  return <Badge tone={tones[status]}>{label}</Badge>;
}
