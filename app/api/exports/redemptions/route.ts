// GET /api/exports/redemptions?status=: every redemption the list shows for this status tab (all
// of them, read 500 at a time in the list's order with an id tiebreak) as .xlsx. Permission
// "report.export" and "talent.view"; audited with the filter and row count.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import type { RedemptionStatus } from "@/lib/talent/points/list-filter";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { parseRedemptionStatus } from "@/lib/talent/points/list-filter";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { route, filterParams } from "@/lib/platform/read";

const PAGE = 500;
type Filter = { status?: RedemptionStatus[] };

async function* redemptionRows(user: SessionUser, filter: Filter, t: (key: string, values?: Record<string, string>) => string): AsyncGenerator<Cell[]> {
  for (let skip = 0; ; skip += PAGE) {
    const rows = await listRedemptions(user, filter, PAGE, skip);
    for (const r of rows) {
      yield [
        r.number, r.resource.name, r.talent?.name ?? "", r.enterprise.name, r.points,
        r.quota.enterpriseId ? t("fromTierQuota") : t("fromUnitQuota", { unit: r.quota.orgUnit?.name ?? "" }),
        t(`redemptionStatus.${r.status}`), r.requestedBy.name, r.createdAt,
      ];
    }
    if (rows.length < PAGE) return;
  }
}

export const GET = route(
  { name: "redemption.export", permission: ["report.export", "talent.view"], query: filterParams },
  async ({ request, user }) => {
    const status = parseRedemptionStatus(Object.fromEntries(new URL(request.url).searchParams));
    const filter: Filter = status ? { status: [status] } : {};
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "points" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (status) filters.push({ label: t("exportStatus"), value: t(`redemptionStatus.${status}`) });
    const cols = { number: "text", resource: "text", talent: "text", enterprise: "text", points: "integer", quota: "text", status: "text", requestedBy: "text", createdAt: "datetime" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${user.orgName}-${t("redemptionsSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`redemptionCols.${c}`)),
      rows: redemptionRows(user, filter, (k, v) => t(k, v)),
      audit: { action: "redemption.export", entityType: "Redemption", entityId: null, data: { status: status ?? null } },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
