// The one permission table: which login role may do what. Pure data, no database: the UI
// uses it to hide what a user may not do, and every action and query checks it again.
// Scope (which records) is separate: see can() below and lib/platform/org/scope.ts.

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
  // 亲企办 hotline. Operators and service officers are OFFICERs; whether a user may act on a
  // given request (its assignee, its lead department …) is checked in lib/hotline.
  "request.view": ALL,
  "request.intake": ALL,
  "request.handle": ALL,
  "request.chase": ["MANAGER", "ADMIN"],
  "request.decideExtension": ["MANAGER", "ADMIN"],
  "request.merge": ["MANAGER", "ADMIN"],
  "hotline.report": ["MANAGER", "ADMIN"],
  "calendar.manage": ["ADMIN"],
  "notification.view": ALL,
  // Each user's own channel switches (/account/notifications); admins see the channels and
  // failed deliveries of their subtree, retry them, and set a programme's notice rules.
  "notification.preferences": ALL,
  "notification.configure": ["ADMIN"],
  // 导师带徒 mentorship. Mentor and trainee update their own plan and log (checked in lib).
  "mentorship.view": ALL,
  "mentorship.manage": ["MANAGER", "ADMIN"],
  "mentorship.configure": ["ADMIN"],
  "mentorship.plan.update": ALL,
  "mentorship.activity.log": ALL,
  // 三争一实 showcases. Scoring needs the user to be a judge of the session (checked in lib).
  "showcase.view": ALL,
  "showcase.manage": ["MANAGER", "ADMIN"],
  "showcase.score": ALL,
  "talentList.manage": ["MANAGER", "ADMIN"],
  // 增值服务驿站 service stations. Staff (officers) and managers handle cases, open
  // round-tables and record each department's opinion at the table; they may register a
  // walk-in shop in the register with its case (decision 0016), which enterprise.manage alone
  // would not allow an officer; admins configure stations, the catalogue and 一类事 bundles.
  "serviceStation.view": ALL,
  "serviceStation.case": ["OFFICER", "MANAGER"],
  "serviceStation.registerEnterprise": ["OFFICER", "MANAGER"],
  "serviceStation.roundTable": ["OFFICER", "MANAGER"],
  "serviceStation.configure": ["ADMIN"],
  // 人才积分 talent points.
  "talent.view": ALL,
  "talent.manage": ALL,
  "points.configure": ["ADMIN"],
  "points.apply": ALL,
  "points.review": ["OFFICER", "MANAGER"],
  "points.approve": ["MANAGER", "ADMIN"],
  "points.reverse": ["MANAGER", "ADMIN"],
  "redemption.request": ALL,
  "redemption.decide": ["MANAGER", "ADMIN"],
  // 招商 investment attraction and 重点项目 key projects.
  "investment.view": ALL,
  "investment.manage": ["MANAGER", "ADMIN"],
  "investment.record": ALL,
  "keyProject.view": ALL,
  "keyProject.manage": ["MANAGER", "ADMIN"],
  "keyProject.update": ALL,
  "pledge.manage": ["MANAGER", "ADMIN"],
  // Managers' dashboards and 赛马 rankings.
  "dashboard.view": ["MANAGER", "ADMIN"],
  "ranking.view": ["MANAGER", "ADMIN"],
  "ranking.configure": ["ADMIN"],
  // Weekly and monthly reports (lib/dashboards/reports.ts): made for every user whose role
  // holds this, for their own unit's subtree; each sees only their own.
  "managerReport.view": ["MANAGER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
