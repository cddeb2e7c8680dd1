import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { ProgrammeHeader } from "@/components/programmes/programme-header";

type Tab = "pairings" | "pools" | "progress" | "settings";

/** Title, dates and the mentorship programme's tabs (only those the user may open). */
export async function MentorshipHeader({
  user, programme, current,
}: {
  user: SessionUser;
  programme: { id: string; name: string; status: string; startDate: Date; endDate: Date; orgPath: string; orgUnit: { name: string } };
  current: Tab;
}) {
  const t = await getTranslations("mentorship");
  const tabs: { key: Tab; href: string; show: boolean }[] = [
    { key: "pairings", href: `/mentorship/${programme.id}`, show: true },
    { key: "pools", href: `/mentorship/${programme.id}/pools`, show: can(user, "mentorship.manage") },
    { key: "progress", href: `/mentorship/${programme.id}/progress`, show: can(user, "mentorship.manage") },
    { key: "settings", href: `/mentorship/${programme.id}/settings`, show: can(user, "mentorship.configure", programme) },
  ];
  return (
    <ProgrammeHeader
      programme={programme}
      backHref="/mentorship"
      backLabel={t("backToList")}
      sectionsLabel={t("sections")}
      tabs={tabs.filter((tab) => tab.show).map((tab) => ({ key: tab.key, href: tab.href, label: t(`tabs.${tab.key}`) }))}
      current={current}
    />
  );
}
