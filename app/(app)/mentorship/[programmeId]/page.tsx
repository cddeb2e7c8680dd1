import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getMentorshipProgramme } from "@/lib/mentorship/programme";
import { listPairings } from "@/lib/mentorship/queries";
import { pairingExpectations } from "@/lib/mentorship/progress";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { MentorshipHeader } from "@/components/mentorship/programme-header";
import { ExpectationBadge } from "@/components/mentorship/expectation-badge";
import { ExportLink } from "@/components/dashboards/export-link";
import { parsePairingStatusWithIgnored } from "@/lib/mentorship/list-filter";
import type { SearchParamsRecord } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("tabs.pairings") };
}

export default async function MentorshipProgrammePage({ params, searchParams }: { params: Promise<{ programmeId: string }>; searchParams: Promise<SearchParamsRecord> }) {
  const user = await requirePermission("mentorship.view");
  const { programmeId } = await params;
  const { status: filter, ignored } = parsePairingStatusWithIgnored(await searchParams);
  const programme = await loadOrNotFound(user, pageAuditName("/mentorship/[programmeId]"), () => getMentorshipProgramme(user, programmeId));
  const t = await getTranslations("mentorship");
  const manager = can(user, "mentorship.manage");
  const [pairings, expectations] = await Promise.all([
    listPairings(user, programme.id, { status: filter }),
    pairingExpectations(user, programme.id, programme.settings),
  ]);
  const behind = expectations.filter((e) => e.status === "OVERDUE" || e.status === "DUE_SOON");
  const statusOf = new Map<string, typeof expectations>();
  for (const e of expectations) statusOf.set(e.pairingId, [...(statusOf.get(e.pairingId) ?? []), e]);
  const expectationText = (e: (typeof expectations)[number]) => t("expectation", { kind: t(`kinds.${e.expectation.kind}`), period: t(`periods.${e.expectation.period}`), min: e.required, count: e.count });

  return (
    <div className="space-y-4">
      <MentorshipHeader user={user} programme={programme} current="pairings" />
      {manager && behind.length > 0 ? (
        <Card title={t("overdueTitle", { count: behind.length })}>
          <ul className="-my-2 divide-y divide-slate-100">
            {behind.map((e) => (
              <li key={`${e.pairingId}-${e.expectation.kind}-${e.expectation.period}`} className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <ExpectationBadge status={e.status} label={t(`expectationStatus.${e.status}`)} />
                <Link href={`/mentorship/pairings/${e.pairingId}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">{t("pairingName", { mentor: e.mentorName, trainee: e.traineeName })}</Link>
                <span className="text-slate-600">{e.orgUnitName} · {expectationText(e)}</span>
                {e.missed ? <span className="text-red-700">{t("missed", { from: e.missed.firstDay, to: e.missed.lastDay, count: e.missed.count })}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <IgnoredFilters ignored={ignored} labels={{ status: t("filterLabel") }} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex gap-1" role="group" aria-label={t("filterLabel")}>
          {(["ACTIVE", "ENDED"] as const).map((s) => (
            <LinkButton key={s} href={`/mentorship/${programme.id}${s === "ENDED" ? "?status=ENDED" : ""}`} size="sm" variant={filter === s ? "primary" : "secondary"} aria-current={filter === s ? "page" : undefined}>
              {t(`pairingStatus.${s}`)}
            </LinkButton>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {can(user, "report.export") ? <ExportLink href={`/api/exports/pairings?programme=${programme.id}&status=${filter}`} label={t("export")} /> : null}
          {manager && programme.status === "ACTIVE" ? <LinkButton href={`/mentorship/${programme.id}/pairings/new`}>{t("newPairing")}</LinkButton> : null}
        </div>
      </div>
      {pairings.length === 0 ? (
        <EmptyState>{t("noPairings")}</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {pairings.map((p) => (
            <li key={p.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={p.status === "ACTIVE" ? "green" : "slate"}>{t(`pairingStatus.${p.status}`)}</Badge>
                {(statusOf.get(p.id) ?? []).map((e) => (
                  <ExpectationBadge key={`${e.expectation.kind}-${e.expectation.period}`} status={e.status} label={`${t(`kinds.${e.expectation.kind}`)} ${e.count}/${e.required}`} />
                ))}
              </div>
              <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                <Link href={`/mentorship/pairings/${p.id}`} className="after:absolute after:inset-0 hover:text-brand-700 hover:underline">{t("pairingName", { mentor: p.mentor.name, trainee: p.trainee.name })}</Link>
              </h2>
              <p className="mt-0.5 text-sm text-slate-600">{p.orgUnit.name} · <span className="tabular-nums">{formatCalendarDate(p.startDate)} – {formatCalendarDate(p.endDate)}</span></p>
              <p className="mt-1 text-sm text-slate-700">{t("activityCount", { count: p._count.activities })}{p.rating ? ` · ${t("ratingShort", { rating: p.rating })}` : ""}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
