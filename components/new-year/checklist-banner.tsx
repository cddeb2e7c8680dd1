// The new-year checklist (lib/new-year/readiness): shown to admins on their home page and on
// every admin page from 1 November until next year is ready, then gone — except the working
// calendar, which stays (as "late") for as long as the running year's is unconfirmed. Each open
// item links to the page where it is done.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { newYearBanner } from "@/lib/new-year/readiness";

export async function NewYearChecklistBanner({ user }: { user: SessionUser }) {
  const list = await newYearBanner(user);
  if (!list) return null;
  const t = await getTranslations("newYear");
  return (
    <section aria-labelledby="new-year-title" data-testid="new-year-checklist" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <h2 id="new-year-title" className="font-semibold">{t(list.late ? "lateTitle" : "bannerTitle", { year: list.year })}</h2>
      <p className="mt-1 text-amber-900">{list.late ? t("lateIntro", { year: list.year }) : t("bannerIntro", { year: list.year, done: list.done, total: list.total })}</p>
      <ul className="mt-2 space-y-1">
        {list.items.map((item) => {
          const label = item.kind === "calendar"
            ? t(item.loaded ? "item.calendarLoaded" : "item.calendar", { year: list.year })
            : t(`item.${item.kind}`, { year: list.year, programme: item.programmeName });
          return (
            <li key={item.kind === "calendar" ? "calendar" : `${item.kind}-${item.programmeId}`} className="flex items-start gap-2">
              <span aria-hidden="true" className={item.done ? "text-emerald-700" : "text-amber-700"}>{item.done ? "✓" : "○"}</span>
              {item.done ? (
                <span className="text-slate-600 line-through decoration-slate-400">{label}<span className="sr-only"> {t("doneWord")}</span></span>
              ) : (
                <Link href={item.href} className="text-brand-700 underline hover:text-brand-800">{label}</Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
