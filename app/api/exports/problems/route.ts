// GET /api/exports/problems?tab=&status=&campaign=&mine=&overdue=: every problem the list shows
// for these filters (all pages, read page by page on the list's keyset cursor, so rows stream)
// as .xlsx. Permission "report.export" and "problem.view"; audited with the filters and row count.
import { cursorRows, EXPORT_PAGE } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { parseProblemFilter } from "@/lib/problems/list-filter";
import { listProblems, type ProblemListFilter } from "@/lib/problems/queries";
import { visibleProgrammeName } from "@/lib/programmes/queries";
import { filterParams } from "@/lib/platform/read";

const cols = { createdAt: "datetime", title: "text", category: "text", status: "text", unit: "text", campaign: "text", assignee: "text", department: "text", dueDate: "date" } as const;

export const GET = exportRoute(
  { name: "problem.export", permission: ["report.export", "problem.view"], namespace: "problems", query: filterParams },
  async ({ user, search, t, tx, replica }) => {
    const filter: ProblemListFilter = { ...parseProblemFilter(Object.fromEntries(search)), cursor: undefined };
    const programme = filter.programmeId ? await visibleProgrammeName(user, filter.programmeId) : null;
    const filters = [
      { label: tx("unit"), value: user.orgName },
      { label: t("exportTab"), value: filter.tab === "department" ? t("tabDepartment") : t("tabAll") },
    ];
    if (filter.status) filters.push({ label: t("exportCols.status"), value: t(`status.${filter.status}`) });
    if (filter.programmeId) filters.push({ label: t("campaign"), value: programme ?? filter.programmeId });
    if (filter.mine) filters.push({ label: t("mine"), value: t("exportYes") });
    if (filter.overdue) filters.push({ label: t("overdue"), value: t("exportYes") });
    return {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: cursorRows(async (cursor: string | undefined) => {
        const page = await listProblems(user, { ...filter, cursor }, EXPORT_PAGE, replica);
        return { rows: page.rows, next: page.nextCursor };
      }, (p) => [
        p.createdAt, p.title, p.category, t(`status.${p.status}`), p.orgUnit.name, p.programme?.name ?? "",
        p.assignee?.name ?? "", p.escalatedTo?.name ?? "", p.dueDate,
      ]),
      audit: {
        action: "problem.export", entityType: "Problem", entityId: null,
        data: { tab: filter.tab ?? "all", status: filter.status ?? null, programmeId: filter.programmeId ?? null, mine: !!filter.mine, overdue: !!filter.overdue },
      },
    };
  },
);
