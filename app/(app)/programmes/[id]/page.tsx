import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { Card, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ProgrammeStatusBadge, ProgrammeTypeBadge } from "@/components/programmes/badges";
import { ProgrammeStatusButton } from "@/components/programmes/status-button";
import { getProgrammeOrThrow } from "@/lib/programmes/queries";
import { notificationKindsOf } from "@/lib/programmes/registry";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("programmes");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProgrammeDetailPage({ params, searchParams }: Props) {
  const user = await requirePermission("programme.view");
  const { id } = await params;
  const { notice } = await searchParams;
  const programme = await loadOrNotFound(user, pageAuditName("/programmes/[id]"), () => getProgrammeOrThrow(user, id));
  const t = await getTranslations("programmes");
  const tc = await getTranslations("common");
  const tTypes = await getTranslations("programmeTypes");
  const tStatuses = await getTranslations("programmeStatuses");
  const tNewYear = await getTranslations("newYear");
  const locale = await getLocale();
  const manage = can(user, "programme.manage", programme);
  const editable = manage && programme.status !== "CLOSED";
  const participants = [...programme.participants].sort((a, b) => a.orgUnit.path.localeCompare(b.orgUnit.path));

  return (
    <ClientMessages namespaces={["programmes"]}>
      <div className="space-y-4">
        <Link href="/programmes" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("backToList")}
        </Link>

        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <ProgrammeTypeBadge label={tTypes(programme.type)} />
            <ProgrammeStatusBadge status={programme.status} label={tStatuses(programme.status)} />
          </div>
          <h1 className="break-words text-xl font-semibold text-slate-900 sm:text-2xl">{programme.name}</h1>
          {manage && programme.status !== "CLOSED" ? (
            <div className="flex flex-wrap gap-2">
              {editable ? <LinkButton href={`/programmes/${programme.id}/edit`} variant="secondary">{tc("edit")}</LinkButton> : null}
              <ProgrammeStatusButton id={programme.id} version={programme.version} status={programme.status} />
              {programme.status === "ACTIVE" ? <LinkButton href={`/programmes/${programme.id}/rollover`} variant="secondary">{tNewYear("rollover.open")}</LinkButton> : null}
            </div>
          ) : null}
          {manage && programme.status === "CLOSED" ? (
            <div className="flex flex-wrap gap-2">
              <LinkButton href={`/programmes/${programme.id}/rollover`} variant="secondary">{tNewYear("rollover.open")}</LinkButton>
            </div>
          ) : null}
          {can(user, "notification.configure", programme) && notificationKindsOf(programme.type).length > 0 ? (
            <div className="flex flex-wrap gap-2">
              <LinkButton href={`/programmes/${programme.id}/notifications`} variant="secondary">{t("notificationRules.open")}</LinkButton>
            </div>
          ) : null}
          {notice === "rolledOver" ? <Alert tone="success">{tNewYear("rollover.done")}</Alert> : null}
          {notice === "created" ? <Alert tone="success">{t("created")}</Alert> : null}
          {notice === "updated" ? <Alert tone="success">{t("updated")}</Alert> : null}
        </div>

        <Card title={t("basics")}>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-500">{t("owner")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">{programme.orgUnit.name}</dd>
            <dt className="text-slate-500">{t("period")}</dt>
            <dd className="-mt-2 tabular-nums text-slate-900 sm:mt-0">
              {t("dateRange", { start: formatCalendarDate(programme.startDate), end: formatCalendarDate(programme.endDate) })}
            </dd>
            <dt className="text-slate-500">{t("createdBy")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">
              {programme.createdBy.name}
              <span className="text-slate-500"> · {formatDateTime(programme.createdAt, locale)}</span>
            </dd>
            <dt className="text-slate-500">{t("participants")}</dt>
            <dd className="-mt-2 sm:mt-0">
              {participants.length === 0 ? (
                <span className="text-slate-500">{t("noParticipants")}</span>
              ) : (
                <ul className="flex flex-wrap gap-1.5">
                  {participants.map((p) => (
                    <li key={p.orgUnitId} className="rounded-full border border-slate-200 bg-slate-50 px-2.5 py-0.5 text-slate-800">{p.orgUnit.name}</li>
                  ))}
                </ul>
              )}
            </dd>
            {programme.description ? (
              <>
                <dt className="text-slate-500">{t("description")}</dt>
                <dd className="-mt-2 whitespace-pre-wrap break-words text-slate-900 sm:mt-0">{programme.description}</dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card title={t("indicators")}>
          {programme.indicators.length === 0 ? (
            <EmptyState>{t("noIndicators")}</EmptyState>
          ) : (
            <ul className="space-y-5">
              {programme.indicators.map((indicator) => (
                <li key={indicator.id}>
                  <h3 className="flex flex-wrap items-baseline gap-x-2 font-medium text-slate-900">
                    <span>{indicator.name}</span>
                    {indicator.unit ? <span className="text-sm font-normal text-slate-500">（{indicator.unit}）</span> : null}
                    <code className="text-xs font-normal text-slate-500">{indicator.code}</code>
                  </h3>
                  {indicator.targets.length === 0 ? (
                    <p className="mt-1 text-sm text-slate-500">{t("noTargets")}</p>
                  ) : (
                    <div className="mt-2 overflow-x-auto rounded-md border border-slate-200" role="region" aria-label={indicator.name} tabIndex={0}>
                      <table className="w-full min-w-[18rem] table-fixed text-sm">
                        <colgroup>
                          <col className="w-1/2" />
                          <col className="w-1/4" />
                          <col className="w-1/4" />
                        </colgroup>
                        <thead className="bg-slate-50 text-left text-slate-600">
                          <tr>
                            <th scope="col" className="px-3 py-2 font-medium">{t("targetUnit")}</th>
                            <th scope="col" className="px-3 py-2 font-medium">{t("targetPeriod")}</th>
                            <th scope="col" className="px-3 py-2 text-right font-medium">{t("targetValue")}</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-slate-100">
                          {indicator.targets.map((target) => (
                            <tr key={target.id}>
                              <td className="px-3 py-2 text-slate-900">{target.orgUnit.name}</td>
                              <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-700">{target.period}</td>
                              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-900">
                                {t("valueWithUnit", { value: target.value.toString(), unit: indicator.unit })}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
