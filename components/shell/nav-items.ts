import type { Permission } from "@/lib/authz/permissions";

/** The navigation, filtered per user by the permission table. */
export const NAV_ITEMS: { href: string; key: string; permission: Permission; group: "main" | "admin" }[] = [
  { href: "/", key: "home", permission: "home.view", group: "main" },
  { href: "/visits", key: "visits", permission: "visit.view", group: "main" },
  { href: "/problems", key: "problems", permission: "problem.view", group: "main" },
  { href: "/campaigns", key: "campaigns", permission: "visit.view", group: "main" },
  { href: "/registers/households", key: "households", permission: "household.view", group: "main" },
  { href: "/registers/enterprises", key: "enterprises", permission: "enterprise.view", group: "main" },
  { href: "/programmes", key: "programmes", permission: "programme.view", group: "main" },
  { href: "/admin/org-units", key: "orgUnits", permission: "orgUnit.manage", group: "admin" },
  { href: "/admin/users", key: "users", permission: "user.manage", group: "admin" },
  { href: "/admin/audit", key: "audit", permission: "audit.view", group: "admin" },
];
