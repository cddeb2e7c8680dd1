import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { listEnterprises } from "@/lib/registers/queries";
import { filterParams, parseEnterpriseFilterWithIgnored } from "@/lib/registers/filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { ENTERPRISE_SIZES } from "@/lib/registers/schemas";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { TableCard } from "@/components/ui/table";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { indentedName } from "@/components/admin/org-options";
import { ActiveBadge, FilterField, Pager, RowLink, filterControl } from "@/components/registers/list-bits";

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("enterprises") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EnterprisesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("enterprise.view");
  const t = await getTranslations("registers");
  const tCommon = await getTranslations("common");
  const sp = await searchParams;
  const { filter, after, ignored } = parseEnterpriseFilterWithIgnored(sp);
  const [{ enterprises, nextCursor }, options] = await Promise.all([listEnterprises(actor, filter, after), orgUnitOptions(actor)]);
  const params = filterParams(filter);
  const filtered = params.size > 0;
  const exportHref = `/api/registers/enterprises/export${params.size ? `?${params}` : ""}`;

  return (
    <div>
      <PageHeader
        title={t("enterprises")}
        description={t("enterprisesIntro")}
        actions={
          <>
            {can(actor, "enterprise.manage") ? <LinkButton href="/registers/enterprises/new">{t("newEnterprise")}</LinkButton> : null}
            {can(actor, "register.import") ? <LinkButton href="/registers/enterprises/import" variant="secondary">{t("import")}</LinkButton> : null}
            {can(actor, "report.export") ? <a href={exportHref} className={buttonClass("secondary", "md")} download>{t("export")}</a> : null}
          </>
        }
      />

      <IgnoredFilters ignored={ignored} labels={{ q: t("searchEnterprise"), addr: t("addressContains"), org: t("grid"), size: t("size"), active: t("status") }} />

      <form method="get" action="/registers/enterprises" role="search" aria-label={tCommon("filter")} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-[2fr_2fr_2fr_1fr_1fr_auto]">
        <FilterField id="f-q" label={t("searchEnterprise")} className="col-span-2 lg:col-span-1">
          <input id="f-q" name="q" type="search" defaultValue={filter.q} placeholder={t("searchEnterprisePlaceholder")} maxLength={40} className={filterControl} />
        </FilterField>
        <FilterField id="f-addr" label={t("addressContains")} className="col-span-2 lg:col-span-1">
          <input id="f-addr" name="addr" type="search" defaultValue={filter.addr} maxLength={60} className={filterControl} />
        </FilterField>
        <FilterField id="f-org" label={t("grid")} className="col-span-2 lg:col-span-1">
          <select id="f-org" name="org" defaultValue={filter.orgUnitId ?? ""} className={filterControl}>
            <option value="">{tCommon("all")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>{indentedName(o)}</option>
            ))}
          </select>
        </FilterField>
        <FilterField id="f-size" label={t("size")}>
          <select id="f-size" name="size" defaultValue={filter.size ?? ""} className={filterControl}>
            <option value="">{t("allSizes")}</option>
            {ENTERPRISE_SIZES.map((s) => (
              <option key={s} value={s}>{t(`sizes.${s}`)}</option>
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
          {filtered ? <Link href="/registers/enterprises" className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link> : null}
        </div>
      </form>

      {enterprises.length === 0 ? (
        <EmptyState>{filtered || after ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-2 md:hidden" aria-label={t("enterprises")}>
            {enterprises.map((e) => (
              <li key={e.id}>
                <Link href={`/registers/enterprises/${e.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
                  <div className="font-medium text-slate-900">{e.name}</div>
                  <div className="mt-0.5 font-mono text-xs text-slate-500">{e.creditCode}</div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    <Badge tone={e.size === "ABOVE_SCALE" ? "blue" : "slate"}>{t(`sizes.${e.size}`)}</Badge>
                    {!e.active ? <ActiveBadge active={false} /> : null}
                  </div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                    <dt className="text-slate-500">{t("grid")}</dt>
                    <dd className="min-w-0 break-words">{e.orgUnit.name}</dd>
                    <dt className="text-slate-500">{t("contactName")}</dt>
                    <dd className="min-w-0 break-words">{e.contactName || "—"} <span className="font-mono">{e.contactPhoneMasked}</span></dd>
                    <dt className="text-slate-500">{t("commissioner")}</dt>
                    <dd>{e.commissioner?.name ?? t("noCommissioner")}</dd>
                  </dl>
                </Link>
              </li>
            ))}
          </ul>
          <TableCard
            caption={t("enterprises")}
            columns={[
              { key: "name", label: t("enterpriseName") }, { key: "code", label: t("creditCode") }, { key: "org", label: t("grid") },
              { key: "industry", label: t("industry") }, { key: "size", label: t("size") }, { key: "contact", label: t("contactName") },
              { key: "phone", label: t("contactPhone") }, { key: "commissioner", label: t("commissioner") }, { key: "status", label: t("status") },
            ]}
          >
            <tbody className="divide-y divide-slate-100">
              {enterprises.map((e) => (
                <tr key={e.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2"><RowLink href={`/registers/enterprises/${e.id}`}>{e.name}</RowLink></td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{e.creditCode}</td>
                  <td className="whitespace-nowrap px-3 py-2">{e.orgUnit.name}</td>
                  <td className="px-3 py-2">{e.industry || "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2">{t(`sizes.${e.size}`)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{e.contactName || "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2 font-mono">{e.contactPhoneMasked || "—"}</td>
                  <td className="whitespace-nowrap px-3 py-2">{e.commissioner?.name ?? <span className="text-slate-400">{t("noCommissioner")}</span>}</td>
                  <td className="px-3 py-2"><ActiveBadge active={e.active} /></td>
                </tr>
              ))}
            </tbody>
          </TableCard>
        </>
      )}
      {enterprises.length > 0 || after ? <Pager base="/registers/enterprises" params={params} after={after} nextCursor={nextCursor} count={enterprises.length} /> : null}
    </div>
  );
}
