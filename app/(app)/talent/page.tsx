import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { enterpriseOptions, listTalents } from "@/lib/talent/queries";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { TableCard } from "@/components/ui/table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { filterControl, FilterField } from "@/components/registers/list-bits";
import { ExportLink } from "@/components/dashboards/export-link";
import { parseTalentFilterWithIgnored, talentFilterQuery } from "@/lib/talent/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";

export async function generateMetadata() {
  const t = await getTranslations("talent");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TalentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("talent.view");
  const t = await getTranslations("talent");
  const tCommon = await getTranslations("common");
  const programme = await getTalentProgrammeOrThrow(user).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!programme) return (<div><PageHeader title={t("title")} /><EmptyState>{t("noProgramme")}</EmptyState></div>);
  const parsed = parseTalentFilterWithIgnored(await searchParams);
  const filter = { q: parsed.q, enterpriseId: parsed.enterpriseId, reach: programme.reach };
  const [{ talents, nextCursor }, enterprises] = await Promise.all([listTalents(user, filter, parsed.after), enterpriseOptions(user, programme.reach)]);
  const params = new URLSearchParams(Object.entries({ q: filter.q, enterprise: filter.enterpriseId }).filter(([, v]) => v) as [string, string][]);

  return (
    <div>
      <PageHeader
        title={t("title")}
        description={t("intro", { programme: programme.name })}
        actions={
          <>
            {can(user, "talent.manage") ? <LinkButton href="/talent/new">{t("newTalent")}</LinkButton> : null}
            {can(user, "points.apply") ? <LinkButton href="/talent/applications/new" variant="secondary">{t("newApplication")}</LinkButton> : null}
            {can(user, "report.export") ? <ExportLink href={`/api/exports/talents?${talentFilterQuery(filter)}`} label={t("export")} /> : null}
          </>
        }
      />
      <IgnoredFilters ignored={parsed.ignored} labels={{ q: t("search"), enterprise: t("enterprise") }} />
      <form method="get" action="/talent" role="search" aria-label={tCommon("filter")} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-[2fr_2fr_auto]">
        <FilterField id="f-q" label={t("search")} className="col-span-2 lg:col-span-1">
          <input id="f-q" name="q" type="search" defaultValue={filter.q} maxLength={40} className={filterControl} placeholder={t("searchPlaceholder")} />
        </FilterField>
        <FilterField id="f-ent" label={t("enterprise")} className="col-span-2 lg:col-span-1">
          <select id="f-ent" name="enterprise" defaultValue={filter.enterpriseId ?? ""} className={filterControl}>
            <option value="">{tCommon("all")}</option>
            {enterprises.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
        </FilterField>
        <div className="col-span-2 flex items-end gap-2 lg:col-span-1">
          <button type="submit" className={buttonClass("primary", "md")}>{tCommon("filter")}</button>
          {params.size ? <Link href="/talent" className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link> : null}
        </div>
      </form>
      {talents.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <>
          <ul className="space-y-2 md:hidden" aria-label={t("title")}>
            {talents.map((p) => (
              <li key={p.id}>
                <Link href={`/talent/${p.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium text-slate-900">{p.name}</span>
                    <span className="text-sm font-semibold text-brand-800">{t("pointsValue", { points: p.balance })}</span>
                  </div>
                  <div className="mt-0.5 font-mono text-xs text-slate-500">{p.idMasked}</div>
                  <div className="mt-1 text-sm text-slate-600">{p.enterprise.name}</div>
                  <div className="text-sm text-slate-500">{[p.education, p.title, p.position].filter(Boolean).join(" · ")}</div>
                </Link>
              </li>
            ))}
          </ul>
          <TableCard caption={t("title")} columns={[
            { key: "name", label: t("name") }, { key: "id", label: t("idNumber") }, { key: "ent", label: t("enterprise") },
            { key: "edu", label: t("education") }, { key: "title", label: t("titleField") }, { key: "bal", label: t("balance"), className: "text-right" },
          ]}>
            <tbody className="divide-y divide-slate-100">
              {talents.map((p) => (
                <tr key={p.id} className="hover:bg-slate-50">
                  <td className="px-3 py-2"><Link href={`/talent/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{p.name}</Link></td>
                  <td className="px-3 py-2 font-mono text-xs">{p.idMasked}</td>
                  <td className="px-3 py-2">{p.enterprise.name}</td>
                  <td className="px-3 py-2">{p.education || "—"}</td>
                  <td className="px-3 py-2">{p.title || "—"}</td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">{p.balance}</td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          {nextCursor ? (
            <div className="mt-3"><LinkButton variant="secondary" href={`/talent?${new URLSearchParams([...params, ["after", nextCursor]])}`}>{t("nextPage")}</LinkButton></div>
          ) : null}
        </>
      )}
    </div>
  );
}
