import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { ProgrammeStatusBadge } from "@/components/programmes/badges";
import { cn } from "@/components/ui/cn";

export type ProgrammeHeaderTab = { key: string; href: string; label: string };

/**
 * Back link, status, owner unit, dates, title and the section tabs of one programme — the
 * shared header of the campaign, mentorship and other programme pages. Callers pass only the
 * tabs the user may open.
 */
export async function ProgrammeHeader({
  programme, backHref, backLabel, sectionsLabel, tabs, current,
}: {
  programme: { name: string; status: string; startDate: Date; endDate: Date; orgUnit: { name: string } };
  backHref: string;
  backLabel: string;
  sectionsLabel: string;
  tabs: ProgrammeHeaderTab[];
  current: string;
}) {
  const tStatuses = await getTranslations("programmeStatuses");
  return (
    <div className="space-y-3">
      <Link href={backHref} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden="true" className="mr-1">←</span>
        {backLabel}
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
      <nav aria-label={sectionsLabel} className="-mx-3 overflow-x-auto px-3 sm:mx-0 sm:px-0">
        <ul className="flex min-w-max gap-1 border-b border-slate-200">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={tab.key === current ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center border-b-2 px-3 text-sm font-medium",
                  tab.key === current ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
