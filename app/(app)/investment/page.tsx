import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatAmount } from "@/lib/platform/money";
import { investmentProgress } from "@/lib/investment/progress";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { filterDay, filterId, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { InvestmentNav, ProgrammeSwitch } from "@/components/investment/sub-nav";
import { ProgressTable } from "@/components/investment/progress-table";
import { InvestmentSettingsForm } from "@/components/investment/settings-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("title") };
}

type Params = { programme?: string; from?: string; to?: string };

export default async function InvestmentPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const { filter, ignored } = parseFilters({ programme: filterId, from: filterDay, to: filterDay }, await searchParams);
  const { all, chosen } = await pickProgramme(investmentKind, user, filter.programme);
  if (!chosen) return <><PageHeader title={t("title")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  // A programme the user cannot see (or that does not exist) falls back to the current one.
  if (filter.programme && filter.programme !== chosen.id) ignored.push("programme");
  const from = filter.from ?? formatCalendarDate(chosen.startDate);
  const to = filter.to ?? formatCalendarDate(chosen.endDate);
  const progress = await investmentProgress(user, chosen.id, { from, to });
  const labels = { wan: t("amountLabels.wan"), yi: t("amountLabels.yi") };
  const total = progress.total;
  const tiles = [
    { label: t("figures.trips"), value: t("figures.tripsUnit", { n: total.trips }), target: total.targets?.trips ? t("figures.tripsUnit", { n: total.targets.trips }) : null },
    { label: t("figures.enterprises"), value: t("figures.enterprisesUnit", { n: total.enterprises }), target: total.targets?.enterprises ? t("figures.enterprisesUnit", { n: total.targets.enterprises }) : null },
    { label: t("figures.signed"), value: t("figures.signedUnit", { n: total.signed }), target: total.targets?.projects ? t("figures.signedUnit", { n: total.targets.projects }) : null },
    { label: t("figures.signedAmount"), value: formatAmount(total.signedWan, labels), target: total.targets && total.targets.investmentWan !== "0.00" ? formatAmount(total.targets.investmentWan, labels) : null },
  ];
  const mayExport = can(user, "report.export");
  const mayConfigure = can(user, "investment.manage", { orgPath: chosen.orgUnit.path });
  const exportHref = `/api/investment/export?programme=${chosen.id}&from=${from}&to=${to}`;
  return (
    <ClientMessages namespaces={["investment"]}>
      <div className="max-w-5xl space-y-4">
        <PageHeader title={t("title")} description={t("intro")}
          actions={mayExport ? <a href={exportHref} className="inline-flex h-11 items-center rounded-md border border-slate-300 bg-white px-4 font-medium text-slate-800 hover:bg-slate-50" download>{t("exportButton")}</a> : null} />
        <IgnoredFilters ignored={ignored} labels={{ programme: t("programme"), from: t("from"), to: t("to") }} />
        <ProgrammeSwitch all={all} current={chosen.id} base="/investment" label={t("programme")} />
        <InvestmentNav current="overview" programmeId={chosen.id} />
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("period")}>
          <input type="hidden" name="programme" value={chosen.id} />
          <label className="space-y-1 text-sm"><span className="block text-slate-700">{t("from")}</span><input type="date" name="from" defaultValue={from} className={cn(controlClass, "h-11 w-40")} /></label>
          <label className="space-y-1 text-sm"><span className="block text-slate-700">{t("to")}</span><input type="date" name="to" defaultValue={to} className={cn(controlClass, "h-11 w-40")} /></label>
          <Button type="submit" variant="secondary">{t("apply")}</Button>
        </form>
        <section aria-label={progress.total.name}>
          <p className="mb-2 text-sm text-slate-700" data-testid="investment-headline">
            {t("headline", { trips: total.trips, enterprises: total.enterprises, projects: total.signed, amount: formatAmount(total.signedWan, labels) })}
          </p>
          <ul className="grid grid-cols-2 gap-2 lg:grid-cols-4">
            {tiles.map((tile) => (
              <li key={tile.label} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <p className="text-xs text-slate-500">{tile.label}</p>
                <p className="text-xl font-semibold tabular-nums text-slate-900">{tile.value}</p>
                <p className="text-xs text-slate-500">{tile.target ? t("figures.target", { value: tile.target }) : t("figures.noTarget")}</p>
              </li>
            ))}
          </ul>
        </section>
        <h2 className="pt-2 text-base font-semibold text-slate-800">{t("byTaskForce")}</h2>
        {progress.taskForces.length ? <ProgressTable rows={progress.taskForces} caption={t("taskForce")} showKind /> : <EmptyState>{t("noLeads")}</EmptyState>}
        <h2 className="pt-2 text-base font-semibold text-slate-800">{t("byUnit")}</h2>
        <ProgressTable rows={[...progress.units, { ...total, name: `${t("total")}（${total.name}）` }]} caption={t("unit")} />
        {mayConfigure ? (
          <Card title={t("settings")}>
            <InvestmentSettingsForm programmeId={chosen.id} version={chosen.version} shareLeads={chosen.settings.shareLeads} />
          </Card>
        ) : (
          <p className="text-sm text-slate-500">{chosen.settings.shareLeads ? t("shareLeadsOn") : t("shareLeadsOff")}</p>
        )}
      </div>
    </ClientMessages>
  );
}
