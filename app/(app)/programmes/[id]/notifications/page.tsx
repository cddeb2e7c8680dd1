import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { programmeNotificationRules } from "@/lib/programmes/notification-rules";
import { getProgrammeOrThrow } from "@/lib/programmes/queries";
import { notificationKindLabeler } from "@/components/notifications/kind-label";
import { NotificationRulesForm } from "@/components/notifications/rules-form";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("programmes.notificationRules");
  return { title: t("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function ProgrammeNotificationRulesPage({ params }: Props) {
  const user = await requirePermission("notification.configure");
  const { id } = await params;
  const programme = await loadOrNotFound(user, pageAuditName("/programmes/[id]/notifications"), () => getProgrammeOrThrow(user, id));
  const t = await getTranslations("programmes.notificationRules");
  const [rules, kindLabel] = await Promise.all([programmeNotificationRules(programme), notificationKindLabeler()]);
  // Only an admin of the programme's own unit (or above) may change its rules; others see them.
  const editable = can(user, "notification.configure", programme);

  return (
    <ClientMessages namespaces={["programmes.notificationRules"]}>
      <div className="max-w-3xl space-y-4">
        <Link href={`/programmes/${programme.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("back", { name: programme.name })}
        </Link>
        <PageHeader title={t("title")} description={t("intro")} />
        {!editable ? <Alert tone="info">{t("readOnly")}</Alert> : null}
        <Card>
          {rules.length === 0 ? (
            <EmptyState>{t("noKinds")}</EmptyState>
          ) : (
            <NotificationRulesForm
              programmeId={programme.id}
              editable={editable}
              rows={rules.map((r) => ({ kind: r.kind, label: kindLabel(r.kind), external: r.external, urgent: r.urgent, defaults: r.defaults }))}
            />
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
