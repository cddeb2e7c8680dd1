// GET /api/exports/requests?tab=&status=&category=&from=&to=: every hotline request the list
// shows for these filters (all pages, read page by page on the list's keyset cursor, so rows
// stream) as .xlsx. Permission "report.export" and "request.view"; the caller's phone is masked
// unless the user may see personal data; audited with the filters and row count.
import { now as clockNow } from "@/lib/platform/clock";
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { streamXlsx, type Cell, type Column } from "@/lib/platform/exports/xlsx";
import { parseRequestFilter, type RequestPageFilter } from "@/lib/hotline/list-filter";
import { callersOf, listRequests } from "@/lib/hotline/queries";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { route, filterParams } from "@/lib/platform/read";

const PAGE = 500;

async function* requestRows(user: SessionUser, filter: RequestPageFilter, now: Date, t: (key: string) => string): AsyncGenerator<Cell[]> {
  const unmask = can(user, "personalData.unmask");
  let cursor: string | undefined;
  do {
    const page = await listRequests(user, { ...filter, cursor }, now, PAGE);
    // The caller is not on the list itself: read it for this page's ids only.
    const callers = await callersOf(page.rows.map((r) => r.id));
    for (const r of page.rows) {
      const caller = callers.get(r.id);
      yield [
        r.number, r.receivedAt, t(`status.${r.status}`), t(`channel.${r.channel}`), t(`urgency.${r.urgency}`), r.category,
        r.enterprise?.name ?? r.enterpriseName, r.title || r.description, caller?.callerName ?? "",
        unmask ? (caller?.callerPhone ?? "") : maskPhone(caller?.callerPhone), r.leadDepartment?.name ?? "", r.assignee?.name ?? "", r.orgUnit.name,
      ];
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export const GET = route(
  { name: "request.export", permission: ["report.export", "request.view"], query: filterParams },
  async ({ request, user }) => {
    const filter: RequestPageFilter = { ...parseRequestFilter(Object.fromEntries(new URL(request.url).searchParams)), cursor: undefined };
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "hotline" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const tab = filter.tab ?? "queue";
    const filters = [
      { label: tx("unit"), value: user.orgName },
      { label: t("exportTab"), value: t(`tab.${tab}`) },
    ];
    if (filter.status) filters.push({ label: t("exportStatus"), value: t(`status.${filter.status}`) });
    if (filter.category) filters.push({ label: t("category"), value: filter.category });
    if (filter.fromDay) filters.push({ label: t("receivedFrom"), value: filter.fromDay });
    if (filter.toDay) filters.push({ label: t("exportTo"), value: filter.toDay });
    const { stream, fileName } = await streamXlsx(user, {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: ["number", "receivedAt", "exportStatus", "exportChannel", "urgencyLabel", "category", "enterprise", "titleField", "callerName", "callerPhone", "leadDepartment", "assignee", "exportUnit"]
        .map((k): Column => ({ header: t(k), type: k === "receivedAt" ? "datetime" : "text" })),
      rows: requestRows(user, filter, clockNow(), (k) => t(k)),
      audit: {
        action: "request.export", entityType: "ServiceRequest", entityId: null,
        data: { tab, status: filter.status ?? null, category: filter.category ?? null, from: filter.fromDay ?? null, to: filter.toDay ?? null, unmasked: can(user, "personalData.unmask") },
      },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
