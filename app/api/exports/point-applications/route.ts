// GET /api/exports/point-applications?status=: every point application the list shows for this
// status tab (all of them, read 500 at a time in the list's order with an id tiebreak) as .xlsx.
// Permission "report.export" and "talent.view"; audited with the filter and row count.
import { pagedRows } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { listApplications, type ApplicationFilter } from "@/lib/talent/points/applications";
import { parseApplicationStatus } from "@/lib/talent/points/list-filter";
import { filterParams } from "@/lib/platform/read";

const cols = {
  number: "text", subject: "text", talent: "text", enterprise: "text", status: "text", claimed: "integer", awarded: "integer", preparedBy: "text", submittedAt: "datetime", updatedAt: "datetime",
} as const;

export const GET = exportRoute(
  { name: "pointApplication.export", permission: ["report.export", "talent.view"], namespace: "points", query: filterParams },
  async ({ user, search, t, tx, replica }) => {
    const status = parseApplicationStatus(Object.fromEntries(search));
    const filter: ApplicationFilter = status ? { status: [status] } : {};
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (status) filters.push({ label: t("exportStatus"), value: t(`status.${status}`) });
    return {
      name: `${user.orgName}-${t("applicationsSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`applicationCols.${c}`)),
      rows: pagedRows((skip, take) => listApplications(user, filter, take, skip, replica), (a) => {
        const claimed = a.lines.reduce((s, l) => s + l.claimedPoints, 0);
        const awarded = a.lines.reduce((s, l) => s + (l.awardedPoints ?? 0), 0);
        return [
          a.number, t(`apply.subjects.${a.subject}`), a.talent?.name ?? "", a.enterprise.name, t(`status.${a.status}`), claimed,
          a.status === "APPROVED" ? awarded : null, a.preparedBy.name, a.submittedAt, a.updatedAt,
        ];
      }),
      audit: { action: "pointApplication.export", entityType: "PointApplication", entityId: null, data: { status: status ?? null } },
    };
  },
);
