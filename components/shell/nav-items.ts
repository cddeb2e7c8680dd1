import { can, type Actor } from "@/lib/platform/authz/can";
import type { Permission } from "@/lib/platform/authz/permissions";
import type { ProgrammeType } from "@/lib/programmes/in-use";

/** Sections of the sidebar, in order: daily work, the programmes, the registers, administration. */
export const NAV_GROUPS = ["work", "programmes", "records", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * The navigation, filtered per user by the permission table and, for a programme module
 * (`programme`), by whether a programme of that type is in use for the user
 * (lib/programmes/in-use.ts), so nobody is offered a module with nothing in it.
 */
export const NAV_ITEMS: { href: string; key: string; permission: Permission; group: NavGroup; programme?: ProgrammeType }[] = [
  { href: "/", key: "home", permission: "home.view", group: "work" },
  { href: "/dashboard", key: "dashboard", permission: "dashboard.view", group: "work" },
  { href: "/rankings", key: "rankings", permission: "ranking.view", group: "work" },
  { href: "/visits", key: "visits", permission: "visit.view", group: "work" },
  { href: "/problems", key: "problems", permission: "problem.view", group: "work" },
  { href: "/campaigns", key: "campaigns", permission: "visit.view", group: "work" },
  { href: "/hotline", key: "hotline", permission: "request.view", group: "programmes", programme: "HOTLINE" },
  { href: "/mentorship", key: "mentorship", permission: "mentorship.view", group: "programmes", programme: "MENTORSHIP" },
  { href: "/showcases", key: "showcases", permission: "showcase.view", group: "programmes", programme: "SHOWCASE" },
  { href: "/talent", key: "talent", permission: "talent.view", group: "programmes", programme: "TALENT_POINTS" },
  { href: "/investment", key: "investment", permission: "investment.view", group: "programmes", programme: "INVESTMENT" },
  { href: "/key-projects", key: "keyProjects", permission: "keyProject.view", group: "programmes", programme: "KEY_PROJECT" },
  { href: "/registers/households", key: "households", permission: "household.view", group: "records" },
  { href: "/registers/enterprises", key: "enterprises", permission: "enterprise.view", group: "records" },
  { href: "/programmes", key: "programmes", permission: "programme.view", group: "records" },
  { href: "/admin/org-units", key: "orgUnits", permission: "orgUnit.manage", group: "admin" },
  { href: "/admin/users", key: "users", permission: "user.manage", group: "admin" },
  { href: "/admin/calendar", key: "calendar", permission: "calendar.manage", group: "admin" },
  { href: "/admin/audit", key: "audit", permission: "audit.view", group: "admin" },
];

/**
 * The items a user is offered: those the permission table allows, and of the programme
 * modules only those in use for the user (`inUse`, lib/programmes/in-use.ts).
 */
export function navItemsFor(user: Actor, inUse: ReadonlySet<ProgrammeType>) {
  return NAV_ITEMS.filter((item) => can(user, item.permission) && (!item.programme || inUse.has(item.programme)));
}
