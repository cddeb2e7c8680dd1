import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getHouseholdOrThrow } from "@/lib/registers/queries";
import { HOUSEHOLD_UNIT_KINDS } from "@/lib/registers/mutations";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { formatDateTime } from "@/lib/platform/format/dates";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import type { OrgOption } from "@/components/admin/org-options";
import { HouseholdEditor } from "@/components/registers/record-editor";
import { ActiveBadge } from "@/components/registers/list-bits";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";

async function load(id: string) {
  const actor = await requirePermission("household.view");
  return { actor, household: await loadOrNotFound(actor, pageAuditName("/registers/households/[id]"), () => getHouseholdOrThrow(actor, id)) };
}

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("editHousehold") };
}

export default async function HouseholdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { actor, household: h } = await load(id);
  const t = await getTranslations("registers");
  const locale = await getLocale();
  const canManage = can(actor, "household.manage", h);
  const options: OrgOption[] = canManage ? (await orgUnitOptions(actor)).filter((o) => HOUSEHOLD_UNIT_KINDS.includes(o.kind)).map((o) => ({ ...o, level: 0 })) : [];
  if (canManage && !options.some((o) => o.id === h.orgUnitId)) options.unshift({ id: h.orgUnitId, name: h.orgUnit.name, kind: "", level: 0 });
  const phoneMasked = maskPhone(h.phone);

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={h.headName}
        description={`${h.householdKey} · ${h.orgUnit.name}`}
        actions={<LinkButton href="/registers/households" variant="ghost">{t("backToHouseholds")}</LinkButton>}
      />
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
        <ActiveBadge active={h.active} />
        <span>{t("updatedAt", { time: formatDateTime(h.updatedAt, locale) })}</span>
        {can(actor, "audit.view") ? (
          <Link href={`/admin/audit?entityType=Household&entityId=${encodeURIComponent(h.id)}`} className="text-brand-700 underline">{t("auditTrail")}</Link>
        ) : null}
      </div>
      <HouseholdEditor
        household={{
          id: h.id, version: h.version, householdKey: h.householdKey, headName: h.headName, address: h.address, orgUnitId: h.orgUnitId,
          membersCount: h.membersCount, tags: h.tags, phoneMasked,
        }}
        options={options}
        active={h.active}
        canManage={canManage}
        canUnmask={can(actor, "personalData.unmask", h)}
        justCreated={(await searchParams).created === "1"}
        readOnly={
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("address")}</dt><dd>{h.address || "—"}</dd>
            <dt className="text-slate-500">{t("phone")}</dt><dd className="font-mono">{phoneMasked || "—"}</dd>
            <dt className="text-slate-500">{t("membersCount")}</dt><dd>{h.membersCount}</dd>
            <dt className="text-slate-500">{t("tags")}</dt><dd>{h.tags.join("、") || "—"}</dd>
          </dl>
        }
      />
    </div>
  );
}
