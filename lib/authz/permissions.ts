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
  // Registers (一户一档 / 一企一档). Officers may add a household they find on a visit.
  "household.view": ALL,
  "household.manage": ALL,
  "enterprise.view": ALL,
  "enterprise.manage": ["MANAGER", "ADMIN"],
  "register.import": ["MANAGER", "ADMIN"],
  // Visit campaigns (民情双访).
  "campaign.configure": ["MANAGER", "ADMIN"],
  "visit.view": ALL,
  "visit.create": ["OFFICER", "MANAGER"],
  "visit.update": ["OFFICER", "MANAGER"],
  "problem.view": ALL,
  "problem.work": ALL,
  "problem.escalate": ["MANAGER", "ADMIN"],
  "problem.confirm": ALL,
  "event.view": ALL,
  "event.create": ["OFFICER", "MANAGER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
