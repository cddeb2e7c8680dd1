// Server-only (it reads the programme registry): the shell is a server component and hands the
// client parts (NavLink, NavStrip) plain hrefs and labels.
import { can, type Actor } from "@/lib/platform/authz/can";
import type { Permission } from "@/lib/platform/authz/permissions";
import type { ProgrammeType } from "@/lib/programmes/in-use";
import { PROGRAMME_MODULES } from "@/lib/programmes/registry";

/** Sections of the sidebar, in order: daily work, the programmes, the registers, administration. */
export const NAV_GROUPS = ["work", "programmes", "records", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export type NavItem = { href: string; key: string; permission: Permission; group: NavGroup; order: number; programme?: ProgrammeType };

/** The entries of the platform and the shared modules; `order` places them among the modules' entries. */
const SHARED_ITEMS: NavItem[] = [
  { href: "/", key: "home", permission: "home.view", group: "work", order: 10 },
  { href: "/dashboard", key: "dashboard", permission: "dashboard.view", group: "work", order: 20 },
  { href: "/rankings", key: "rankings", permission: "ranking.view", group: "work", order: 30 },
  { href: "/reports", key: "reports", permission: "managerReport.view", group: "work", order: 35 },
  // The officer's device: the outbox and the offline copy (issue 16); for those who record visits.
  { href: "/field", key: "field", permission: "visit.create", group: "work", order: 45 },
  { href: "/problems", key: "problems", permission: "problem.view", group: "work", order: 50 },
  { href: "/registers/households", key: "households", permission: "household.view", group: "records", order: 130 },
  { href: "/registers/enterprises", key: "enterprises", permission: "enterprise.view", group: "records", order: 140 },
  { href: "/programmes", key: "programmes", permission: "programme.view", group: "records", order: 150 },
  { href: "/admin/org-units", key: "orgUnits", permission: "orgUnit.manage", group: "admin", order: 160 },
  { href: "/admin/users", key: "users", permission: "user.manage", group: "admin", order: 170 },
  { href: "/admin/calendar", key: "calendar", permission: "calendar.manage", group: "admin", order: 180 },
  { href: "/admin/notifications", key: "notificationAdmin", permission: "notification.configure", group: "admin", order: 185 },
  { href: "/admin/audit", key: "audit", permission: "audit.view", group: "admin", order: 190 },
];

/**
 * The navigation: the shared entries and each programme module's (its descriptor's `nav`,
 * lib/programmes/registry.ts), in `order`. Filtered per user by the permission table and, for a
 * module entry marked onlyWhenInUse (`programme`), by whether a programme of that type is in
 * use for the user (lib/programmes/in-use.ts), so nobody is offered a module with nothing in it.
 */
export const NAV_ITEMS: NavItem[] = [
  ...SHARED_ITEMS,
  ...PROGRAMME_MODULES.flatMap((m) =>
    m.nav.map(({ href, key, permission, group, order, onlyWhenInUse }) => ({ href, key, permission, group, order, ...(onlyWhenInUse ? { programme: m.type } : {}) })),
  ),
].sort((a, b) => a.order - b.order);

/**
 * The items a user is offered: those the permission table allows, and of the programme
 * modules only those in use for the user (`inUse`, lib/programmes/in-use.ts).
 */
export function navItemsFor(user: Actor, inUse: ReadonlySet<ProgrammeType>) {
  return NAV_ITEMS.filter((item) => can(user, item.permission) && (!item.programme || inUse.has(item.programme)));
}
