// Profile (企业档案) with the economic commissioner: the register's own editor.
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { ENTERPRISE_EXCLUDED_KINDS } from "@/lib/registers/mutations";
import { commissionerOptions, type getEnterpriseOrThrow } from "@/lib/registers/queries";
import type { SessionUser } from "@/lib/platform/auth/session";
import type { OrgOption } from "@/components/admin/org-options";
import { ActiveBadge } from "@/components/registers/list-bits";
import { EnterpriseEditor } from "@/components/registers/record-editor";

type Enterprise = Awaited<ReturnType<typeof getEnterpriseOrThrow>>;

export async function ProfileSection({ actor, enterprise: e, justCreated }: { actor: SessionUser; enterprise: Enterprise; justCreated: boolean }) {
  const t = await getTranslations("registers");
  const locale = await getLocale();
  const canManage = can(actor, "enterprise.manage", e);
  const [units, users] = canManage ? await Promise.all([orgUnitOptions(actor), commissionerOptions(actor)]) : [[], []];
  const options: OrgOption[] = units.filter((o) => !ENTERPRISE_EXCLUDED_KINDS.includes(o.kind));
  if (canManage && !options.some((o) => o.id === e.orgUnitId)) options.unshift({ id: e.orgUnitId, name: e.orgUnit.name, kind: "", level: 0 });
  const commissioners = users.map((c) => ({ id: c.id, name: c.name, username: c.username, orgName: c.orgUnit.name }));
  if (e.commissioner && !commissioners.some((c) => c.id === e.commissioner!.id)) {
    commissioners.unshift({ id: e.commissioner.id, name: e.commissioner.name, username: e.commissioner.username, orgName: "—" });
  }
  const contactPhoneMasked = maskPhone(e.contactPhone);
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
        <ActiveBadge active={e.active} />
        <span>{t("updatedAt", { time: formatDateTime(e.updatedAt, locale) })}</span>
        {can(actor, "audit.view") ? (
          <Link href={`/admin/audit?entityType=Enterprise&entityId=${encodeURIComponent(e.id)}`} className="text-brand-700 underline">{t("auditTrail")}</Link>
        ) : null}
      </div>
      <EnterpriseEditor
        enterprise={{
          id: e.id, version: e.version, name: e.name, creditCode: e.creditCode, address: e.address, orgUnitId: e.orgUnitId, industry: e.industry,
          size: e.size, contactName: e.contactName, commissionerId: e.commissionerId ?? "", contactPhoneMasked,
        }}
        options={options}
        commissioners={commissioners}
        active={e.active}
        canManage={canManage}
        canUnmask={can(actor, "personalData.unmask", e)}
        justCreated={justCreated}
        readOnly={
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">{t("address")}</dt><dd>{e.address || "—"}</dd>
            <dt className="text-slate-500">{t("industry")}</dt><dd>{e.industry || "—"}</dd>
            <dt className="text-slate-500">{t("size")}</dt><dd>{t(`sizes.${e.size}`)}</dd>
            <dt className="text-slate-500">{t("contactName")}</dt><dd>{e.contactName || "—"}</dd>
            <dt className="text-slate-500">{t("contactPhone")}</dt><dd className="font-mono">{contactPhoneMasked || "—"}</dd>
            <dt className="text-slate-500">{t("commissioner")}</dt><dd>{e.commissioner?.name ?? t("noCommissioner")}</dd>
          </dl>
        }
      />
    </div>
  );
}
