import { now } from "@/lib/platform/clock";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { campaignDueItems } from "@/lib/visits/campaigns/due";
import { byUrgency, shanghaiDate, summarise, type DueItem, type DueSummaryRow } from "@/lib/visits/campaigns/frequency";
import { Card, EmptyState, Badge } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { getCampaignOrThrow } from "@/lib/visits/campaigns/queries";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("due.title") };
}

const TONE = { OVERDUE: "red", DUE_SOON: "amber", PENDING: "slate", MET: "green" } as const;

export default async function CampaignDuePage({ params, searchParams }: { params: Promise<{ programmeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("visit.view");
  const { programmeId } = await params;
  const showAll = (await searchParams).show === "all";
  const campaign = await loadOrNotFound(user, pageAuditName("/campaigns/[programmeId]/due"), () => getCampaignOrThrow(user, programmeId));
  const items = (await campaignDueItems(user, campaign)).sort(byUrgency);
  const t = await getTranslations("campaigns");
  const attention = items.filter((i) => i.status === "OVERDUE" || i.status === "DUE_SOON");
  const listed = showAll ? items : attention;
  const byOfficer = summarise(items, (i) => (i.officerId ? { key: i.officerId, name: i.officerName ?? "" } : { key: "none", name: t("due.noCommissioner") }));
  const byUnit = summarise(items, (i) => ({ key: i.orgUnitId, name: i.orgUnitName }));

  const ruleText = (i: DueItem) => t(`rules.${i.kind}`, { min: i.required, period: t(`periods.${i.period}`) });

  const summaryTable = (title: string, rows: DueSummaryRow[], first: string) => (
    <Card title={title}>
      {rows.length === 0 ? (
        <EmptyState>{t("due.nothing")}</EmptyState>
      ) : (
        <ScrollRegion label={title} className="-m-4">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{first}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("status.OVERDUE")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("status.DUE_SOON")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("due.checked")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" className="px-3 py-2 font-normal text-slate-900">{r.name}</th>
                  <td className={`px-3 py-2 text-right tabular-nums ${r.overdue ? "font-semibold text-red-700" : ""}`}>{r.overdue}</td>
                  <td className={`px-3 py-2 text-right tabular-nums ${r.dueSoon ? "font-semibold text-amber-800" : ""}`}>{r.dueSoon}</td>
                  <td className="px-3 py-2 text-right tabular-nums text-slate-600">{r.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </Card>
  );

  return (
    <div className="space-y-4">
      <CampaignHeader user={user} campaign={campaign} current="due" />
      <p className="text-sm text-slate-600">{user.role === "OFFICER" ? t("due.introOwn") : t("due.introSubtree", { name: user.orgName })}</p>

      {items.length === 0 ? (
        <EmptyState>{shanghaiDate(now()) < campaign.startDay ? t("due.notStarted", { start: campaign.startDay }) : t("due.noRules")}</EmptyState>
      ) : (
        <>
          <Alert tone={attention.length ? "warning" : "success"}>
            {t("due.counts", { overdue: items.filter((i) => i.status === "OVERDUE").length, dueSoon: items.filter((i) => i.status === "DUE_SOON").length })}
          </Alert>

          <Card
            title={showAll ? t("due.allItems") : t("due.attention")}
            actions={
              <a href={showAll ? `/campaigns/${campaign.id}/due` : `/campaigns/${campaign.id}/due?show=all`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
                {showAll ? t("due.showAttention") : t("due.showAll", { count: items.length })}
              </a>
            }
          >
            {listed.length === 0 ? (
              <EmptyState>{t("due.nothing")}</EmptyState>
            ) : (
              <ul className="-my-2 divide-y divide-slate-100">
                {listed.map((i) => (
                  <li key={`${i.ruleId}-${i.subjectId}`} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                    <div className="min-w-0">
                      <p className="flex flex-wrap items-center gap-2">
                        <Badge tone={TONE[i.status]}>{t(`status.${i.status}`)}</Badge>
                        <span className="font-medium text-slate-900">{i.subjectName}</span>
                        <span className="text-sm text-slate-500">{i.orgUnitName}</span>
                      </p>
                      <p className="mt-1 text-sm text-slate-700">{ruleText(i)}</p>
                      {i.subjectType === "ENTERPRISE" ? (
                        <p className="text-sm text-slate-600">{i.officerName ? t("due.commissioner", { name: i.officerName }) : t("due.noCommissioner")}</p>
                      ) : null}
                      {i.missed ? (
                        <p className="text-sm text-red-700">{t("due.missed", { start: i.missed.firstDay, end: i.missed.lastDay, count: i.missed.count, required: i.required })}</p>
                      ) : null}
                    </div>
                    <div className="shrink-0 text-sm sm:text-right">
                      <p className="tabular-nums text-slate-900">{t("due.countOf", { count: i.count, required: i.required })}</p>
                      <p className="tabular-nums text-slate-500">{t("due.period", { start: i.current.firstDay, end: i.current.lastDay, days: i.daysLeft })}</p>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <div className="grid gap-4 lg:grid-cols-2">
            {summaryTable(t("due.byOfficer"), byOfficer, t("progress.officer"))}
            {summaryTable(t("due.byUnit"), byUnit, t("progress.unit"))}
          </div>
        </>
      )}
    </div>
  );
}
