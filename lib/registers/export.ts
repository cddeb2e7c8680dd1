// Export of a filtered register list to .xlsx, declared for the shared writer
// (lib/platform/exports/xlsx.ts), which streams it, so 200,000 rows never sit in memory. The
// first line states the filters and the export time (Asia/Shanghai); phones are masked unless
// the user may unmask; the export is audited. The headers are the import's, so an exported file
// imports back.
import "server-only";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/platform/db/client";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { cursorRows } from "@/lib/platform/exports/pages";
import { EXPORT_MAX_ROWS, type Column, type ExportSpec, type Row } from "@/lib/platform/exports/xlsx";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { enterpriseWhere, householdWhere, type EnterpriseFilter, type HouseholdFilter } from "./queries";
import type { RegisterKind } from "./schemas";

/** Rows per register export; REGISTER_EXPORT_MAX_ROWS overrides the shared EXPORT_MAX_ROWS. */
const REGISTER_EXPORT_MAX_ROWS = Number(process.env.REGISTER_EXPORT_MAX_ROWS ?? EXPORT_MAX_ROWS);

// Read on the id keyset, a thousand at a time.
const CHUNK = 1000;

type Filter = HouseholdFilter | EnterpriseFilter;

async function describeFilter(user: SessionUser, kind: RegisterKind, filter: Filter, locale: string) {
  const t = await getTranslations({ locale, namespace: "registers" });
  const parts: { label: string; value: string }[] = [];
  if (filter.orgUnitId) {
    const unit = await db.orgUnit.findFirst({ where: { id: filter.orgUnitId, path: { startsWith: user.orgPath } }, select: { name: true } });
    parts.push({ label: t("filterUnit"), value: unit?.name ?? "-" });
  } else parts.push({ label: t("filterUnit"), value: user.orgName });
  if (filter.q) parts.push({ label: t(kind === "households" ? "searchHousehold" : "searchEnterprise"), value: filter.q });
  if (filter.addr) parts.push({ label: t("address"), value: filter.addr });
  if ("tag" in filter && filter.tag) parts.push({ label: t("tags"), value: filter.tag });
  if ("size" in filter && filter.size) parts.push({ label: t("size"), value: t(`sizes.${filter.size}`) });
  parts.push({ label: t("status"), value: filter.active === undefined ? t("statusAll") : filter.active ? t("statusActive") : t("statusInactive") });
  return { t, parts };
}

/** The register's workbook for exportRoute: every row the filter selects, in id order. */
export async function registerExport(user: SessionUser, kind: RegisterKind, filter: Filter, locale: string): Promise<ExportSpec> {
  const unmasked = can(user, "personalData.unmask");
  const { t, parts } = await describeFilter(user, kind, filter, locale);
  const phone = (p: string | null) => (unmasked ? (p ?? "") : maskPhone(p));
  const status = (active: boolean) => (active ? t("statusActive") : t("statusInactive"));
  const text = (header: string): Column => ({ header, type: "text" });
  const after = (id: string | undefined) => (id ? [{ id: { gt: id } }] : []);
  const next = (page: { id: string }[]) => (page.length < CHUNK ? null : page.at(-1)!.id);

  let columns: Column[];
  let rows: AsyncIterable<Row>;
  if (kind === "households") {
    const where = await householdWhere(user, filter as HouseholdFilter);
    columns = [text(t("householdKey")), text(t("headName")), text(t("address")), text(t("village")), text(t("phone")), { header: t("membersCount"), type: "integer" }, text(t("tags")), text(t("status"))];
    rows = cursorRows(async (cursor: string | undefined) => {
      const page = await db.household.findMany({
        where: { AND: [where, ...after(cursor)] }, orderBy: { id: "asc" }, take: CHUNK,
        select: { id: true, householdKey: true, headName: true, address: true, phone: true, membersCount: true, tags: true, active: true, orgUnit: { select: { name: true } } },
      });
      return { rows: page, next: next(page) };
    }, (r) => [r.householdKey, r.headName, r.address, r.orgUnit.name, phone(r.phone), r.membersCount, r.tags.join("、"), status(r.active)]);
  } else {
    const where = await enterpriseWhere(user, filter as EnterpriseFilter);
    columns = [text(t("enterpriseName")), text(t("creditCode")), text(t("address")), text(t("grid")), text(t("industry")), text(t("size")), text(t("contactName")), text(t("contactPhone")), text(t("commissioner")), text(t("status"))];
    rows = cursorRows(async (cursor: string | undefined) => {
      const page = await db.enterprise.findMany({
        where: { AND: [where, ...after(cursor)] }, orderBy: { id: "asc" }, take: CHUNK,
        select: {
          id: true, name: true, creditCode: true, address: true, industry: true, size: true, contactName: true, contactPhone: true, active: true,
          orgUnit: { select: { name: true } }, commissioner: { select: { name: true, username: true } },
        },
      });
      return { rows: page, next: next(page) };
    }, (r) => [
      r.name, r.creditCode, r.address, r.orgUnit.name, r.industry, t(`sizes.${r.size}`), r.contactName, phone(r.contactPhone),
      r.commissioner ? `${r.commissioner.name}（${r.commissioner.username}）` : "", status(r.active),
    ]);
  }
  return {
    name: kind === "households" ? t("households") : t("enterprises"),
    filters: parts,
    columns,
    rows,
    // The register's own cap, as before the shared writer (an operator may have set it).
    maxRows: REGISTER_EXPORT_MAX_ROWS,
    audit: { action: "register.export", entityType: kind === "households" ? "Household" : "Enterprise", data: { filters: { ...filter }, unmasked } },
  };
}
