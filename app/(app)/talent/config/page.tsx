import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { shanghaiYear } from "@/lib/talent/points/ledger";
import { getTalentProgrammeOrThrow, pointsConfiguration } from "@/lib/talent/points/programme";
import { parseEligibility, parseLevels, parseTierQuotas } from "@/lib/talent/points/rules";
import { Card, PageHeader } from "@/components/ui/card";
import { AllocateButton, ItemForm, QuotaForm, ResourceForm, SettingsForm, TiersForm } from "@/components/talent/config-forms";
import { StepButton } from "@/components/talent/step-button";
import { addDefaultsAction } from "@/lib/talent/points/config-actions";
import { DEFAULT_TIERS } from "@/lib/talent/points/defaults";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("points.config");
  return { title: t("title") };
}

export default async function ConfigPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("points.configure");
  const t = await getTranslations("points.config");
  const programme = await getTalentProgrammeOrThrow(user);
  // This year, or next year when asked (?year=, from the new-year checklist): quotas and tier
  // places are prepared before the year starts.
  const thisYear = shanghaiYear();
  const asked = Number((await searchParams).year);
  const year = asked === thisYear + 1 ? asked : thisYear;
  const { items, resources, tiers, quotas, units } = await pointsConfiguration(user, programme, year);
  const editable = (i: (typeof items)[number]) => ({
    id: i.id, version: i.version, subject: i.subject, code: i.code, name: i.name, levels: parseLevels(i.levels), capPerItem: i.capPerItem, capPerYear: i.capPerYear,
    evidenceTypes: i.evidenceTypes, validityMonths: i.validityMonths, active: i.active, sortOrder: i.sortOrder,
  });
  const tierRows = [1, 2, 3, 4].map((n) => {
    const row = tiers.find((x) => x.tier === n);
    const d = DEFAULT_TIERS.find((x) => x.tier === n)!;
    const q = row ? parseTierQuotas(row.quotas) : d.quotas;
    return { tier: n, name: row?.name ?? d.name, minPoints: row?.minPoints ?? d.minPoints, quotas: resources.map((r) => ({ code: r.code, places: q[r.code] ?? 0 })) };
  });

  const section = (subject: "TALENT" | "ENTERPRISE") => (
    <div className="space-y-3">
      {items.filter((i) => i.subject === subject).map((i) => (
        <details key={i.id} className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="item-config">
          <summary className="flex min-h-11 cursor-pointer flex-wrap items-center justify-between gap-2 px-4 py-2">
            <span className="font-medium">{i.name}{i.active ? "" : `（${t("inactive")}）`}</span>
            <span className="text-sm text-slate-600">{parseLevels(i.levels).map((l) => `${l.label} ${l.points}`).join(" · ")}</span>
          </summary>
          <div className="border-t border-slate-100 p-4"><ItemForm item={editable(i)} subject={subject} /></div>
        </details>
      ))}
      <details className="rounded-lg border border-dashed border-slate-300 bg-white">
        <summary className="min-h-11 cursor-pointer px-4 py-2 font-medium text-brand-700">{t("newItem")}</summary>
        <div className="border-t border-slate-100 p-4"><ItemForm subject={subject} /></div>
      </details>
    </div>
  );

  return (
    <ClientMessages namespaces={["points.config", "validation.*", "validation.points"]}>
      <div className="space-y-4">
        <PageHeader title={t("title")} description={t("intro", { programme: programme.name })}
          actions={items.length === 0 ? <StepButton label={t("addDefaults")} action={addDefaultsAction} input={{}} /> : null} />
        <Card title={t("talentItems")}>{section("TALENT")}</Card>
        <Card title={t("enterpriseItems")}>{section("ENTERPRISE")}</Card>
        <Card title={t("resources")}>
          <div className="space-y-3">
            {resources.map((r) => (
              <details key={r.id} className="rounded-lg border border-slate-200">
                <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-4 py-2"><span className="font-medium">{r.name}</span><span className="text-sm text-slate-600">{t("costPoints", { cost: r.pointsCost })}</span></summary>
                <div className="border-t border-slate-100 p-4"><ResourceForm resource={{ id: r.id, version: r.version, code: r.code, name: r.name, pointsCost: r.pointsCost, eligibility: parseEligibility(r.eligibility), active: r.active }} /></div>
              </details>
            ))}
            <details className="rounded-lg border border-dashed border-slate-300"><summary className="min-h-11 cursor-pointer px-4 py-2 font-medium text-brand-700">{t("newResource")}</summary><div className="p-4"><ResourceForm /></div></details>
          </div>
        </Card>
        <Card title={t("quotasTitle", { year })}>
          {quotas.length ? (
            <ul className="mb-3 divide-y divide-slate-100 text-sm">
              {quotas.map((q) => <li key={q.id} className="flex justify-between py-1.5"><span>{q.resource.name} · {q.orgUnit?.name}</span><span className="tabular-nums">{t("usedOf", { used: q.used, total: q.total })}</span></li>)}
            </ul>
          ) : null}
          <QuotaForm resources={resources.map((r) => ({ id: r.id, name: r.name }))} units={units} period={String(year)} />
        </Card>
        <Card title={t("tiers")}>
          <p className="mb-3 text-sm text-slate-600">{t("tiersIntro")}</p>
          <TiersForm tiers={tierRows} resources={resources.map((r) => ({ code: r.code, name: r.name }))} />
          <div className="mt-4 border-t border-slate-100 pt-4"><p className="mb-2 text-sm text-slate-600">{t("allocateIntro")}</p><AllocateButton year={year} /></div>
        </Card>
        <Card title={t("evaluation")}>
          <SettingsForm version={programme.version} evaluation={programme.config.evaluation} />
        </Card>
      </div>
    </ClientMessages>
  );
}
