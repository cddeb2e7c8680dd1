import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { getPairingOrThrow, listPlanVersions } from "@/lib/mentorship/queries";
import { diffPlans, readSnapshot, type PlanDiffItem } from "@/lib/mentorship/plan-diff";
import { formatDateTime } from "@/lib/platform/format/dates";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("historyTitle") };
}

const TONES: Record<PlanDiffItem["type"], "green" | "red" | "amber"> = {
  goalAdded: "green", milestoneAdded: "green", goalRemoved: "red", milestoneRemoved: "red", goalChanged: "amber", milestoneChanged: "amber",
};

export default async function PlanHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("mentorship.view");
  const { id } = await params;
  const pairing = await loadOrNotFound(user, pageAuditName("/mentorship/pairings/[id]/history"), () => getPairingOrThrow(user, id));
  const t = await getTranslations("mentorship");
  const locale = await getLocale();
  const versions = pairing.plan ? await listPlanVersions(pairing.plan.id) : [];
  const value = (field: string, v: string) => (field === "status" ? t(`milestoneStatus.${v}`) : v || t("emptyValue"));
  const describe = (d: PlanDiffItem) => {
    switch (d.type) {
      case "goalAdded": return t("diff.goalAdded", { goal: d.goal, area: d.area });
      case "goalRemoved": return t("diff.goalRemoved", { goal: d.goal, area: d.area });
      case "milestoneAdded": return t("diff.milestoneAdded", { goal: d.goal, milestone: d.milestone, date: d.dueDate });
      case "milestoneRemoved": return t("diff.milestoneRemoved", { goal: d.goal, milestone: d.milestone });
      case "goalChanged":
      case "milestoneChanged":
        return t(d.type === "goalChanged" ? "diff.goalChanged" : "diff.milestoneChanged", {
          goal: d.goal, milestone: d.type === "milestoneChanged" ? d.milestone : "",
          changes: d.changes.map((c) => t("diff.field", { field: t(`fields.${c.field}`), from: value(c.field, c.from), to: value(c.field, c.to) })).join("；"),
        });
    }
  };

  return (
    <div className="space-y-4">
      <Link href={`/mentorship/pairings/${pairing.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
        <span aria-hidden="true" className="mr-1">←</span>
        {t("pairingName", { mentor: pairing.mentor.name, trainee: pairing.trainee.name })}
      </Link>
      <PageHeader title={t("historyTitle")} description={t("historyIntro")} />
      {versions.length === 0 ? (
        <EmptyState>{t("planEmpty")}</EmptyState>
      ) : (
        <ol className="space-y-3">
          {versions.map((v, i) => {
            const previous = versions[i + 1];
            const diff = previous ? diffPlans(readSnapshot(previous.snapshot), readSnapshot(v.snapshot)) : null;
            return (
              <li key={v.id}>
                <Card title={t("versionTitle", { version: v.version })} actions={<span className="text-xs text-slate-500">{v.changedBy.name} · {formatDateTime(v.at, locale)}</span>}>
                  {v.changeNote ? <p className="mb-2 text-sm text-slate-800">{v.changeNote}</p> : null}
                  {diff === null ? (
                    <p className="text-sm text-slate-600">{t("firstVersion", { goals: readSnapshot(v.snapshot).goals.length, milestones: readSnapshot(v.snapshot).goals.reduce((s, g) => s + g.milestones.length, 0) })}</p>
                  ) : diff.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("noDiff")}</p>
                  ) : (
                    <ul className="space-y-1 text-sm" aria-label={t("changesIn", { version: v.version })}>
                      {diff.map((d, j) => (
                        <li key={j} className="flex flex-wrap items-start gap-2">
                          <Badge tone={TONES[d.type]}>{t(`diffKind.${d.type}`)}</Badge>
                          <span className="min-w-0 flex-1 text-slate-800">{describe(d)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
