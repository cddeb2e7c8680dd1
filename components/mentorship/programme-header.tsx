import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { formatCalendarDate } from "@/lib/format/dates";
import { ProgrammeStatusBadge } from "@/components/programmes/badges";
import { cn } from "@/components/ui/cn";

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
  const tStatuses = await getTranslations("programmeStatuses");
  const tabs: { key: Tab; href: string; show: boolean }[] = [
    { key: "pairings", href: `/mentorship/${programme.id}`, show: true },
    { key: "pools", href: `/mentorship/${programme.id}/pools`, show: can(user, "mentorship.manage") },
    { key: "progress", href: `/mentorship/${programme.id}/progress`, show: can(user, "mentorship.manage") },
    { key: "settings", href: `/mentorship/${programme.id}/settings`, show: can(user, "mentorship.configure", programme) },
  ];
  return (
    <div className="space-y-3">
      <Link href="/mentorship" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden="true" className="mr-1">←</span>
        {t("backToList")}
      </Link>
      <div className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <ProgrammeStatusBadge status={programme.status} label={tStatuses(programme.status)} />
          <span className="text-sm text-slate-600">
            {programme.orgUnit.name} · <span className="tabular-nums">{formatCalendarDate(programme.startDate)} – {formatCalendarDate(programme.endDate)}</span>
          </span>
        </div>
        <h1 className="break-words text-xl font-semibold text-slate-900 sm:text-2xl">{programme.name}</h1>
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
