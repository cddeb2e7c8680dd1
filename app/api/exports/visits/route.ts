// GET /api/exports/visits?campaign=&officer=&kind=&from=&to=: every visit the list shows for
// these filters (all pages, read page by page on the list's keyset cursor, so rows stream) as
// .xlsx. Permission "report.export" and "visit.view"; audited with the filters and row count.
import { cursorRows, EXPORT_PAGE } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { visibleProgrammeName } from "@/lib/programmes/queries";
import { parseVisitFilter } from "@/lib/visits/list-filter";
import { listVisits, officerOptions, type VisitListFilter } from "@/lib/visits/queries";
import { filterParams } from "@/lib/platform/read";

const cols = { visitedAt: "datetime", kind: "text", place: "text", unit: "text", officer: "text", mentor: "text", campaign: "text", problems: "integer", services: "integer", photos: "integer" } as const;

export const GET = exportRoute(
  { name: "visit.export", permission: ["report.export", "visit.view"], namespace: "visits", query: filterParams },
  async ({ user, search, t, tx, replica }) => {
    const filter: VisitListFilter = { ...parseVisitFilter(Object.fromEntries(search)), cursor: undefined };
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
    return {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: cursorRows(async (cursor: string | undefined) => {
        const page = await listVisits(user, { ...filter, cursor }, EXPORT_PAGE, replica);
        return { rows: page.rows, next: page.nextCursor };
      }, (v) => [
        v.visitedAt, t(`kinds.${v.kind}`), v.household?.headName ?? v.enterprise?.name ?? "", v.orgUnit.name,
        v.officer.name, v.mentor?.name ?? "", v.programme?.name ?? "", v._count.problems, v._count.services, v._count.photos,
      ]),
      audit: {
        action: "visit.export", entityType: "Visit", entityId: null,
        data: { programmeId: filter.programmeId ?? null, officerId: filter.officerId ?? null, kind: filter.kind ?? null, from: filter.from ?? null, to: filter.to ?? null },
      },
    };
  },
);
