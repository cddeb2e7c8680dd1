import type { ReactNode } from "react";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { TalentNav, type TalentTab } from "@/components/talent/talent-nav";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function TalentLayout({ children }: { children: ReactNode }) {
  const user = await requirePermission("talent.view");
  const tabs: TalentTab[] = [
    { href: "/talent", key: "talents" },
    { href: "/talent/applications", key: "applications" },
    ...(can(user, "points.review") || can(user, "points.approve") ? [{ href: "/talent/review", key: "review" }] : []),
    { href: "/talent/redemptions", key: "redemptions" },
    { href: "/talent/evaluation", key: "evaluation" },
    { href: "/talent/progress", key: "progress" },
    ...(can(user, "points.configure") ? [{ href: "/talent/config", key: "config" }] : []),
  ];
  return (
    <ClientMessages namespaces={["talent.nav"]}>
      <div>
        <TalentNav tabs={tabs} />
        {children}
      </div>
    </ClientMessages>
  );
}
