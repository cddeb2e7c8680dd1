// GET /api/exports/talents?q=&enterprise=: every talent the list shows for these filters (all
// pages, read 500 at a time on the list's id keyset, so rows stream) as .xlsx. Permission
// "report.export" and "talent.view"; ID numbers appear in full only for "personalData.unmask",
// otherwise masked without decrypting. Audited with the filters, row count and whether IDs were unmasked.
import { can } from "@/lib/platform/authz/can";
import { cursorRows, EXPORT_PAGE } from "@/lib/platform/exports/pages";
import { exportRoute } from "@/lib/platform/exports/route";
import { typedColumns } from "@/lib/platform/exports/xlsx";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { parseTalentFilter } from "@/lib/talent/list-filter";
import { enterpriseOptions, listTalentsForExport, type TalentFilter } from "@/lib/talent/queries";
import { filterParams } from "@/lib/platform/read";

const cols = { name: "text", idNumber: "text", enterprise: "text", unit: "text", education: "text", title: "text", position: "text", active: "text", balance: "integer" } as const;

export const GET = exportRoute(
  { name: "talent.export", permission: ["report.export", "talent.view"], namespace: "talent", query: filterParams },
  async ({ user, search, t, tx, replica }) => {
    const programme = await getTalentProgrammeOrThrow(user);
    const parsed = parseTalentFilter(Object.fromEntries(search));
    const filter: TalentFilter = { q: parsed.q, enterpriseId: parsed.enterpriseId, reach: programme.reach };
    const unmask = can(user, "personalData.unmask");
    const enterprise = filter.enterpriseId ? (await enterpriseOptions(user, programme.reach)).find((e) => e.id === filter.enterpriseId) : undefined;
    const filters = [{ label: tx("unit"), value: user.orgName }];
    if (filter.q) filters.push({ label: t("exportFilters.search"), value: filter.q });
    if (filter.enterpriseId) filters.push({ label: t("exportFilters.enterprise"), value: enterprise?.name ?? filter.enterpriseId });
    filters.push({ label: t("exportFilters.idUnmasked"), value: t(unmask ? "exportFilters.unmasked" : "exportFilters.masked") });
    const [yes, no] = [t("exportYes"), t("exportNo")];
    return {
      name: `${user.orgName}-${t("exportSheet")}`,
      filters,
      columns: typedColumns(cols, (c) => t(`exportCols.${c}`)),
      // On the id keyset: the next page starts after the last id read.
      rows: cursorRows(async (after: string | undefined) => {
        const rows = await listTalentsForExport(user, filter, unmask, after, EXPORT_PAGE, replica);
        return { rows, next: rows.length < EXPORT_PAGE ? null : rows.at(-1)!.id };
      }, (p) => [p.name, p.idNumber, p.enterprise.name, p.orgUnit.name, p.education, p.title, p.position, p.active ? yes : no, p.balance]),
      audit: {
        action: "talent.export", entityType: "Talent", entityId: null,
        data: { q: filter.q ?? null, enterpriseId: filter.enterpriseId ?? null, unmasked: unmask },
      },
    };
  },
);
