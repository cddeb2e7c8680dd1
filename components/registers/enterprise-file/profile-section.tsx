// Profile (企业档案) with the economic commissioner: the register's own editor.
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/platform/authz/can";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { ENTERPRISES } from "@/lib/registers/kinds";
import { commissionerOptions, type getEnterpriseOrThrow } from "@/lib/registers/queries";
import type { SessionUser } from "@/lib/platform/auth/session";
import { EnterpriseEditor } from "@/components/registers/record-editor";
import { RecordStatus, editorUnitOptions } from "@/components/registers/record-shell";

type Enterprise = Awaited<ReturnType<typeof getEnterpriseOrThrow>>;

export async function ProfileSection({ actor, enterprise: e, justCreated }: { actor: SessionUser; enterprise: Enterprise; justCreated: boolean }) {
  const t = await getTranslations("registers");
  const canManage = can(actor, ENTERPRISES.manage, e);
  const [options, users] = await Promise.all([editorUnitOptions(ENTERPRISES, actor, e, canManage, false), canManage ? commissionerOptions(actor) : []]);
  const commissioners = users.map((c) => ({ id: c.id, name: c.name, username: c.username, orgName: c.orgUnit.name }));
  if (e.commissioner && !commissioners.some((c) => c.id === e.commissioner!.id)) {
    commissioners.unshift({ id: e.commissioner.id, name: e.commissioner.name, username: e.commissioner.username, orgName: "—" });
  }
  const contactPhoneMasked = maskPhone(e.contactPhone);
  return (
    <div>
      <RecordStatus register={ENTERPRISES} actor={actor} record={e} className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600" />
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
