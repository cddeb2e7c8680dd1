// The catalogue's filters, all in the URL (a plain GET form, works before hydration): the kind as
// tabs with their counts (人工 / 自助), then category, department, a search box and — for admins —
// whether inactive items show.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { CatalogueFilter } from "@/lib/service-stations/catalogue";
import { SERVICE_ITEM_KINDS } from "@/lib/service-stations/schemas";
import { Card } from "@/components/ui/card";
import { Button, LinkButton } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export async function CatalogueFilters({ basePath, filter, counts, categories, departments, showState }: {
  basePath: string;
  filter: CatalogueFilter;
  counts: { STAFFED: number; SELF_SERVICE: number };
  categories: string[];
  departments: string[];
  showState: boolean;
}) {
  const t = await getTranslations("serviceStation.catalogue");
  const tc = await getTranslations("common");
  const hrefWith = (kind: string | undefined) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, kind })) if (v) params.set(k, String(v));
    const query = params.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const filtered = !!(filter.category || filter.department || filter.q || filter.state);
  const tab = (kind: string | undefined, label: string) => {
    const current = (filter.kind ?? undefined) === kind;
    return (
      <Link key={kind ?? "all"} href={hrefWith(kind)} aria-current={current ? "page" : undefined}
        className={cn("inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium", current ? "bg-brand-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50")}>
        {label}
      </Link>
    );
  };
  return (
    <div className="space-y-3">
      <nav aria-label={t("kindTabs")} className="flex flex-wrap gap-2">
        {tab(undefined, t("allKinds", { count: counts.STAFFED + counts.SELF_SERVICE }))}
        {SERVICE_ITEM_KINDS.map((k) => tab(k, t("kindTab", { kind: t(`kindShort.${k}`), count: counts[k] })))}
      </nav>
      <Card>
        <form method="get" action={basePath} role="search" aria-label={tc("filter")} className="grid grid-cols-2 gap-3 lg:grid-cols-[2fr_1fr_1fr_auto_auto] lg:items-end">
          {filter.kind ? <input type="hidden" name="kind" value={filter.kind} /> : null}
          <div className="col-span-2 space-y-1 lg:col-span-1">
            <label htmlFor="catalogue-q" className="block text-sm font-medium text-slate-700">{t("search")}</label>
            <input id="catalogue-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder={t("searchPlaceholder")} className={`${controlClass} h-11`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="catalogue-category" className="block text-sm font-medium text-slate-700">{t("fields.category")}</label>
            <select id="catalogue-category" name="category" defaultValue={filter.category ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {categories.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="catalogue-department" className="block text-sm font-medium text-slate-700">{t("fields.department")}</label>
            <select id="catalogue-department" name="department" defaultValue={filter.department ?? ""} className={`${controlClass} h-11`}>
              <option value="">{tc("all")}</option>
              {departments.map((d) => <option key={d} value={d}>{d}</option>)}
            </select>
          </div>
          {showState ? (
            <div className="space-y-1">
              <label htmlFor="catalogue-state" className="block text-sm font-medium text-slate-700">{t("stateLabel")}</label>
              <select id="catalogue-state" name="state" defaultValue={filter.state ?? ""} className={`${controlClass} h-11`}>
                <option value="">{t("states.active")}</option>
                <option value="inactive">{t("states.inactive")}</option>
                <option value="all">{t("states.all")}</option>
              </select>
            </div>
          ) : null}
          <div className="col-span-2 flex gap-2 lg:col-span-1">
            <Button type="submit" className="flex-1 lg:flex-none">{tc("filter")}</Button>
            {filtered ? <LinkButton href={filter.kind ? `${basePath}?kind=${filter.kind}` : basePath} variant="secondary" className="flex-1 lg:flex-none">{tc("reset")}</LinkButton> : null}
          </div>
        </form>
      </Card>
    </div>
  );
}
