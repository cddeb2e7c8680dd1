import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { REDEMPTION_STATUSES as STATUSES, parseRedemptionStatusWithIgnored, statusQuery } from "@/lib/talent/points/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { enterpriseOptions, talentOptions } from "@/lib/talent/queries";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { resourceOptions } from "@/lib/talent/points/queries";
import { cancelRedemptionAction, decideRedemptionAction, fulfilRedemptionAction } from "@/lib/talent/points/redemption-actions";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { RedemptionStatusBadge } from "@/components/talent/badges";
import { RedemptionForm } from "@/components/talent/redemption-form";
import { StepButton } from "@/components/talent/step-button";
import { ExportLink } from "@/components/dashboards/export-link";
import { enterpriseBalances } from "@/lib/talent/points/redemption";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("points");
  return { title: t("redemptions") };
}

export default async function RedemptionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("talent.view");
  const t = await getTranslations("points");
  const locale = await getLocale();
  const programme = await getTalentProgrammeOrThrow(user);
  const { status: chosen, ignored } = parseRedemptionStatusWithIgnored(await searchParams);
  const mayRequest = can(user, "redemption.request");
  const [rows, resources, talents, enterprises] = await Promise.all([
    listRedemptions(user, chosen ? { status: [chosen] } : {}),
    mayRequest ? resourceOptions(programme.id) : Promise.resolve([]),
    mayRequest ? talentOptions(user, programme.reach) : Promise.resolve([]),
    mayRequest ? enterpriseOptions(user, programme.reach) : Promise.resolve([]),
  ]);
  const accounts = mayRequest ? await enterpriseBalances(enterprises.map((e) => e.id)) : [];
  const mayDecide = can(user, "redemption.decide");

  return (
    <ClientMessages namespaces={["points.redeem"]}>
      <div className="space-y-4">
        <PageHeader title={t("redemptions")} description={t("redemptionsIntro")} actions={can(user, "report.export") ? <ExportLink href={`/api/exports/redemptions?${statusQuery(chosen)}`} label={t("export")} /> : null} />
        {mayRequest ? (
          <Card title={t("redeem.title")}>
            <RedemptionForm
              resources={resources.map((r) => ({ id: r.id, name: r.name, pointsCost: r.pointsCost, enterpriseOnly: !!r.eligibility.enterpriseOnly, talentOnly: !!r.eligibility.talentOnly, minTier: r.eligibility.minTier ?? null }))}
              talents={talents.map((x) => ({ id: x.id, name: `${x.name}（${x.enterpriseName}）`, balance: x.balance, enterpriseId: x.enterpriseId }))}
              enterprises={enterprises.map((e) => ({ id: e.id, name: e.name, balance: accounts.find((a) => a.enterpriseId === e.id)?.balance ?? 0 }))}
            />
          </Card>
        ) : null}
        <IgnoredFilters ignored={ignored} labels={{ status: t("statusLabel") }} />
        <nav aria-label={t("statusLabel")} className="flex flex-wrap gap-2">
          {[undefined, ...STATUSES].map((s) => (
            <Link key={s ?? "all"} href={s ? `/talent/redemptions?status=${s}` : "/talent/redemptions"} aria-current={s === chosen ? "page" : undefined}
              className={cn("inline-flex h-9 items-center rounded-full border px-3 text-sm", s === chosen ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700")}>
              {s ? t(`redemptionStatus.${s}`) : t("allStatuses")}
            </Link>
          ))}
        </nav>
        {rows.length === 0 ? <EmptyState>{t("noRedemptions")}</EmptyState> : (
          <ul className="space-y-2" aria-label={t("redemptions")}>
            {rows.map((r) => {
              const input = { id: r.id, version: r.version };
              const scoped = { orgPath: user.orgPath };
              return (
                <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid="redemption-row">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{r.resource.name} · {r.talent ? <Link className="text-brand-700 underline" href={`/talent/${r.talent.id}`}>{r.talent.name}</Link> : t("noBeneficiary")}</span>
                    <RedemptionStatusBadge status={r.status} />
                  </div>
                  <div className="mt-1 text-sm text-slate-600">
                    {r.number} · {r.enterprise.name} · {t("pointsSpent", { points: r.points })} · {r.quota.enterpriseId ? t("fromTierQuota") : t("fromUnitQuota", { unit: r.quota.orgUnit?.name ?? "" })}
                  </div>
                  <div className="text-xs text-slate-500">{t("requestedBy", { name: r.requestedBy.name, time: formatDateTime(r.createdAt, locale) })}</div>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {r.status === "REQUESTED" && mayDecide ? (
                      <>
                        <StepButton label={t("actions.approveRedemption")} action={decideRedemptionAction} input={{ ...input, decision: "APPROVE" }} />
                        <StepButton label={t("actions.rejectRedemption")} variant="danger" action={decideRedemptionAction} input={{ ...input, decision: "REJECT" }} reason={{ label: t("actions.rejectReason"), required: true }} />
                      </>
                    ) : null}
                    {r.status === "APPROVED" && mayDecide ? <StepButton label={t("actions.fulfil")} action={fulfilRedemptionAction} input={input} confirm={{ title: t("actions.fulfil"), message: t("actions.fulfilMessage") }} /> : null}
                    {(r.status === "REQUESTED" || (r.status === "APPROVED" && mayDecide)) && can(user, "redemption.request", scoped) ? (
                      <StepButton label={t("actions.cancel")} variant="ghost" action={cancelRedemptionAction} input={input} reason={{ label: t("actions.cancelReason") }} confirm={{ title: t("actions.cancel"), message: t("actions.cancelMessage", { points: r.points }) }} />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </ClientMessages>
  );
}
