// A station's service catalogue (服务目录): "人工服务事项 32 项 · 自助服务事项 150 项" at the top,
// the kind as tabs, category / department / search filters in the URL. Everyone who may view the
// station reads it (officers at the counter, on a phone: one card per item); admins also add,
// edit and switch off items and import or export the workbook.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { parseFilters } from "@/lib/platform/url-filters";
import { catalogueFilterShape, catalogueSummary, listItems } from "@/lib/service-stations/catalogue";
import { getStationOrThrow } from "@/lib/service-stations/queries";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { TableCard } from "@/components/ui/table";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { CatalogueFilters } from "@/components/service-stations/catalogue-filters";
import { CatalogueImport } from "@/components/service-stations/catalogue-import";
import { StationTabs } from "@/components/service-stations/station-tabs";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ stationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata() {
  const t = await getTranslations("serviceStation.catalogue");
  return { title: t("title") };
}

export default async function CataloguePage({ params, searchParams }: Props) {
  const user = await requirePermission("serviceStation.view");
  const { stationId } = await params;
  const station = await loadOrNotFound(user, pageAuditName("/service-stations/[stationId]/catalogue"), () => getStationOrThrow(user, stationId));
  const t = await getTranslations("serviceStation.catalogue");
  const configure = can(user, "serviceStation.configure", station);
  const { filter, ignored } = parseFilters(catalogueFilterShape, await searchParams);
  // Officers see the items in use; only admins may ask for switched-off ones.
  if (!configure) delete filter.state;
  const [items, summary] = await Promise.all([listItems(user, station.id, filter), catalogueSummary(user, station.id)]);
  const base = `/service-stations/${station.id}/catalogue`;
  const minutes = (i: { standardMinutes: number; usualMinutes: number }) => t("minutesPair", { standard: i.standardMinutes, usual: i.usualMinutes });

  return (
    <ClientMessages namespaces={["serviceStation.catalogue.import", "validation.import.fileTooLarge"]}>
      <div className="space-y-4">
        <Link href="/service-stations" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("allStations")}
        </Link>
        <PageHeader
          title={station.name}
          description={`${t("title")} · ${t("counts", { staffed: summary.staffed, selfService: summary.selfService })}`}
          actions={
            <>
              {configure ? <LinkButton href={`${base}/new`}>{t("newItem")}</LinkButton> : null}
              {can(user, "report.export") ? <LinkButton href={`/api/exports/service-stations/catalogue?station=${station.id}`} variant="secondary" prefetch={false}>{t("export")}</LinkButton> : null}
              {configure ? <LinkButton href={`/service-stations/${station.id}/settings`} variant="ghost">{t("stationSettings")}</LinkButton> : null}
            </>
          }
        />
        <StationTabs stationId={station.id} current="catalogue" />

        <IgnoredFilters ignored={ignored} labels={{ kind: t("fields.kind"), category: t("fields.category"), department: t("fields.department"), q: t("search"), state: t("stateLabel") }} />

        {configure ? (
          <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <summary className="min-h-11 cursor-pointer text-base font-semibold text-slate-800">{t("import.title")}</summary>
            <div className="mt-3 space-y-3">
              <CatalogueImport stationId={station.id} />
              <p className="text-xs text-slate-500">{t("deactivateHint")}</p>
            </div>
          </details>
        ) : null}

        <CatalogueFilters basePath={base} filter={filter} counts={{ STAFFED: summary.staffed, SELF_SERVICE: summary.selfService }}
          categories={summary.categories} departments={summary.departments} showState={configure} />

        <p className="text-sm text-slate-600" role="status">{t("shown", { count: items.length })}</p>

        {items.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <>
            <ul className="space-y-2 md:hidden">
              {items.map((i) => (
                <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <Badge tone={i.kind === "STAFFED" ? "blue" : "slate"}>{t(`kindShort.${i.kind}`)}</Badge>
                    {i.category ? <Badge>{i.category}</Badge> : null}
                    {i.active ? null : <Badge tone="amber">{t("inactive")}</Badge>}
                    <span className="text-xs text-slate-500">{i.code}</span>
                  </div>
                  <h2 className="mt-1 break-words text-base font-semibold text-slate-900">{i.name}</h2>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm text-slate-700">
                    {i.department ? <><dt className="text-slate-500">{t("fields.department")}</dt><dd className="break-words">{i.department}</dd></> : null}
                    <dt className="text-slate-500">{t("time")}</dt><dd className="tabular-nums">{minutes(i)}</dd>
                    {i.documentsNeeded ? <><dt className="text-slate-500">{t("fields.documentsNeeded")}</dt><dd className="whitespace-pre-line break-words">{i.documentsNeeded}</dd></> : null}
                  </dl>
                  {configure ? (
                    <div className="mt-2"><LinkButton href={`${base}/${i.id}/edit`} variant="secondary" size="sm" aria-label={t("editNamed", { name: i.name })}>{t("edit")}</LinkButton></div>
                  ) : null}
                </li>
              ))}
            </ul>
            <TableCard caption={t("title")} columns={[
              { key: "code", label: t("fields.code") },
              { key: "name", label: t("fields.name") },
              { key: "category", label: t("fields.category") },
              { key: "department", label: t("fields.department") },
              { key: "documents", label: t("fields.documentsNeeded") },
              { key: "time", label: t("time"), className: "text-right" },
              ...(configure ? [{ key: "actions", label: t("actions"), srOnly: true }] : []),
            ]}>
              <tbody className="divide-y divide-slate-100">
                {items.map((i) => (
                  <tr key={i.id} className={i.active ? undefined : "bg-slate-50 text-slate-500"}>
                    <td className="px-3 py-2 align-top text-xs whitespace-nowrap text-slate-500">{i.code}</td>
                    <td className="px-3 py-2 align-top">
                      <span className="font-medium text-slate-900">{i.name}</span>
                      <span className="ml-1.5 inline-flex gap-1 align-middle"><Badge tone={i.kind === "STAFFED" ? "blue" : "slate"}>{t(`kindShort.${i.kind}`)}</Badge>{i.active ? null : <Badge tone="amber">{t("inactive")}</Badge>}</span>
                    </td>
                    <td className="px-3 py-2 align-top">{i.category}</td>
                    <td className="px-3 py-2 align-top">{i.department}</td>
                    <td className="max-w-xs px-3 py-2 align-top text-xs whitespace-pre-line text-slate-600">{i.documentsNeeded}</td>
                    <td className="px-3 py-2 text-right align-top whitespace-nowrap tabular-nums">{minutes(i)}</td>
                    {configure ? (
                      <td className="px-3 py-2 text-right align-top whitespace-nowrap"><Link href={`${base}/${i.id}/edit`} className="text-brand-700 hover:underline" aria-label={t("editNamed", { name: i.name })}>{t("edit")}</Link></td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </TableCard>
          </>
        )}
      </div>
    </ClientMessages>
  );
}
