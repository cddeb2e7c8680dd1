import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { SignOutButton } from "@/components/field/sign-out-button";
import { FieldShell } from "@/components/field/field-shell";
import { NAV_GROUPS, navItemsFor } from "./nav-items";
import { NavLink } from "./nav-link";
import { NavStrip } from "./nav-strip";
import { programmeTypesInUse } from "@/lib/programmes/in-use";
import { LanguageSwitch } from "./language-switch";
import { NotificationBell } from "@/components/notifications/notification-bell";

/**
 * Header + navigation. On a phone the navigation is a scrollable strip under the header
 * (no hidden menu to discover) that keeps the current page's item in view; from md up it is
 * a sidebar. Both list only what the user may open and, of the programme modules, those with
 * a programme in use for the user (lib/programmes/in-use.ts): the rest would be empty pages,
 * and on a phone they pushed a village officer's own modules out of sight. Those pages keep
 * working by their links (a notification, 专项工作) for anyone the permission table allows.
 */
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const t = await getTranslations("nav");
  const tApp = await getTranslations("app");
  const tRoles = await getTranslations("roles");
  const items = navItemsFor(user, await programmeTypesInUse(user));
  const sections = NAV_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter((s) => s.items.length);

  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-30 bg-brand-700 text-white shadow">
        <div className="mx-auto flex h-14 max-w-7xl items-center justify-between gap-3 px-3 sm:px-4">
          <div className="min-w-0">
            <Link href="/" className="block truncate text-base font-semibold sm:text-lg">{tApp("name")}</Link>
            {/* On a phone, who is signed in (a shared office phone, a borrowed one) under the name. */}
            <p className="truncate text-xs leading-tight text-white/90 sm:hidden" data-testid="current-user-phone">
              {user.name} · {user.orgName}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-1 sm:gap-2">
            <span className="hidden text-right text-xs leading-tight text-white/90 sm:block" data-testid="current-user">
              {user.name}
              <br />
              {tRoles(user.role)} · {user.orgName}
            </span>
            {can(user, "notification.view") ? <NotificationBell user={user} /> : null}
            <LanguageSwitch />
            <SignOutButton label={t("signOut")} />
          </div>
        </div>
        <nav aria-label={t("menu")} className="border-t border-white/10 bg-white md:hidden">
          <NavStrip>
            {items.map((item) => (
              <li key={item.href}><NavLink href={item.href}>{t(item.key)}</NavLink></li>
            ))}
            <li><NavLink href="/account/password">{t("account")}</NavLink></li>
            <li><NavLink href="/account/notifications">{t("notificationSettings")}</NavLink></li>
          </NavStrip>
        </nav>
      </header>
      <FieldShell user={user} />
      <div className="mx-auto flex max-w-7xl gap-6 px-3 py-4 sm:px-4 md:py-6">
        <nav aria-label={t("menu")} className="hidden w-48 shrink-0 md:block">
          {sections.map(({ group, items: groupItems }, i) => (
            <div key={group} className={i ? "mt-4" : undefined}>
              <p className="px-3 text-xs font-semibold tracking-wide text-slate-500">{t(`groups.${group}`)}</p>
              <ul className="mt-1 space-y-0.5">
                {groupItems.map((item) => (
                  <li key={item.href}><NavLink href={item.href}>{t(item.key)}</NavLink></li>
                ))}
              </ul>
            </div>
          ))}
          <ul className="mt-5 space-y-1 border-t border-slate-200 pt-3">
            <li><NavLink href="/account/password">{t("account")}</NavLink></li>
            <li><NavLink href="/account/notifications">{t("notificationSettings")}</NavLink></li>
          </ul>
        </nav>
        <main id="main" className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
