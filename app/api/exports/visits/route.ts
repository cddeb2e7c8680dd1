// GET /api/exports/visits?campaign=&officer=&kind=&from=&to=: every visit the list shows for
// these filters (all pages, read page by page on the list's keyset cursor, so rows stream) as
// .xlsx. Permission "report.export" and "visit.view"; audited with the filters and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { visibleProgrammeName } from "@/lib/programmes/queries";
import { parseVisitFilter } from "@/lib/visits/list-filter";
import { listVisits, officerOptions, type VisitListFilter } from "@/lib/visits/queries";
import { route, filterParams } from "@/lib/platform/read";

const PAGE = 500;

async function* visitRows(user: SessionUser, filter: VisitListFilter, t: (key: string) => string): AsyncGenerator<Cell[]> {
  let cursor: string | undefined;
  do {
    const page = await listVisits(user, { ...filter, cursor }, PAGE);
    for (const v of page.rows) {
      yield [
        v.visitedAt, t(`kinds.${v.kind}`), v.household?.headName ?? v.enterprise?.name ?? "", v.orgUnit.name,
        v.officer.name, v.mentor?.name ?? "", v.programme?.name ?? "", v._count.problems, v._count.services, v._count.photos,
      ];
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export const GET = route(
  { name: "visit.export", permission: ["report.export", "visit.view"], query: filterParams },
  async ({ request, user }) => {
    const filter: VisitListFilter = { ...parseVisitFilter(Object.fromEntries(new URL(request.url).searchParams)), cursor: undefined };
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "visits" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const [programme, officer] = await Promise.all([
      filter.programmeId ? visibleProgrammeName(user, filter.programmeId) : null,
      filter.officerId && user.role !== "OFFICER" ? officerOptions(user).then((os) => os.find((o) => o.id === filter.officerId) ?? null) : null,
    ]);
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (filter.programmeId) filters.push({ label: t("campaign"), value: programme ?? filter.programmeId });
    if (filter.kind) filters.push({ label: t("kind"), value: t(`kinds.${filter.kind}`) });
    if (filter.officerId) filters.push({ label: t("officer"), value: officer?.name ?? filter.officerId });
    if (filter.from) filters.push({ label: t("from"), value: filter.from });
    if (filter.to) filters.push({ label: t("to"), value: filter.to });
    const cols = { visitedAt: "datetime", kind: "text", place: "text", unit: "text", officer: "text", mentor: "text", campaign: "text", problems: "integer", services: "integer", photos: "integer" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: visitRows(user, filter, (k) => t(k)),
      audit: {
        action: "visit.export", entityType: "Visit", entityId: null,
        data: { programmeId: filter.programmeId ?? null, officerId: filter.officerId ?? null, kind: filter.kind ?? null, from: filter.from ?? null, to: filter.to ?? null },
      },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
