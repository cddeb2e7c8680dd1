import { now } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { getMentorshipProgramme } from "@/lib/mentorship/programme";
import { behindByUnit, pairingExpectations, progressByUnit, resolveProgressUnit } from "@/lib/mentorship/progress";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { Card, EmptyState } from "@/components/ui/card";
import { TableCard } from "@/components/ui/table";
import { MentorshipHeader } from "@/components/mentorship/programme-header";
import { childUnits } from "@/lib/platform/org/queries";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("tabs.progress") };
}

export default async function ProgressPage({ params, searchParams }: { params: Promise<{ programmeId: string }>; searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePermission("mentorship.manage");
  const { programmeId } = await params;
  const { unit: unitParam } = await searchParams;
  const programme = await loadOrNotFound(user, pageAuditName("/mentorship/[programmeId]/progress"), () => getMentorshipProgramme(user, programmeId));
  const unit = await loadOrNotFound(user, pageAuditName("/mentorship/[programmeId]/progress"), () => resolveProgressUnit(user, unitParam));
  const t = await getTranslations("mentorship");
  const today = shanghaiDate(now());
  const [rows, expectations, children] = await Promise.all([
    progressByUnit(programme.id, unit.id, today),
    pairingExpectations(user, programme.id, programme.settings),
    childUnits(unit.id),
  ]);
  const paths = new Map(children.map((c) => [c.id, c.path]));
  const hasChildren = new Set(children.filter((c) => c.hasChildren).map((c) => c.id));
  const inUnit = expectations.filter((e) => e.orgPath.startsWith(unit.path));
  const behind = behindByUnit(rows, paths, inUnit);
  const total = rows.reduce(
    (s, r) => ({ pairings: s.pairings + r.activePairings, late: s.late + r.plansLate, activities: s.activities + r.activities, promotions: s.promotions + r.promotions, behind: s.behind }),
    { pairings: 0, late: 0, activities: 0, promotions: 0, behind: [...behind.values()].reduce((a, b) => a + b, 0) },
  );
  const columns = [
    { key: "unit", label: t("progress.unit") },
    { key: "pairings", label: t("progress.activePairings"), className: "text-right" },
    { key: "track", label: t("progress.onTrack"), className: "text-right" },
    { key: "late", label: t("progress.lateMilestones"), className: "text-right" },
    { key: "activities", label: t("progress.activities"), className: "text-right" },
    { key: "behind", label: t("progress.behind"), className: "text-right" },
    { key: "promotions", label: t("progress.promotions"), className: "text-right" },
  ];
  const name = (r: (typeof rows)[number]) =>
    r.self ? t("progress.atUnit", { unit: r.unitName }) : hasChildren.has(r.unitId) ? <Link className="text-brand-700 hover:underline" href={`/mentorship/${programme.id}/progress?unit=${r.unitId}`}>{r.unitName}</Link> : r.unitName;

  return (
    <div className="space-y-4">
      <MentorshipHeader user={user} programme={programme} current="progress" />
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <span>{t("progress.scope", { unit: unit.name })}</span>
        {unit.id !== user.orgUnitId ? <Link href={`/mentorship/${programme.id}/progress`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">{t("progress.backToMine")}</Link> : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {([
          ["activePairings", total.pairings],
          ["plansLate", total.late],
          ["activities", total.activities],
          ["behind", total.behind],
          ["promotions", total.promotions],
        ] as const).map(([k, v]) => (
          <div key={k} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-500">{t(`progress.${k}`)}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-slate-900">{v}</dd>
          </div>
        ))}
      </dl>
      {rows.length === 0 ? (
        <EmptyState>{t("progress.empty")}</EmptyState>
      ) : (
        <>
          <TableCard caption={t("progress.caption")} columns={columns}>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.unitId}>
                  <td className="px-3 py-2">{name(r)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.activePairings}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.plansOnTrack}{r.plansLate ? <span className="text-red-700"> / {t("progress.lateShort", { count: r.plansLate })}</span> : null}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.lateMilestones}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.activities}{r.activePairings ? <span className="text-slate-500"> ({t("progress.perPairing", { n: (r.activities / r.activePairings).toFixed(1) })})</span> : null}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{behind.get(r.unitId) ?? 0}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.promotions}{r.reserve ? <span className="text-slate-500"> · {t("progress.reserveShort", { count: r.reserve })}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          <ul className="space-y-2 md:hidden">
            {rows.map((r) => (
              <li key={r.unitId}>
                <Card title={name(r)}>
                  <dl className="grid grid-cols-2 gap-2 text-sm">
                    <div><dt className="text-slate-500">{t("progress.activePairings")}</dt><dd className="font-semibold tabular-nums">{r.activePairings}</dd></div>
                    <div><dt className="text-slate-500">{t("progress.onTrack")}</dt><dd className="font-semibold tabular-nums">{r.plansOnTrack}{r.plansLate ? <span className="text-red-700"> / {t("progress.lateShort", { count: r.plansLate })}</span> : null}</dd></div>
                    <div><dt className="text-slate-500">{t("progress.activities")}</dt><dd className="font-semibold tabular-nums">{r.activities}</dd></div>
                    <div><dt className="text-slate-500">{t("progress.behind")}</dt><dd className="font-semibold tabular-nums">{behind.get(r.unitId) ?? 0}</dd></div>
                    <div><dt className="text-slate-500">{t("progress.lateMilestones")}</dt><dd className="font-semibold tabular-nums">{r.lateMilestones}</dd></div>
                    <div><dt className="text-slate-500">{t("progress.promotions")}</dt><dd className="font-semibold tabular-nums">{r.promotions}</dd></div>
                  </dl>
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
