import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { EDITABLE, getApplicationOrThrow } from "@/lib/talent/points/applications";
import { itemOptions } from "@/lib/talent/points/queries";
import { PageHeader } from "@/components/ui/card";
import { ApplicationForm } from "@/components/talent/application-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("points.apply");
  const app = await loadOrNotFound(user, pageAuditName("/talent/applications/[id]/edit"), () => getApplicationOrThrow(user, id));
  if (!EDITABLE.includes(app.status) || !can(user, "points.apply", app)) redirect(`/talent/applications/${app.id}`);
  const t = await getTranslations("points");
  const items = await itemOptions(app.programmeId);
  return (
    <ClientMessages namespaces={["points.apply", "validation.*", "validation.points"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader title={t("editLinesTitle", { number: app.number })} />
        <ApplicationForm
          items={items}
          talents={[]}
          enterprises={[]}
          defaults={{ subject: app.subject, talentId: app.talentId ?? "", enterpriseId: app.enterpriseId }}
          edit={{ id: app.id, version: app.version, lines: app.lines.map((l) => ({ itemId: l.itemId, levelCode: l.levelCode, quantity: l.quantity, note: l.note })) }}
        />
      </div>
    </ClientMessages>
  );
}
