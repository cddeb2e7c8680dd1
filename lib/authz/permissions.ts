// The one permission table: which login role may do what. Pure data, no database: the UI
// uses it to hide what a user may not do, and every action and query checks it again.
// Scope (which records) is separate: see can() below and lib/org/scope.ts.

export const ROLES = ["OFFICER", "MANAGER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;

export const PERMISSIONS = {
  "home.view": ALL,
  "programme.view": ALL,
  "programme.manage": ["ADMIN"],
  "orgUnit.view": ALL,
  "orgUnit.manage": ["ADMIN"],
  "user.view": ["MANAGER", "ADMIN"],
  "user.manage": ["ADMIN"],
  "audit.view": ["ADMIN"],
  "personalData.unmask": ["MANAGER", "ADMIN"],
  "report.export": ["MANAGER", "ADMIN"],
  "account.changeOwnPassword": ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
