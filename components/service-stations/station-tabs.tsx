// The station's sections as tabs under its heading: 办件, 服务目录, 一类事, 进度. Links, so each
// section has its own address (a bookmark, a shared link); the current one is marked for
// screen readers (aria-current) and scrolls sideways on a phone rather than wrapping.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export const STATION_TABS = ["cases", "catalogue", "bundles", "progress"] as const;
export type StationTab = (typeof STATION_TABS)[number];

const hrefOf = (stationId: string, tab: StationTab) => (tab === "cases" ? `/service-stations/${stationId}` : `/service-stations/${stationId}/${tab}`);

export function StationTabs({ stationId, current }: { stationId: string; current: StationTab }) {
  const t = useTranslations("serviceStation.landing.tabs");
  return (
    <nav aria-label={t("label")} className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 px-1">
      {STATION_TABS.map((tab) => {
        const active = tab === current;
        return (
          <Link
            key={tab}
            href={hrefOf(stationId, tab)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "-mb-px inline-flex min-h-11 shrink-0 items-center border-b-2 px-3 text-sm font-medium",
              active ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(tab)}
          </Link>
        );
      })}
    </nav>
  );
}
