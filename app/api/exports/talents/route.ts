// GET /api/exports/talents?q=&enterprise=: every talent the list shows for these filters (all
// pages, read 500 at a time on the list's id keyset, so rows stream) as .xlsx. Permission
// "report.export" and "talent.view"; ID numbers appear in full only for "personalData.unmask",
// otherwise masked without decrypting. Audited with the filters, row count and whether IDs were unmasked.
import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { streamXlsx, typedColumns, type Cell } from "@/lib/platform/exports/xlsx";
import { attachment, XLSX_TYPE } from "@/lib/platform/http";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { parseTalentFilter } from "@/lib/talent/list-filter";
import { enterpriseOptions, listTalentsForExport, type TalentFilter } from "@/lib/talent/queries";
import { route, filterParams } from "@/lib/platform/read";

const PAGE = 500;

async function* talentRows(user: SessionUser, filter: TalentFilter, unmask: boolean, yes: string, no: string): AsyncGenerator<Cell[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await listTalentsForExport(user, filter, unmask, after, PAGE);
    for (const p of rows) {
      yield [p.name, p.idNumber, p.enterprise.name, p.orgUnit.name, p.education, p.title, p.position, p.active ? yes : no, p.balance];
    }
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.id;
  }
}

export const GET = route(
  { name: "talent.export", permission: ["report.export", "talent.view"], query: filterParams },
  async ({ request, user }) => {
    const programme = await getTalentProgrammeOrThrow(user);
    const parsed = parseTalentFilter(Object.fromEntries(new URL(request.url).searchParams));
    const filter: TalentFilter = { q: parsed.q, enterpriseId: parsed.enterpriseId, reach: programme.reach };
    const unmask = can(user, "personalData.unmask");
    const locale = await getLocale();
    const t = await getTranslations({ locale, namespace: "talent" });
    const tx = await getTranslations({ locale, namespace: "exports" });
    const enterprise = filter.enterpriseId ? (await enterpriseOptions(user, programme.reach)).find((e) => e.id === filter.enterpriseId) : undefined;
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (filter.q) filters.push({ label: t("exportFilters.search"), value: filter.q });
    if (filter.enterpriseId) filters.push({ label: t("exportFilters.enterprise"), value: enterprise?.name ?? filter.enterpriseId });
    filters.push({ label: t("exportFilters.idUnmasked"), value: t(unmask ? "exportFilters.unmasked" : "exportFilters.masked") });
    const cols = { name: "text", idNumber: "text", enterprise: "text", unit: "text", education: "text", title: "text", position: "text", active: "text", balance: "integer" } as const;
    const { stream, fileName } = await streamXlsx(user, {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      rows: talentRows(user, filter, unmask, t("exportYes"), t("exportNo")),
      audit: {
        action: "talent.export", entityType: "Talent", entityId: null,
        data: { q: filter.q ?? null, enterpriseId: filter.enterpriseId ?? null, unmasked: unmask },
      },
    }, locale);
    return new Response(stream, { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": attachment(fileName), "Cache-Control": "no-store" } });
  },
);
