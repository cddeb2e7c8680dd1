import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { HOUSEHOLDS } from "@/lib/registers/kinds";
import { getHouseholdOrThrow } from "@/lib/registers/queries";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { HouseholdEditor } from "@/components/registers/record-editor";
import { RecordStatus, editorUnitOptions } from "@/components/registers/record-shell";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

async function load(id: string) {
  const actor = await requirePermission(HOUSEHOLDS.view);
  return { actor, household: await loadOrNotFound(actor, pageAuditName(`${HOUSEHOLDS.path}/[id]`), () => getHouseholdOrThrow(actor, id)) };
}

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("editHousehold") };
}

export default async function HouseholdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { actor, household: h } = await load(id);
  const t = await getTranslations("registers");
  const canManage = can(actor, HOUSEHOLDS.manage, h);
  const options = await editorUnitOptions(HOUSEHOLDS, actor, h, canManage, true);
  const phoneMasked = maskPhone(h.phone);

  return (
    <ClientMessages namespaces={["registers", "validation.*", "field.resolve.forms", "validation.registers"]}>
      <div className="max-w-3xl">
        <PageHeader
          title={h.headName}
          description={`${h.householdKey} · ${h.orgUnit.name}`}
          actions={<LinkButton href={HOUSEHOLDS.path} variant="ghost">{t(HOUSEHOLDS.labels.back)}</LinkButton>}
        />
        <RecordStatus register={HOUSEHOLDS} actor={actor} record={h} className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600" />
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
    </ClientMessages>
  );
}
