// GET /api/exports/problems?tab=&status=&campaign=&mine=&overdue=: every problem the list shows
// for these filters (all pages, read page by page on the list's keyset cursor, so rows stream)
// as .xlsx. Permission "report.export" and "problem.view"; audited with the filters and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { parseProblemFilter } from "@/lib/problems/list-filter";
import { listProblems, type ProblemListFilter } from "@/lib/problems/queries";
import { visibleProgrammeName } from "@/lib/programmes/queries";
import { route, filterParams } from "@/lib/platform/read";

const PAGE = 500;

async function* problemRows(user: SessionUser, filter: ProblemListFilter, t: (key: string) => string): AsyncGenerator<Cell[]> {
  let cursor: string | undefined;
  do {
    const page = await listProblems(user, { ...filter, cursor }, PAGE);
    for (const p of page.rows) {
      yield [
        p.createdAt, p.title, p.category, t(`status.${p.status}`), p.orgUnit.name, p.programme?.name ?? "",
        p.assignee?.name ?? "", p.escalatedTo?.name ?? "", p.dueDate,
      ];
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export const GET = route(
  { name: "problem.export", permission: ["report.export", "problem.view"], query: filterParams },
  async ({ request, user }) => {
    const filter: ProblemListFilter = { ...parseProblemFilter(Object.fromEntries(new URL(request.url).searchParams)), cursor: undefined };
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "problems" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const programme = filter.programmeId
      ? await visibleProgrammeName(user, filter.programmeId)
      : null;
    const filters = [
      { label: tx("unit"), value: user.orgName },
      { label: t("exportTab"), value: filter.tab === "department" ? t("tabDepartment") : t("tabAll") },
    ];
    if (filter.status) filters.push({ label: t("exportCols.status"), value: t(`status.${filter.status}`) });
    if (filter.programmeId) filters.push({ label: t("campaign"), value: programme ?? filter.programmeId });
    if (filter.mine) filters.push({ label: t("mine"), value: t("exportYes") });
    if (filter.overdue) filters.push({ label: t("overdue"), value: t("exportYes") });
    const cols = { createdAt: "datetime", title: "text", category: "text", status: "text", unit: "text", campaign: "text", assignee: "text", department: "text", dueDate: "date" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: problemRows(user, filter, (k) => t(k)),
      audit: {
        action: "problem.export", entityType: "Problem", entityId: null,
        data: { tab: filter.tab ?? "all", status: filter.status ?? null, programmeId: filter.programmeId ?? null, mine: !!filter.mine, overdue: !!filter.overdue },
      },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
