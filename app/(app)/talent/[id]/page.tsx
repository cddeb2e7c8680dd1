import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { getTalentOrThrow, talentView } from "@/lib/talent/queries";
import { listApplications } from "@/lib/talent/points/applications";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { accountLedger, resourceOptions } from "@/lib/talent/points/queries";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ApplicationStatusBadge, RedemptionStatusBadge } from "@/components/talent/badges";
import { LedgerTable } from "@/components/talent/ledger-table";
import { Unmask } from "@/components/ui/unmask";
import { unmaskTalentIdAction } from "@/lib/talent/actions";
import { RedemptionForm } from "@/components/talent/redemption-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("talent");
  return { title: t("detailTitle") };
}

export default async function TalentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("talent.view");
  const row = await loadOrNotFound(user, pageAuditName("/talent/[id]"), () => getTalentOrThrow(user, id));
  const talent = talentView(row);
  const t = await getTranslations("talent");
  const tp = await getTranslations("points");
  const locale = await getLocale();
  const programme = await getTalentProgrammeOrThrow(user);
  const [ledger, applications, redemptions, resources] = await Promise.all([
    talent.accountId ? accountLedger(talent.accountId) : Promise.resolve([]),
    listApplications(user, { talentId: talent.id }, 50),
    listRedemptions(user, { talentId: talent.id }, 50),
    resourceOptions(programme.id),
  ]);
  const scoped = { orgPath: row.orgPath };

  return (
    <ClientMessages namespaces={["points.redeem"]}>
      <div className="space-y-4">
        <PageHeader
          title={talent.name}
          description={`${talent.enterprise.name} · ${talent.orgUnit.name}`}
          actions={
            <>
              {can(user, "points.apply", scoped) ? <LinkButton href={`/talent/applications/new?talentId=${talent.id}`}>{t("newApplication")}</LinkButton> : null}
              <LinkButton href="/talent" variant="ghost">{t("back")}</LinkButton>
            </>
          }
        />
        <div className="grid gap-4 lg:grid-cols-3">
          <Card title={t("profile")} className="lg:col-span-2">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">{t("idNumber")}</dt>
              <dd><Unmask id={talent.id} masked={talent.idMasked} unmask={can(user, "personalData.unmask", scoped) ? unmaskTalentIdAction : undefined} /></dd>
              <dt className="text-slate-500">{t("gender")}</dt><dd>{talent.gender ? t(`genders.${talent.gender}`) : "—"}</dd>
              <dt className="text-slate-500">{t("birthYear")}</dt><dd>{talent.birthYear ?? "—"}</dd>
              <dt className="text-slate-500">{t("phone")}</dt><dd className="font-mono">{talent.phoneMasked || "—"}</dd>
              <dt className="text-slate-500">{t("education")}</dt><dd>{talent.education || "—"}</dd>
              <dt className="text-slate-500">{t("titleField")}</dt><dd>{talent.title || "—"}</dd>
              <dt className="text-slate-500">{t("position")}</dt><dd>{talent.position || "—"}</dd>
              <dt className="text-slate-500">{t("joinedOn")}</dt><dd>{talent.joinedOn ? formatCalendarDate(talent.joinedOn) : "—"}</dd>
            </dl>
          </Card>
          <Card title={t("balance")}>
            <p className="text-4xl font-semibold tabular-nums text-brand-800" data-testid="talent-balance">{talent.balance}</p>
            <p className="mt-1 text-sm text-slate-600">{t("balanceHint")}</p>
          </Card>
        </div>

        {can(user, "redemption.request", scoped) ? (
          <Card title={tp("redeem.title")}>
            <RedemptionForm
              fixedTalentId={talent.id}
              talents={[{ id: talent.id, name: talent.name, balance: talent.balance, enterpriseId: talent.enterprise.id }]}
              enterprises={[]}
              resources={resources.map((r) => ({ id: r.id, name: r.name, pointsCost: r.pointsCost, enterpriseOnly: !!r.eligibility.enterpriseOnly, talentOnly: !!r.eligibility.talentOnly, minTier: r.eligibility.minTier ?? null }))}
            />
          </Card>
        ) : null}

        <Card title={t("applications")}>
          {applications.length === 0 ? <EmptyState>{t("noApplications")}</EmptyState> : (
            <ul className="divide-y divide-slate-100">
              {applications.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`/talent/applications/${a.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{a.number}</Link>
                  <span className="text-sm text-slate-600">{tp("claimedAwarded", { claimed: a.lines.reduce((s, l) => s + l.claimedPoints, 0), awarded: a.lines.reduce((s, l) => s + (l.awardedPoints ?? 0), 0) })}</span>
                  <ApplicationStatusBadge status={a.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("redemptions")}>
          {redemptions.length === 0 ? <EmptyState>{t("noRedemptions")}</EmptyState> : (
            <ul className="divide-y divide-slate-100">
              {redemptions.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span><span className="font-medium">{r.resource.name}</span> · {r.number} · {formatDateTime(r.createdAt, locale)}</span>
                  <span className="tabular-nums">−{r.points}</span>
                  <RedemptionStatusBadge status={r.status} />
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={tp("ledger.title")}>
          <LedgerTable entries={ledger} canReverse={can(user, "points.reverse", scoped)} />
        </Card>
      </div>
    </ClientMessages>
  );
}
