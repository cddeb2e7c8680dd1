import type { Permission } from "@/lib/authz/permissions";

/** Sections of the sidebar, in order: daily work, the programmes, the registers, administration. */
export const NAV_GROUPS = ["work", "programmes", "records", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The navigation, filtered per user by the permission table. */
export const NAV_ITEMS: { href: string; key: string; permission: Permission; group: NavGroup }[] = [
  { href: "/", key: "home", permission: "home.view", group: "work" },
  { href: "/dashboard", key: "dashboard", permission: "dashboard.view", group: "work" },
  { href: "/rankings", key: "rankings", permission: "ranking.view", group: "work" },
  { href: "/visits", key: "visits", permission: "visit.view", group: "work" },
  { href: "/problems", key: "problems", permission: "problem.view", group: "work" },
  { href: "/campaigns", key: "campaigns", permission: "visit.view", group: "work" },
  { href: "/hotline", key: "hotline", permission: "request.view", group: "programmes" },
  { href: "/mentorship", key: "mentorship", permission: "mentorship.view", group: "programmes" },
  { href: "/showcases", key: "showcases", permission: "showcase.view", group: "programmes" },
  { href: "/talent", key: "talent", permission: "talent.view", group: "programmes" },
  { href: "/investment", key: "investment", permission: "investment.view", group: "programmes" },
  { href: "/key-projects", key: "keyProjects", permission: "keyProject.view", group: "programmes" },
  { href: "/registers/households", key: "households", permission: "household.view", group: "records" },
  { href: "/registers/enterprises", key: "enterprises", permission: "enterprise.view", group: "records" },
  { href: "/programmes", key: "programmes", permission: "programme.view", group: "records" },
  { href: "/admin/org-units", key: "orgUnits", permission: "orgUnit.manage", group: "admin" },
  { href: "/admin/users", key: "users", permission: "user.manage", group: "admin" },
  { href: "/admin/calendar", key: "calendar", permission: "calendar.manage", group: "admin" },
  { href: "/admin/audit", key: "audit", permission: "audit.view", group: "admin" },
];
