import { shanghaiYear } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { filterYear, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { getShowcaseProgramme } from "@/lib/showcases/programme";
import { yearLeaderboard } from "@/lib/showcases/queries";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/table";
import { LinkButton } from "@/components/ui/button";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

export async function generateMetadata() {
  const t = await getTranslations("showcase");
  return { title: t("yearTitle") };
}

export default async function YearLeaderboardPage({ searchParams }: { searchParams: Promise<{ programmeId?: string; year?: string }> }) {
  const user = await requirePermission("showcase.view");
  const sp = await searchParams;
  const programme = await loadOrNotFound(user, pageAuditName("/showcases/leaderboard"), () => getShowcaseProgramme(user, sp.programmeId ?? ""));
  const { filter, ignored } = parseFilters({ year: filterYear }, sp);
  // The Shanghai year, not the UTC one: sessions are named by Shanghai quarters ("2027-Q1").
  const year = filter.year ?? shanghaiYear();
  const t = await getTranslations("showcase");
  const rows = await yearLeaderboard(user, programme.id, year);
  const columns = [
    { key: "rank", label: t("rank") }, { key: "name", label: t("entrant") }, { key: "unit", label: t("unit") },
    { key: "sessions", label: t("sessionsCount"), className: "text-right" }, { key: "avg", label: t("average"), className: "text-right" }, { key: "best", label: t("best"), className: "text-right" },
  ];
  return (
    <div className="space-y-4">
      <Link href="/showcases" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"><span aria-hidden="true" className="mr-1">←</span>{t("title")}</Link>
      <PageHeader
        title={t("yearLeaderboard", { year })}
        description={`${programme.name} · ${t("yearIntro")}`}
        actions={<div className="flex gap-2">
          <LinkButton size="sm" variant="secondary" href={`/showcases/leaderboard?programmeId=${programme.id}&year=${year - 1}`}>{year - 1}</LinkButton>
          <LinkButton size="sm" variant="secondary" href={`/showcases/leaderboard?programmeId=${programme.id}&year=${year + 1}`}>{year + 1}</LinkButton>
        </div>}
      />
      <IgnoredFilters ignored={ignored} labels={{}} />
      {rows.length === 0 ? <EmptyState>{t("noResults")}</EmptyState> : (
        <>
          <TableCard caption={t("yearLeaderboard", { year })} columns={columns}>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r, i) => (
                <tr key={r.officerId}>
                  <td className="px-3 py-2 tabular-nums">{i + 1}</td>
                  <td className="px-3 py-2 font-medium">{r.officerName}</td>
                  <td className="px-3 py-2">{r.orgUnitName}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.sessions}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.average.toFixed(2)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{r.best.toFixed(2)}{r.bestRank ? ` (${t("rankN", { rank: r.bestRank })})` : ""}</td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          <ol className="space-y-2 md:hidden">
            {rows.map((r, i) => (
              <li key={r.officerId} className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-3">
                <span className="w-8 text-center text-lg font-semibold text-brand-800">{i + 1}</span>
                <span className="min-w-0 flex-1"><span className="block font-medium">{r.officerName}</span><span className="text-sm text-slate-600">{r.orgUnitName} · {t("sessionsN", { count: r.sessions })}</span></span>
                <span className="text-lg font-semibold tabular-nums">{r.average.toFixed(2)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
