import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatDateTime } from "@/lib/platform/format/dates";
import { listNotifications, unreadNotificationCount } from "@/lib/platform/notifications/queries";
import { safeNotificationLink } from "@/lib/platform/notifications/schemas";
import { notificationTitleRenderer } from "@/components/notifications/title";
import { MarkAllReadButton, MarkReadButton, OpenNotificationButton } from "@/components/notifications/notification-actions";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { filterFlag, filterText, parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
/** The list's two links ("只看未读" and the next page) write these; anything else is ignored and named. */
const filterShape = { unread: filterFlag, after: filterText(80) };

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("notification.view");
  const t = await getTranslations("notifications");
  const locale = await getLocale();
  const { filter, ignored } = parseFilters(filterShape, await searchParams);
  const unreadOnly = !!filter.unread;
  const after = filter.after;

  const [{ items, nextCursor }, unread, title] = await Promise.all([
    listNotifications(user.id, { unreadOnly, after }),
    unreadNotificationCount(user.id),
    notificationTitleRenderer(),
  ]);
  const base = unreadOnly ? "/notifications?unread=1" : "/notifications";
  const withAfter = (cursor: string) => `${base}${unreadOnly ? "&" : "?"}after=${encodeURIComponent(cursor)}`;

  return (
    <ClientMessages namespaces={["notifications"]}>
      <div>
        <PageHeader title={t("title")} description={t("intro")} actions={
            <span className="flex flex-wrap items-start gap-2">
              <Link href="/account/notifications" className={buttonClass("ghost")}>{t("settingsLink")}</Link>
              <MarkAllReadButton disabled={unread === 0} />
            </span>
          } />

        <IgnoredFilters ignored={ignored} labels={{ unread: t("unreadOnly") }} />

        <nav aria-label={t("title")} className="mb-3 flex gap-2">
          <Link href="/notifications" aria-current={!unreadOnly ? "page" : undefined} className={buttonClass(!unreadOnly ? "primary" : "secondary", "sm")}>
            {t("showAll")}
          </Link>
          <Link href="/notifications?unread=1" aria-current={unreadOnly ? "page" : undefined} className={buttonClass(unreadOnly ? "primary" : "secondary", "sm")}>
            {t("unreadOnly")}{unread > 0 ? ` (${unread})` : ""}
          </Link>
        </nav>

        {items.length === 0 ? (
          <EmptyState>{unreadOnly ? t("emptyUnread") : t("empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="notification-list">
            {items.map((n) => {
              const text = title(n.titleKey, n.params);
              const href = safeNotificationLink(n.link);
              const isUnread = n.readAt === null;
              return (
                <li
                  key={n.id}
                  data-unread={isUnread ? "true" : "false"}
                  className={cn("flex items-start gap-3 px-3 py-3 sm:px-4", isUnread ? "bg-brand-50" : "bg-white")}
                >
                  <span aria-hidden="true" className={cn("mt-2 h-2.5 w-2.5 shrink-0 rounded-full", isUnread ? "bg-brand-600" : "bg-transparent")} />
                  <div className="min-w-0 flex-1">
                    <div className={cn("break-words", isUnread ? "font-semibold text-slate-900" : "text-slate-700")}>
                      {isUnread ? <span className="sr-only">{t("unread")}: </span> : null}
                      {href ? <OpenNotificationButton id={n.id} href={href} unread={isUnread} label={text} /> : text}
                    </div>
                    {/* slate-600: slate-500 reads 4.3:1 on an unread row's brand-50, under WCAG AA. */}
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <time dateTime={n.lastAt.toISOString()}>{formatDateTime(n.lastAt, locale)}</time>
                      {n.count > 1 ? (
                        // A plain span may not carry aria-label (ARIA prohibits naming it): the
                        // screen reader gets the long label as text, the eye the short badge.
                        <span title={t("foldedLabel", { count: n.count })}>
                          <span className="sr-only">{t("foldedLabel", { count: n.count })}</span>
                          <span aria-hidden="true"><Badge tone="amber">{t("folded", { count: n.count })}</Badge></span>
                        </span>
                      ) : null}
                    </div>
                  </div>
                  {isUnread ? <MarkReadButton id={n.id} /> : null}
                </li>
              );
            })}
          </ul>
        )}

        <div className="mt-4">
          <KeysetPager label={t("pages")} firstHref={after ? base : undefined} nextHref={nextCursor ? withAfter(nextCursor) : undefined} />
        </div>
      </div>
    </ClientMessages>
  );
}
