import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ignoredChoice } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { formatAmount } from "@/lib/platform/money";
import { pickProgramme } from "@/lib/programmes";
import { keyProjectKind } from "@/lib/key-projects/programme";
import { keyProjectBoard } from "@/lib/key-projects/queries";
import { keyProjectTotals } from "@/lib/key-projects/progress";
import { KEY_PROJECT_STAGES } from "@/lib/key-projects/schemas";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ProgrammeSwitch } from "@/components/investment/sub-nav";

export async function generateMetadata() {
  return { title: (await getTranslations("keyProjects"))("board") };
}

const COLUMN_TONE = { PLANNED: "border-t-slate-400", UNDER_CONSTRUCTION: "border-t-amber-500", IN_PRODUCTION: "border-t-emerald-600" } as const;

export default async function KeyProjectsBoardPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("keyProject.view");
  const t = await getTranslations("keyProjects");
  const ti = await getTranslations("investment");
  const requested = (await searchParams).programme;
  const { all, chosen } = await pickProgramme(keyProjectKind, user, requested);
  if (!chosen) return <><PageHeader title={t("title")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  const [board, totals] = await Promise.all([keyProjectBoard(user, chosen.id), keyProjectTotals(user, chosen.id)]);
  const labels = { wan: ti("amountLabels.wan"), yi: ti("amountLabels.yi") };
  return (
    <div className="space-y-4">
      <PageHeader title={`${t("board")} · ${chosen.name}`} description={t("intro")}
        actions={
          <>
            <LinkButton variant="secondary" href={`/key-projects/pledges?programme=${chosen.id}`}>{t("pledges")}</LinkButton>
            {can(user, "report.export") ? <a href={`/api/investment/key-projects?programme=${chosen.id}`} download className="inline-flex h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50">{t("export")}</a> : null}
            {can(user, "keyProject.manage") ? <LinkButton href={`/key-projects/new?programme=${chosen.id}`}>{t("newProject")}</LinkButton> : null}
          </>
        } />
      <IgnoredFilters ignored={ignoredChoice("programme", requested, chosen.id)} labels={{ programme: t("programme") }} />
      <ProgrammeSwitch all={all} current={chosen.id} base="/key-projects" label={t("programme")} />
      <section aria-label={t("totals")}>
        <ul className="grid grid-cols-2 gap-2 lg:grid-cols-5" data-testid="stage-totals">
          {KEY_PROJECT_STAGES.map((s) => (
            <li key={s} className={`rounded-lg border border-t-4 border-slate-200 bg-white p-3 shadow-sm ${COLUMN_TONE[s]}`}>
              <p className="text-xs text-slate-500">{t(`stage.${s}`)}</p>
              <p className="text-lg font-semibold tabular-nums text-slate-900" data-testid={`total-${s}`}>{t("projects", { n: totals.byStage[s].projects })}</p>
              <p className="text-sm tabular-nums text-slate-700">{formatAmount(totals.byStage[s].investmentWan, labels)}</p>
            </li>
          ))}
          <li className="rounded-lg border border-t-4 border-slate-200 border-t-red-500 bg-white p-3 shadow-sm">
            <p className="text-xs text-slate-500">{t("lateMilestones")}</p>
            <p className="text-lg font-semibold tabular-nums text-red-700">{totals.lateMilestones}</p>
            <p className="text-sm text-slate-700">{t("openBlockers", { n: totals.openBlockers })}</p>
          </li>
          <li className="rounded-lg border border-t-4 border-slate-200 border-t-brand-700 bg-white p-3 shadow-sm">
            <p className="text-xs text-slate-500">{t("total")}</p>
            <p className="text-lg font-semibold tabular-nums text-slate-900">{t("projects", { n: totals.total.projects })}</p>
            <p className="text-sm tabular-nums text-slate-700">{formatAmount(totals.total.investmentWan, labels)}</p>
          </li>
        </ul>
      </section>
      {/* On a phone the three columns stack; these jump links act as tabs. */}
      <nav aria-label={t("board")} className="sticky top-0 z-10 flex gap-2 overflow-x-auto bg-slate-50/95 py-2 lg:hidden">
        {KEY_PROJECT_STAGES.map((s) => (
          <a key={s} href={`#stage-${s}`} className="inline-flex h-9 shrink-0 items-center rounded-full border border-slate-300 bg-white px-3 text-sm">{t(`stage.${s}`)}（{board.columns[s].length}）</a>
        ))}
      </nav>
      <div className="grid gap-4 lg:grid-cols-3">
        {KEY_PROJECT_STAGES.map((s) => (
          <section key={s} id={`stage-${s}`} aria-labelledby={`col-${s}`} className={`scroll-mt-14 rounded-lg border border-t-4 border-slate-200 bg-slate-100/60 p-3 ${COLUMN_TONE[s]}`} data-testid={`column-${s}`}>
            <h2 id={`col-${s}`} className="mb-2 flex items-baseline justify-between text-base font-semibold text-slate-800">
              <span>{t(`stage.${s}`)}</span>
              <span className="text-sm font-normal text-slate-600">{t("projects", { n: totals.byStage[s].projects })} · {formatAmount(totals.byStage[s].investmentWan, labels)}</span>
            </h2>
            {board.columns[s].length === 0 ? <p className="text-sm text-slate-500">{t("emptyColumn")}</p> : (
              <ul className="space-y-2">
                {board.columns[s].map((c) => (
                  <li key={c.id}>
                    <Link href={`/key-projects/${c.id}`} className={`block rounded-md border bg-white p-3 shadow-sm hover:border-brand-600 ${c.lateMilestones.some((m) => m.late === "LATE") ? "border-red-300" : "border-slate-200"}`}>
                      <span className="flex items-start justify-between gap-2">
                        <span className="font-medium text-slate-900">{c.name}</span>
                        <span className="shrink-0 text-sm font-semibold tabular-nums text-slate-800">{formatAmount(c.investmentWan, labels)}</span>
                      </span>
                      <span className="mt-0.5 block text-xs text-slate-600">{[c.orgUnitName, c.ownerName, c.liaisonName ? `${t("liaison")}：${c.liaisonName}` : null].filter(Boolean).join(" · ")}</span>
                      <span className="mt-2 flex flex-wrap gap-1">
                        {c.lateMilestones.map((m) => (
                          <Badge key={m.kind} tone={m.late === "LATE" ? "red" : "amber"}>{t(`milestone.${m.kind}`)} {t(`timing.${m.late}`)}</Badge>
                        ))}
                        {c.openBlockers ? <Badge tone="amber">{t("openBlockers", { n: c.openBlockers })}</Badge> : null}
                      </span>
                      {c.nextMilestone ? <span className="mt-1 block text-xs text-slate-500">{t("next", { milestone: t(`milestone.${c.nextMilestone.kind}`), date: formatCalendarDate(c.nextMilestone.plannedOn) })}</span> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
