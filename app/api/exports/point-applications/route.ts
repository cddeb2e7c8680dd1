// GET /api/exports/point-applications?status=: every point application the list shows for this
// status tab (all of them, read 500 at a time in the list's order with an id tiebreak) as .xlsx.
// Permission "report.export" and "talent.view"; audited with the filter and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { listApplications, type ApplicationFilter } from "@/lib/talent/points/applications";
import { parseApplicationStatus } from "@/lib/talent/points/list-filter";
import { route, filterParams } from "@/lib/platform/read";

const PAGE = 500;

async function* applicationRows(user: SessionUser, filter: ApplicationFilter, t: (key: string) => string): AsyncGenerator<Cell[]> {
  for (let skip = 0; ; skip += PAGE) {
    const rows = await listApplications(user, filter, PAGE, skip);
    for (const a of rows) {
      const claimed = a.lines.reduce((s, l) => s + l.claimedPoints, 0);
      const awarded = a.lines.reduce((s, l) => s + (l.awardedPoints ?? 0), 0);
      yield [
        a.number, t(`apply.subjects.${a.subject}`), a.talent?.name ?? "", a.enterprise.name, t(`status.${a.status}`), claimed,
        a.status === "APPROVED" ? awarded : null, a.preparedBy.name, a.submittedAt, a.updatedAt,
      ];
    }
    if (rows.length < PAGE) return;
  }
}

export const GET = route(
  { name: "pointApplication.export", permission: ["report.export", "talent.view"], query: filterParams },
  async ({ request, user }) => {
    const status = parseApplicationStatus(Object.fromEntries(new URL(request.url).searchParams));
    const filter: ApplicationFilter = status ? { status: [status] } : {};
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "points" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (status) filters.push({ label: t("exportStatus"), value: t(`status.${status}`) });
    const cols = {
      number: "text", subject: "text", talent: "text", enterprise: "text", status: "text", claimed: "integer", awarded: "integer", preparedBy: "text", submittedAt: "datetime", updatedAt: "datetime",
    } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${user.orgName}-${t("applicationsSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`applicationCols.${c}`)),
      rows: applicationRows(user, filter, (k) => t(k)),
      audit: { action: "pointApplication.export", entityType: "PointApplication", entityId: null, data: { status: status ?? null } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
