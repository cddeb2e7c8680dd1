import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatDateTime } from "@/lib/platform/format/dates";
import { channelStates, deliveryCounts, listFailedDeliveries } from "@/lib/platform/notifications/admin";
import { safeNotificationLink } from "@/lib/platform/notifications/schemas";
import { filterText, parseFilters } from "@/lib/platform/url-filters";
import { notificationKindLabeler } from "@/components/notifications/kind-label";
import { RetryAllButton, RetryDeliveryButton } from "@/components/notifications/delivery-actions";
import { Alert } from "@/components/ui/alert";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("notificationAdmin");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const filterShape = { after: filterText(80) };

export default async function NotificationAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("notification.configure");
  const t = await getTranslations("notificationAdmin");
  const locale = await getLocale();
  const { filter, ignored } = parseFilters(filterShape, await searchParams);
  const channels = channelStates();
  const [counts, { rows, nextCursor }, kindLabel] = await Promise.all([
    deliveryCounts(user),
    listFailedDeliveries(user, { after: filter.after }),
    notificationKindLabeler(),
  ]);
  const channelLabel = (name: string) => (t.has(`channels.${name}`) ? t(`channels.${name}`) : name);
  const anyOn = channels.some((c) => c.active);
  const recipient = (r: (typeof rows)[number]) => r.userName ?? (r.recipientType === "ServiceRequest" ? t("callerEnterprise") : t("recordContact"));

  return (
    <ClientMessages namespaces={["notificationAdmin"]}>
      <div className="space-y-4">
        <PageHeader title={t("title")} description={t("intro")} />
        <IgnoredFilters ignored={ignored} labels={{ after: t("pages") }} />

        <Card title={t("channelsTitle")}>
          {!anyOn ? <Alert tone="info" className="mb-3">{t("allOff")}</Alert> : null}
          <ul className="divide-y divide-slate-100" data-testid="channel-list">
            {channels.map((c) => (
              <li key={c.name} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:justify-between">
                <span className="font-medium text-slate-900">
                  {t("channelState", { channel: channelLabel(c.name), state: c.active ? t("on") : t("off") })}
                </span>
                {c.active ? (
                  <Badge tone="green">{t("on")}</Badge>
                ) : (
                  <span className="text-sm text-slate-600">
                    {c.settings.length > 0 ? t("needs", { settings: c.settings.join("、") }) : t("needsProvider")}
                    {c.missing.length > 0 && c.missing.length < c.settings.length ? (
                      <span className="block text-xs text-amber-800">{t("missing", { settings: c.missing.join("、") })}</span>
                    ) : null}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </Card>

        <Card title={t("countsTitle")}>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="delivery-counts">
            {([["pending", counts.pending], ["held", counts.held], ["sentToday", counts.sentToday], ["failed", counts.failed]] as const).map(([key, n]) => (
              <div key={key} className="rounded-md border border-slate-200 p-3">
                <dt className="text-xs text-slate-600">{t(`counts.${key}`)}</dt>
                <dd className="text-2xl font-semibold tabular-nums text-slate-900">{n}</dd>
              </div>
            ))}
          </dl>
        </Card>

        <Card title={t("failedTitle")} actions={<RetryAllButton count={counts.failed} />}>
          {rows.length === 0 ? (
            <EmptyState>{t("noFailed")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="failed-deliveries">
              {rows.map((r) => {
                const href = safeNotificationLink(r.link);
                const what = `${kindLabel(r.kind)} · ${recipient(r)}`;
                return (
                  <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 space-y-1 text-sm">
                      <p className="font-medium text-slate-900">
                        {href ? <Link href={href} className="text-brand-700 hover:underline">{kindLabel(r.kind)}</Link> : kindLabel(r.kind)}
                        <span className="ml-2"><Badge>{channelLabel(r.channel)}</Badge></span>
                      </p>
                      <p className="text-slate-700">{t("recipient", { name: recipient(r) })}</p>
                      <p className="text-xs text-slate-600">
                        {t("attemptsAt", { attempts: r.attempts, at: formatDateTime(r.createdAt, locale) })}
                      </p>
                      {r.lastError ? <p className="break-all text-xs text-red-700">{t("lastError", { error: r.lastError })}</p> : null}
                    </div>
                    <RetryDeliveryButton id={r.id} label={what} />
                  </li>
                );
              })}
            </ul>
          )}
          {counts.failed > rows.length ? <p className="mt-2 text-xs text-slate-600">{t("shownOf", { shown: rows.length, total: counts.failed })}</p> : null}
          <div className="mt-3">
            <KeysetPager
              label={t("pages")}
              firstHref={filter.after ? "/admin/notifications" : undefined}
              nextHref={nextCursor ? `/admin/notifications?after=${encodeURIComponent(nextCursor)}` : undefined}
            />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
