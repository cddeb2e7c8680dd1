import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { ProgrammeHeader } from "@/components/programmes/programme-header";

type Tab = "progress" | "due" | "events" | "setup";

/** Title, dates and the campaign's tabs (only those the user may open). */
export async function CampaignHeader({
  user, campaign, current,
}: {
  user: SessionUser;
  campaign: { id: string; name: string; status: string; startDate: Date; endDate: Date; orgPath: string; orgUnit: { name: string } };
  current: Tab;
}) {
  const t = await getTranslations("campaigns");
  const tabs: { key: Tab; href: string; show: boolean }[] = [
    { key: "progress", href: `/campaigns/${campaign.id}`, show: can(user, "visit.view") },
    { key: "due", href: `/campaigns/${campaign.id}/due`, show: can(user, "visit.view") },
    { key: "events", href: `/campaigns/${campaign.id}/events`, show: can(user, "event.view") },
    { key: "setup", href: `/campaigns/${campaign.id}/setup`, show: can(user, "campaign.configure", campaign) },
  ];
  return (
    <ProgrammeHeader
      programme={campaign}
      backHref="/campaigns"
      backLabel={t("backToList")}
      sectionsLabel={t("sections")}
      tabs={tabs.filter((tab) => tab.show).map((tab) => ({ key: tab.key, href: tab.href, label: t(`tabs.${tab.key}`) }))}
      current={current}
    />
  );
}
