// The bell in the header: unread count, links to the notification centre. A server component
// (one COUNT on the user's index per page render; no polling).
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { unreadNotificationCount } from "@/lib/platform/notifications/queries";

export async function NotificationBell({ user }: { user: SessionUser }) {
  const t = await getTranslations("notifications");
  const count = await unreadNotificationCount(user.id);
  const label = count > 0 ? t("bellUnread", { count }) : t("bell");
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-10 w-10 items-center justify-center rounded-md text-white/90 hover:bg-white/10"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="h-5 w-5">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? (
        <span data-testid="notification-count" className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white ring-2 ring-brand-700">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
