// GET /api/exports/requests?tab=&status=&category=&from=&to=: every hotline request the list
// shows for these filters (all pages, read page by page on the list's keyset cursor, so rows
// stream) as .xlsx. Permission "report.export" and "request.view"; the caller's phone is in full
// only on the rows the user may unmask — "personalData.unmask" on the request, i.e. within their
// own subtree, as on the request's page: a request the list shows because the user's unit leads
// or co-handles it stays masked. Audited with the filters, row count and how many were unmasked.
import { now as clockNow } from "@/lib/platform/clock";
import { can } from "@/lib/platform/authz/can";
import { cursorRows, EXPORT_PAGE } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import type { Column } from "@/lib/platform/exports/xlsx";
import { parseRequestFilter, type RequestPageFilter } from "@/lib/hotline/list-filter";
import { callersOf, listRequests } from "@/lib/hotline/queries";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { filterParams } from "@/lib/platform/read";

const COLUMNS = ["number", "receivedAt", "exportStatus", "exportChannel", "urgencyLabel", "category", "enterprise", "titleField", "callerName", "callerPhone", "leadDepartment", "assignee", "exportUnit"];

export const GET = exportRoute(
  { name: "request.export", permission: ["report.export", "request.view"], namespace: "hotline", query: filterParams },
  async ({ user, search, t, tx, replica }) => {
    const filter: RequestPageFilter = { ...parseRequestFilter(Object.fromEntries(search)), cursor: undefined };
    let unmaskedRows = 0;
    const phoneOf = (r: { orgUnit: { path: string } }, phone: string | null | undefined) => {
      if (!phone || !can(user, "personalData.unmask", { orgPath: r.orgUnit.path })) return maskPhone(phone);
      unmaskedRows += 1;
      return phone;
    };
    const now = clockNow();
    const tab = filter.tab ?? "queue";
    const filters = [
      { label: tx("unit"), value: user.orgName },
      { label: t("exportTab"), value: t(`tab.${tab}`) },
    ];
    if (filter.status) filters.push({ label: t("exportStatus"), value: t(`status.${filter.status}`) });
    if (filter.category) filters.push({ label: t("category"), value: filter.category });
    if (filter.fromDay) filters.push({ label: t("receivedFrom"), value: filter.fromDay });
    if (filter.toDay) filters.push({ label: t("exportTo"), value: filter.toDay });
    return {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: COLUMNS.map((k): Column => ({ header: t(k), type: k === "receivedAt" ? "datetime" : "text" })),
      rows: cursorRows(async (cursor: string | undefined) => {
        const page = await listRequests(user, { ...filter, cursor }, now, EXPORT_PAGE, replica);
        // The caller is not on the list itself: read it for this page's ids only.
        const callers = await callersOf(page.rows.map((r) => r.id), replica);
        return { rows: page.rows.map((r) => ({ r, caller: callers.get(r.id) })), next: page.nextCursor };
      }, ({ r, caller }) => [
        r.number, r.receivedAt, t(`status.${r.status}`), t(`channel.${r.channel}`), t(`urgency.${r.urgency}`), r.category,
        r.enterprise?.name ?? r.enterpriseName, r.title || r.description, caller?.callerName ?? "",
        phoneOf(r, caller?.callerPhone), r.leadDepartment?.name ?? "", r.assignee?.name ?? "", r.orgUnit.name,
      ]),
      audit: {
        action: "request.export", entityType: "ServiceRequest", entityId: null,
        data: ({ rows, truncated }) => ({
          tab, status: filter.status ?? null, category: filter.category ?? null, from: filter.fromDay ?? null, to: filter.toDay ?? null,
          rows, truncated, unmasked: unmaskedRows,
        }),
      },
    };
  },
);
