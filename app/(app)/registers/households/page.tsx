import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { householdTagOptions, listHouseholds } from "@/lib/registers/queries";
import { filterParams, parseHouseholdFilterWithIgnored } from "@/lib/registers/filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { TableCard } from "@/components/ui/table";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { indentedName } from "@/components/admin/org-options";
import { ActiveBadge, FilterField, Pager, RowLink, filterControl } from "@/components/registers/list-bits";

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("households") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HouseholdsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("household.view");
  const t = await getTranslations("registers");
  const tCommon = await getTranslations("common");
  const sp = await searchParams;
  const { filter, after, ignored } = parseHouseholdFilterWithIgnored(sp);
  const [{ households, nextCursor }, options, tags] = await Promise.all([
    listHouseholds(actor, filter, after),
    orgUnitOptions(actor),
    householdTagOptions(actor),
  ]);
  const params = filterParams(filter);
  const filtered = params.size > 0;
  const exportHref = `/api/registers/households/export${params.size ? `?${params}` : ""}`;

  return (
    <div>
      <PageHeader
        title={t("households")}
        description={t("householdsIntro")}
        actions={
          <>
            {can(actor, "household.manage") ? <LinkButton href="/registers/households/new">{t("newHousehold")}</LinkButton> : null}
            {can(actor, "register.import") ? <LinkButton href="/registers/households/import" variant="secondary">{t("import")}</LinkButton> : null}
            {can(actor, "report.export") ? <a href={exportHref} className={buttonClass("secondary", "md")} download>{t("export")}</a> : null}
          </>
        }
      />

      <IgnoredFilters ignored={ignored} labels={{ q: t("searchHousehold"), addr: t("addressContains"), org: t("village"), tag: t("tags"), active: t("status") }} />

      <form method="get" action="/registers/households" role="search" aria-label={tCommon("filter")} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-[2fr_2fr_2fr_1fr_1fr_auto]">
        <FilterField id="f-q" label={t("searchHousehold")} className="col-span-2 lg:col-span-1">
          <input id="f-q" name="q" type="search" defaultValue={filter.q} placeholder={t("searchHouseholdPlaceholder")} maxLength={40} className={filterControl} />
        </FilterField>
        <FilterField id="f-addr" label={t("addressContains")} className="col-span-2 lg:col-span-1">
          <input id="f-addr" name="addr" type="search" defaultValue={filter.addr} maxLength={60} className={filterControl} />
        </FilterField>
        <FilterField id="f-org" label={t("village")} className="col-span-2 lg:col-span-1">
          <select id="f-org" name="org" defaultValue={filter.orgUnitId ?? ""} className={filterControl}>
            <option value="">{tCommon("all")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>{indentedName(o)}</option>
            ))}
          </select>
        </FilterField>
        <FilterField id="f-tag" label={t("tags")}>
          <select id="f-tag" name="tag" defaultValue={filter.tag ?? ""} className={filterControl}>
            <option value="">{t("allTags")}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>{tag}</option>
            ))}
          </select>
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
          {filtered ? <Link href="/registers/households" className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link> : null}
        </div>
      </form>

      {households.length === 0 ? (
        <EmptyState>{filtered || after ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-2 md:hidden" aria-label={t("households")}>
            {households.map((h) => (
              <li key={h.id}>
                <Link href={`/registers/households/${h.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                    <span className="font-medium text-slate-900">{h.headName}</span>
                    <span className="font-mono text-sm text-slate-500">{h.householdKey}</span>
                  </div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {!h.active ? <ActiveBadge active={false} /> : null}
                    {h.tags.map((tag) => <Badge key={tag} tone="amber">{tag}</Badge>)}
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                    <dt className="text-slate-500">{t("village")}</dt>
                    <dd className="min-w-0 break-words">{h.orgUnit.name}</dd>
                    <dt className="text-slate-500">{t("address")}</dt>
                    <dd className="min-w-0 break-words">{h.address || "—"}</dd>
                    <dt className="text-slate-500">{t("phone")}</dt>
                    <dd className="font-mono">{h.phoneMasked || "—"}</dd>
                    <dt className="text-slate-500">{t("membersCount")}</dt>
                    <dd>{h.membersCount}</dd>
                  </dl>
                </Link>
              </li>
            ))}
          </ul>
          <TableCard
            caption={t("households")}
            columns={[
              { key: "key", label: t("householdKey") }, { key: "name", label: t("headName") }, { key: "org", label: t("village") },
              { key: "address", label: t("address") }, { key: "phone", label: t("phone") }, { key: "members", label: t("membersCount"), className: "text-right" },
              { key: "tags", label: t("tags") }, { key: "status", label: t("status") },
            ]}
          >
            <tbody className="divide-y divide-slate-100">
              {households.map((h) => (
                <tr key={h.id} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-3 py-2 font-mono"><RowLink href={`/registers/households/${h.id}`}>{h.householdKey}</RowLink></td>
                  <td className="whitespace-nowrap px-3 py-2"><RowLink href={`/registers/households/${h.id}`}>{h.headName}</RowLink></td>
                  <td className="whitespace-nowrap px-3 py-2">{h.orgUnit.name}</td>
                  <td className="px-3 py-2">{h.address || "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono">{h.phoneMasked || "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{h.membersCount}</td>
                  <td className="px-3 py-2"><span className="inline-flex flex-wrap gap-1">{h.tags.map((tag) => <Badge key={tag} tone="amber">{tag}</Badge>)}</span></td>
                  <td className="px-3 py-2"><ActiveBadge active={h.active} /></td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        </>
      )}
      {households.length > 0 || after ? <Pager base="/registers/households" params={params} after={after} nextCursor={nextCursor} count={households.length} /> : null}
    </div>
  );
}
