// Status labels of applications, redemptions and ledger entries, in the user's words.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";

const APP_TONES = { DRAFT: "slate", SUBMITTED: "blue", UNDER_REVIEW: "amber", APPROVED: "green", REJECTED: "red", RETURNED: "amber" } as const;
const RED_TONES = { REQUESTED: "blue", APPROVED: "amber", FULFILLED: "green", REJECTED: "red", CANCELLED: "slate" } as const;

export function ApplicationStatusBadge({ status }: { status: keyof typeof APP_TONES }) {
  const t = useTranslations("points.status");
  return <Badge tone={APP_TONES[status]}>{t(status)}</Badge>;
}

export function RedemptionStatusBadge({ status }: { status: keyof typeof RED_TONES }) {
  const t = useTranslations("points.redemptionStatus");
  return <Badge tone={RED_TONES[status]}>{t(status)}</Badge>;
}

export function TierBadge({ tier, name }: { tier: number | null; name: string | null }) {
  const t = useTranslations("points.tiers");
  if (!tier) return <Badge tone="slate">{t("none")}</Badge>;
  return <Badge tone={tier === 1 ? "green" : tier === 2 ? "blue" : tier === 3 ? "amber" : "slate"}>{name ?? t("name", { tier })}</Badge>;
}
