// GET /api/exports/redemptions?status=: every redemption the list shows for this status tab (all
// of them, read 500 at a time in the list's order with an id tiebreak) as .xlsx. Permission
// "report.export" and "talent.view"; audited with the filter and row count.
import { pagedRows } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { parseRedemptionStatus, type RedemptionStatus } from "@/lib/talent/points/list-filter";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { filterParams } from "@/lib/platform/read";

const cols = { number: "text", resource: "text", talent: "text", enterprise: "text", points: "integer", quota: "text", status: "text", requestedBy: "text", createdAt: "datetime" } as const;

export const GET = exportRoute(
  { name: "redemption.export", permission: ["report.export", "talent.view"], namespace: "points", query: filterParams },
  async ({ user, search, t, tx, replica }) => {
    const status = parseRedemptionStatus(Object.fromEntries(search));
    const filter: { status?: RedemptionStatus[] } = status ? { status: [status] } : {};
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (status) filters.push({ label: t("exportStatus"), value: t(`redemptionStatus.${status}`) });
    return {
      name: `${user.orgName}-${t("redemptionsSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`redemptionCols.${c}`)),
      rows: pagedRows((skip, take) => listRedemptions(user, filter, take, skip, replica), (r) => [
        r.number, r.resource.name, r.talent?.name ?? "", r.enterprise.name, r.points,
        r.quota.enterpriseId ? t("fromTierQuota") : t("fromUnitQuota", { unit: r.quota.orgUnit?.name ?? "" }),
        t(`redemptionStatus.${r.status}`), r.requestedBy.name, r.createdAt,
      ]),
      audit: { action: "redemption.export", entityType: "Redemption", entityId: null, data: { status: status ?? null } },
    };
  },
);
