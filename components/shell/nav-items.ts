import type { Permission } from "@/lib/authz/permissions";

/** The navigation, filtered per user by the permission table. */
export const NAV_ITEMS: { href: string; key: string; permission: Permission; group: "main" | "admin" }[] = [
  { href: "/", key: "home", permission: "home.view", group: "main" },
  { href: "/dashboard", key: "dashboard", permission: "dashboard.view", group: "main" },
  { href: "/visits", key: "visits", permission: "visit.view", group: "main" },
  { href: "/problems", key: "problems", permission: "problem.view", group: "main" },
  { href: "/campaigns", key: "campaigns", permission: "visit.view", group: "main" },
  { href: "/hotline", key: "hotline", permission: "request.view", group: "main" },
  { href: "/mentorship", key: "mentorship", permission: "mentorship.view", group: "main" },
  { href: "/showcases", key: "showcases", permission: "showcase.view", group: "main" },
  { href: "/talent", key: "talent", permission: "talent.view", group: "main" },
  { href: "/investment", key: "investment", permission: "investment.view", group: "main" },
  { href: "/key-projects", key: "keyProjects", permission: "keyProject.view", group: "main" },
  { href: "/rankings", key: "rankings", permission: "ranking.view", group: "main" },
  { href: "/registers/households", key: "households", permission: "household.view", group: "main" },
  { href: "/registers/enterprises", key: "enterprises", permission: "enterprise.view", group: "main" },
  { href: "/programmes", key: "programmes", permission: "programme.view", group: "main" },
  { href: "/admin/org-units", key: "orgUnits", permission: "orgUnit.manage", group: "admin" },
  { href: "/admin/users", key: "users", permission: "user.manage", group: "admin" },
  { href: "/admin/calendar", key: "calendar", permission: "calendar.manage", group: "admin" },
  { href: "/admin/audit", key: "audit", permission: "audit.view", group: "admin" },
];
