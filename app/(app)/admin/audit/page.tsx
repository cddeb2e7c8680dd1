import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { listAuditLog } from "@/lib/platform/audit/queries";
import { AUDIT_OUTCOMES as OUTCOMES, AUDIT_REFUSALS as REFUSALS, parseAuditFilter } from "@/lib/platform/audit/list-filter";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { AUDIT_ENTITY_TYPES, auditActionLabel, auditEntityLabel } from "@/lib/platform/audit/labels";
import { formatDateTime } from "@/lib/platform/format/dates";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { TableCard } from "@/components/ui/table";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export async function generateMetadata() {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const OUTCOME_TONE = { OK: "green", FAILED: "amber", DENIED: "red" } as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("audit.view");
  const t = await getTranslations("audit");
  const tCommon = await getTranslations("common");
  const tNames = await getTranslations("auditNames");
  const locale = await getLocale();

  const { filter, before, ignored } = parseAuditFilter(await searchParams);
  const { action = "", actor: actorName = "", entityType = "", entityId = "", outcome = "", refusal = "", from = "", to = "" } = filter;
  const { rows, nextBefore } = await listAuditLog(actor, filter, before);

  const filterParams = new URLSearchParams();
  for (const [k, v] of Object.entries({ action, actor: actorName, entityType, entityId, outcome, refusal, from, to })) if (v) filterParams.set(k, v);
  const href = (extra: Record<string, string> = {}, drop: string[] = []) => {
    const p = new URLSearchParams(filterParams);
    for (const k of drop) p.delete(k);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? `/admin/audit?${s}` : "/admin/audit";
  };
  const filtered = filterParams.size > 0;

  const actionLabel = (name: string) =>
    name.startsWith("page.view:") ? t("pageView", { page: name.slice("page.view:".length) }) : auditActionLabel(tNames, name);
  const entityLabel = (type: string) => auditEntityLabel(tNames, type);
  const collator = new Intl.Collator(locale);
  const entityTypes = [...AUDIT_ENTITY_TYPES].sort((a, b) => collator.compare(entityLabel(a), entityLabel(b)));
  const outcomeBadge = (value: string) => {
    const known = (OUTCOMES as readonly string[]).includes(value) ? (value as (typeof OUTCOMES)[number]) : null;
    return <Badge tone={known ? OUTCOME_TONE[known] : "slate"}>{known ? t(`outcomes.${known}`) : value}</Badge>;
  };
  // A refusal says which rule refused: no permission, or a record outside the user's area
  // (or none at all: the user was told the same in both cases, the row names what was probed).
  const refusalReason = (row: (typeof rows)[number]) => {
    const reason = row.outcome === "DENIED" && row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as { reason?: unknown }).reason : undefined;
    return reason === "permission" || reason === "scope" ? <span className="ml-1 text-xs text-slate-600">{t(`refusals.${reason}`)}</span> : null;
  };
  const entityCell = (row: (typeof rows)[number]) => (
    <span className="break-all">
      {entityLabel(row.entityType)}
      {row.entityId ? (
        <>
          {" "}
          <Link
            href={href({ entityType: row.entityType, entityId: row.entityId }, ["before"])}
            className="font-mono text-xs text-brand-700 hover:underline"
            title={`${row.entityId} · ${t("onlyThisRecord")}`}
            aria-label={`${row.entityId}: ${t("onlyThisRecord")}`}
          >
            {row.entityId.length > 12 ? `${row.entityId.slice(0, 10)}…` : row.entityId}
          </Link>
        </>
      ) : null}
    </span>
  );
  const details = (row: (typeof rows)[number]) => (
    <details className="group">
      <summary className="-my-1 inline-flex min-h-11 cursor-pointer list-none select-none items-center gap-1 text-brand-700 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="text-xs transition-transform group-open:rotate-90">▶</span>
        {t("details")}
      </summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
        <dt>{t("seq")}</dt>
        <dd className="font-mono">{row.seq.toString()}</dd>
        {row.requestId ? (
          <>
            <dt>{t("requestId")}</dt>
            <dd className="break-all font-mono">{row.requestId}</dd>
          </>
        ) : null}
        {row.ip ? (
          <>
            <dt>{t("ip")}</dt>
            <dd className="font-mono">{row.ip}</dd>
          </>
        ) : null}
      </dl>
      <pre className="mt-2 max-h-80 max-w-full overflow-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono text-xs text-slate-800">
        {JSON.stringify(row.data, null, 2)}
      </pre>
    </details>
  );

  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} />

      <IgnoredFilters
        ignored={ignored}
        labels={{ action: t("actionPrefix"), actor: t("actor"), entityType: t("entityType"), entityId: t("entity"), outcome: t("outcome"), refusal: t("refusal"), from: t("from"), to: t("to") }}
      />

      <form method="get" action="/admin/audit" role="search" aria-label={tCommon("filter")} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-4">
        <div className="col-span-2 space-y-1 sm:col-span-1">
          <label htmlFor="f-action" className="block text-sm font-medium text-slate-700">{t("actionPrefix")}</label>
          <input id="f-action" name="action" defaultValue={action} placeholder={t("actionPlaceholder")} maxLength={64} autoCapitalize="off" spellCheck={false} className={cn(controlClass, "h-11")} />
        </div>
        <div className="col-span-2 space-y-1 sm:col-span-1">
          <label htmlFor="f-actor" className="block text-sm font-medium text-slate-700">{t("actor")}</label>
          <input id="f-actor" name="actor" defaultValue={actorName} placeholder={t("actorPlaceholder")} maxLength={40} className={cn(controlClass, "h-11")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-type" className="block text-sm font-medium text-slate-700">{t("entityType")}</label>
          <select id="f-type" name="entityType" defaultValue={entityType} className={cn(controlClass, "h-11")}>
            <option value="">{tCommon("all")}</option>
            {entityTypes.map((e) => (
              <option key={e} value={e}>{entityLabel(e)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-outcome" className="block text-sm font-medium text-slate-700">{t("outcome")}</label>
          <select id="f-outcome" name="outcome" defaultValue={outcome} className={cn(controlClass, "h-11")}>
            <option value="">{tCommon("all")}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>{t(`outcomes.${o}`)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-refusal" className="block text-sm font-medium text-slate-700">{t("refusal")}</label>
          <select id="f-refusal" name="refusal" defaultValue={refusal} className={cn(controlClass, "h-11")}>
            <option value="">{tCommon("all")}</option>
            {REFUSALS.map((r) => (
              <option key={r} value={r}>{t(`refusals.${r}`)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-from" className="block text-sm font-medium text-slate-700">{t("from")}</label>
          <input id="f-from" name="from" type="date" defaultValue={from} className={cn(controlClass, "h-11")} />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-to" className="block text-sm font-medium text-slate-700">{t("to")}</label>
          <input id="f-to" name="to" type="date" defaultValue={to} className={cn(controlClass, "h-11")} />
        </div>
        {/* Keeps a "this record only" filter (from a record link) across filter changes. */}
        {entityId ? <input type="hidden" name="entityId" value={entityId} /> : null}
        <div className="col-span-2 flex items-end gap-2">
          <button type="submit" className={buttonClass("primary", "md")}>{tCommon("filter")}</button>
          {filtered ? <Link href="/admin/audit" className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link> : null}
        </div>
      </form>

      {entityId ? (
        <p className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>{t("filteredToRecord", { type: entityLabel(entityType), id: entityId })}</span>
          <Link href={href({}, ["entityId", "before"])} className="text-brand-700 underline">{t("showAllRecords")}</Link>
        </p>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <>
          {/* Phones: a card per entry. */}
          <ul className="space-y-2 md:hidden" aria-label={t("title")}>
            {rows.map((row) => (
              <li key={row.seq.toString()} className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium text-slate-900">{actionLabel(row.action)}</span>
                  <span>{outcomeBadge(row.outcome)}{refusalReason(row)}</span>
                </div>
                <p className="mt-0.5 font-mono text-xs text-slate-500">{row.action}</p>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                  <dt className="text-slate-500">{t("time")}</dt>
                  <dd><time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time></dd>
                  <dt className="text-slate-500">{t("actor")}</dt>
                  <dd>{row.actorName ?? t("system")}</dd>
                  <dt className="text-slate-500">{t("entity")}</dt>
                  <dd className="min-w-0">{entityCell(row)}</dd>
                </dl>
                <div className="mt-1">{details(row)}</div>
              </li>
            ))}
          </ul>

          <TableCard caption={t("title")} columns={[{ key: "time", label: t("time") }, { key: "actor", label: t("actor") }, { key: "action", label: t("action") }, { key: "entity", label: t("entity") }, { key: "outcome", label: t("outcome") }, { key: "details", label: t("details") }]}>
                <tbody className="divide-y divide-slate-100 align-top">
                  {rows.map((row) => (
                    <tr key={row.seq.toString()}>
                      <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                        <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time>
                      </td>
                      <td className="px-3 py-2">{row.actorName ?? <span className="text-slate-500">{t("system")}</span>}</td>
                      <td className="px-3 py-2">
                        <div>{actionLabel(row.action)}</div>
                        <div className="font-mono text-xs text-slate-500">{row.action}</div>
                      </td>
                      <td className="max-w-56 px-3 py-2">{entityCell(row)}</td>
                      <td className="px-3 py-2">{outcomeBadge(row.outcome)}{refusalReason(row)}</td>
                      <td className="w-[36%] min-w-64 px-3 py-2">{details(row)}</td>
                    </tr>
                  ))}
                </tbody>
          </TableCard>
        </>
      )}

      {before || nextBefore !== undefined ? (
        <nav aria-label={t("pages")} className="mt-4 flex flex-wrap gap-2">
          {before ? <LinkButton href={href({}, ["before"])} variant="secondary">{t("newest")}</LinkButton> : null}
          {nextBefore !== undefined ? <LinkButton href={href({ before: nextBefore.toString() })} variant="secondary">{t("older")}</LinkButton> : null}
        </nav>
      ) : null}
    </div>
  );
}
