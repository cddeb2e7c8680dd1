// The list page of either register (server component): header with create/import/export,
// the ignored-filter notice, the filter form (search, address, unit, the kind's own filter,
// status), phone cards or the table, and the keyset pager. The kind's descriptor gives the
// URL, permission and labels; the page gives its rows and how one row reads.
// Called as a function by the page (not rendered as <RegisterList>) so the page's returned
// tree is the list itself, as the list-filter tests read it.
import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/platform/authz/can";
import { filterParams } from "@/lib/registers/filters";
import type { RegisterDescriptor } from "@/lib/registers/kinds";
import type { RegisterFilter } from "@/lib/registers/queries";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { TableCard } from "@/components/ui/table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { indentedName, type OrgOption } from "@/components/admin/org-options";
import { FilterField, Pager, filterControl } from "./list-bits";

export async function registerListMetadata(register: RegisterDescriptor) {
  const t = await getTranslations("registers");
  return { title: t(register.labels.title) };
}

type Column = { key: string; label: string; className?: string };

export type RegisterListProps<R extends { id: string }> = {
  register: RegisterDescriptor;
  actor: Actor;
  filter: RegisterFilter & { tag?: string; size?: string };
  after?: string;
  ignored: string[];
  rows: R[];
  nextCursor?: string;
  units: OrgOption[];
  /** The kind's own filter (tags, size): its URL parameter, label and control. */
  own: { name: string; label: string; control: ReactNode };
  /** What a row shows inside its link on a phone. */
  card: (row: R) => ReactNode;
  columns: Column[];
  /** The table cells of a row; `href` is the record's page. */
  cells: (row: R, href: string) => ReactNode;
};

export async function registerList<R extends { id: string }>(p: RegisterListProps<R>) {
  const { register, actor, filter, after, rows } = p;
  const t = await getTranslations("registers");
  const tCommon = await getTranslations("common");
  const params = filterParams(filter);
  const filtered = params.size > 0;
  const exportHref = `/api/registers/${register.kind}/export${params.size ? `?${params}` : ""}`;
  const href = (id: string) => `${register.path}/${id}`;
  const title = t(register.labels.title);

  return (
    <div>
      <PageHeader
        title={title}
        description={t(register.labels.intro)}
        actions={
          <>
            {can(actor, register.manage) ? <LinkButton href={`${register.path}/new`}>{t(register.labels.create)}</LinkButton> : null}
            {can(actor, "register.import") ? <LinkButton href={`${register.path}/import`} variant="secondary">{t("import")}</LinkButton> : null}
            {can(actor, "report.export") ? <a href={exportHref} className={buttonClass("secondary", "md")} download>{t("export")}</a> : null}
          </>
        }
      />

      <IgnoredFilters
        ignored={p.ignored}
        labels={{ q: t(register.labels.search), addr: t("addressContains"), org: t(register.labels.unit), [p.own.name]: p.own.label, active: t("status") }}
      />

      <form method="get" action={register.path} role="search" aria-label={tCommon("filter")} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-[2fr_2fr_2fr_1fr_1fr_auto]">
        <FilterField id="f-q" label={t(register.labels.search)} className="col-span-2 lg:col-span-1">
          <input id="f-q" name="q" type="search" defaultValue={filter.q} placeholder={t(register.labels.searchPlaceholder)} maxLength={40} className={filterControl} />
        </FilterField>
        <FilterField id="f-addr" label={t("addressContains")} className="col-span-2 lg:col-span-1">
          <input id="f-addr" name="addr" type="search" defaultValue={filter.addr} maxLength={60} className={filterControl} />
        </FilterField>
        <FilterField id="f-org" label={t(register.labels.unit)} className="col-span-2 lg:col-span-1">
          <select id="f-org" name="org" defaultValue={filter.orgUnitId ?? ""} className={filterControl}>
            <option value="">{tCommon("all")}</option>
            {p.units.map((o) => (
              <option key={o.id} value={o.id}>{indentedName(o)}</option>
            ))}
          </select>
        </FilterField>
        <FilterField id={`f-${p.own.name}`} label={p.own.label}>
          {p.own.control}
        </FilterField>
        <FilterField id="f-active" label={t("status")}>
          <select id="f-active" name="active" defaultValue={filter.active === undefined ? "all" : String(filter.active)} className={filterControl}>
            <option value="true">{t("statusActive")}</option>
            <option value="false">{t("statusInactive")}</option>
            <option value="all">{t("statusAll")}</option>
          </select>
        </FilterField>
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
          <button type="submit" className={buttonClass("primary", "md")}>{tCommon("filter")}</button>
          {filtered ? <Link href={register.path} className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link> : null}
        </div>
      </form>

      {rows.length === 0 ? (
        <EmptyState>{filtered || after ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-2 md:hidden" aria-label={title}>
            {rows.map((r) => (
              <li key={r.id}>
                <Link href={href(r.id)} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
                  {p.card(r)}
                </Link>
              </li>
            ))}
          </ul>
          <TableCard caption={title} columns={p.columns}>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.id} className="hover:bg-slate-50">{p.cells(r, href(r.id))}</tr>
              ))}
            </tbody>
          </TableCard>
        </>
      )}
      {rows.length > 0 || after ? <Pager base={register.path} params={params} after={after} nextCursor={p.nextCursor} count={rows.length} /> : null}
    </div>
  );
}
