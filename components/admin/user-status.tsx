// Account status as badges: active/inactive, locked (sign-in lockout still running) and
// "must change password" (a temporary password not yet replaced). Server component.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

export async function UserStatusBadges({ active, lockedUntil, mustChangePassword, now }: { active: boolean; lockedUntil: Date | null; mustChangePassword: boolean; now: Date }) {
  const t = await getTranslations("users");
  const tCommon = await getTranslations("common");
  return (
    <span className="inline-flex flex-wrap gap-1">
      {active ? <Badge tone="green">{tCommon("active")}</Badge> : <Badge tone="slate">{tCommon("inactive")}</Badge>}
      {lockedUntil && lockedUntil > now ? <Badge tone="red">{t("locked")}</Badge> : null}
      {mustChangePassword ? <Badge tone="amber">{t("mustChange")}</Badge> : null}
    </span>
  );
}
