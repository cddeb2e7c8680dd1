import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { dingtalkLink, preferencesOf, userChannels } from "@/lib/platform/notifications/admin";
import { workingHours } from "@/lib/platform/notifications/quiet-hours";
import { programmeTypesInUse } from "@/lib/programmes/in-use";
import { notificationKindsOfTypes } from "@/lib/programmes/notification-rules";
import { notificationKindLabeler } from "@/components/notifications/kind-label";
import { PreferenceSwitch } from "@/components/notifications/preference-switch";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("notificationSettings");
  return { title: t("title") };
}

export default async function NotificationSettingsPage() {
  const user = await requirePermission("notification.preferences");
  const t = await getTranslations("notificationSettings");
  const tAdmin = await getTranslations("notificationAdmin");
  const [types, prefs, link, kindLabel] = await Promise.all([
    programmeTypesInUse(user),
    preferencesOf(user.id),
    dingtalkLink(user.id),
    notificationKindLabeler(),
  ]);
  // The kinds of the programme types in use for the user: those they can receive at all.
  const kinds = notificationKindsOfTypes(types);
  const channels = userChannels();
  const hours = workingHours();
  const urgentKinds = kinds.filter((k) => k.urgent).map((k) => kindLabel(k.kind));
  const channelLabel = (name: string) => (tAdmin.has(`channels.${name}`) ? tAdmin(`channels.${name}`) : name);

  return (
    <ClientMessages namespaces={["notificationSettings"]}>
      <div className="max-w-3xl space-y-4">
        <PageHeader title={t("title")} description={t("intro")} />

        <Card title={t("dingtalkTitle")}>
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="dingtalk-link">
            {link.linked ? <Badge tone="green">{t("dingtalkLinked")}</Badge> : <span className="text-slate-700">{t("dingtalkUnlinked")}</span>}
          </p>
        </Card>

        <Card title={t("quietTitle")}>
          <p className="text-sm text-slate-700">{t("quietRule", { start: hours.start, end: hours.end })}</p>
          <p className="mt-2 text-sm text-slate-700">
            {urgentKinds.length > 0 ? t("urgentKinds", { kinds: urgentKinds.join("、") }) : t("noUrgentKinds")}
          </p>
        </Card>

        <Card title={t("switchesTitle")}>
          {channels.some((c) => !c.active) ? (
            <Alert tone="info" className="mb-3">
              {t("channelsOff", { channels: channels.filter((c) => !c.active).map((c) => channelLabel(c.name)).join("、") })}
            </Alert>
          ) : null}
          {kinds.length === 0 ? (
            <EmptyState>{t("noKinds")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="preference-list">
              {kinds.map((k) => (
                <li key={k.kind} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-center sm:justify-between">
                  <span className="text-sm text-slate-900">
                    {kindLabel(k.kind)}
                    {k.urgent ? <span className="ml-2"><Badge tone="amber">{t("urgent")}</Badge></span> : null}
                  </span>
                  <span className="flex flex-wrap gap-4">
                    {channels.map(({ name: c }) => (
                      <span key={c} className="inline-flex items-center gap-2 text-sm text-slate-600">
                        {channelLabel(c)}
                        <PreferenceSwitch
                          kind={k.kind}
                          channel={c}
                          enabled={prefs.get(`${k.kind}|${c}`) ?? true}
                          label={t("switchLabel", { kind: kindLabel(k.kind), channel: channelLabel(c) })}
                        />
                      </span>
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-xs text-slate-600">{t("inAppAlways")}</p>
        </Card>
      </div>
    </ClientMessages>
  );
}
