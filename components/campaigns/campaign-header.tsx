import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { formatCalendarDate } from "@/lib/format/dates";
import { ProgrammeStatusBadge } from "@/components/programmes/badges";
import { cn } from "@/components/ui/cn";

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
  const tStatuses = await getTranslations("programmeStatuses");
  const tabs: { key: Tab; href: string; show: boolean }[] = [
    { key: "progress", href: `/campaigns/${campaign.id}`, show: can(user, "visit.view") },
    { key: "due", href: `/campaigns/${campaign.id}/due`, show: can(user, "visit.view") },
    { key: "events", href: `/campaigns/${campaign.id}/events`, show: can(user, "event.view") },
    { key: "setup", href: `/campaigns/${campaign.id}/setup`, show: can(user, "campaign.configure", campaign) },
  ];
  return (
    <div className="space-y-3">
      <Link href="/campaigns" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden="true" className="mr-1">←</span>
        {t("backToList")}
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <ProgrammeStatusBadge status={campaign.status} label={tStatuses(campaign.status)} />
          <span className="text-sm text-slate-600">
            {campaign.orgUnit.name} · <span className="tabular-nums">{formatCalendarDate(campaign.startDate)} – {formatCalendarDate(campaign.endDate)}</span>
          </span>
        </div>
        <h1 className="break-words text-xl font-semibold text-slate-900 sm:text-2xl">{campaign.name}</h1>
      </div>
      <nav aria-label={t("sections")} className="-mx-3 overflow-x-auto px-3 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {tabs.filter((tab) => tab.show).map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={tab.key === current ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                  tab.key === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {t(`tabs.${tab.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
