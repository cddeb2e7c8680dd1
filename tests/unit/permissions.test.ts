import { describe, expect, it } from "vitest";
import { PERMISSIONS, PERMISSION_NAMES, ROLES, roleHas, type Permission, type Role } from "@/lib/platform/authz/permissions";
import { can } from "@/lib/platform/authz/can";

// The expected table, written out independently: a change to lib/platform/authz/permissions.ts
// must change this too, on purpose.
const EXPECTED: Record<Permission, Role[]> = {
  "home.view": ["OFFICER", "MANAGER", "ADMIN"],
  "programme.view": ["OFFICER", "MANAGER", "ADMIN"],
  "programme.manage": ["ADMIN"],
  "orgUnit.view": ["OFFICER", "MANAGER", "ADMIN"],
  "orgUnit.manage": ["ADMIN"],
  "user.view": ["MANAGER", "ADMIN"],
  "user.manage": ["ADMIN"],
  "audit.view": ["ADMIN"],
  "personalData.unmask": ["MANAGER", "ADMIN"],
  "report.export": ["MANAGER", "ADMIN"],
  "account.changeOwnPassword": ["OFFICER", "MANAGER", "ADMIN"],
  "household.view": ["OFFICER", "MANAGER", "ADMIN"],
  "household.manage": ["OFFICER", "MANAGER", "ADMIN"],
  "enterprise.view": ["OFFICER", "MANAGER", "ADMIN"],
  "enterprise.manage": ["MANAGER", "ADMIN"],
  "register.import": ["MANAGER", "ADMIN"],
  "campaign.configure": ["MANAGER", "ADMIN"],
  "visit.view": ["OFFICER", "MANAGER", "ADMIN"],
  "visit.create": ["OFFICER", "MANAGER"],
  "visit.update": ["OFFICER", "MANAGER"],
  "problem.view": ["OFFICER", "MANAGER", "ADMIN"],
  "problem.work": ["OFFICER", "MANAGER", "ADMIN"],
  "problem.escalate": ["MANAGER", "ADMIN"],
  "problem.confirm": ["OFFICER", "MANAGER", "ADMIN"],
  "event.view": ["OFFICER", "MANAGER", "ADMIN"],
  "event.create": ["OFFICER", "MANAGER"],
  "request.view": ["OFFICER", "MANAGER", "ADMIN"],
  "request.intake": ["OFFICER", "MANAGER", "ADMIN"],
  "request.handle": ["OFFICER", "MANAGER", "ADMIN"],
  "request.chase": ["MANAGER", "ADMIN"],
  "request.decideExtension": ["MANAGER", "ADMIN"],
  "request.merge": ["MANAGER", "ADMIN"],
  "hotline.report": ["MANAGER", "ADMIN"],
  "calendar.manage": ["ADMIN"],
  "notification.view": ["OFFICER", "MANAGER", "ADMIN"],
  "notification.preferences": ["OFFICER", "MANAGER", "ADMIN"],
  "notification.configure": ["ADMIN"],
  "mentorship.view": ["OFFICER", "MANAGER", "ADMIN"],
  "mentorship.manage": ["MANAGER", "ADMIN"],
  "mentorship.configure": ["ADMIN"],
  "mentorship.plan.update": ["OFFICER", "MANAGER", "ADMIN"],
  "mentorship.activity.log": ["OFFICER", "MANAGER", "ADMIN"],
  "showcase.view": ["OFFICER", "MANAGER", "ADMIN"],
  "showcase.manage": ["MANAGER", "ADMIN"],
  "showcase.score": ["OFFICER", "MANAGER", "ADMIN"],
  "talentList.manage": ["MANAGER", "ADMIN"],
  "serviceStation.view": ["OFFICER", "MANAGER", "ADMIN"],
  "serviceStation.case": ["OFFICER", "MANAGER"],
  "serviceStation.registerEnterprise": ["OFFICER", "MANAGER"],
  "serviceStation.roundTable": ["OFFICER", "MANAGER"],
  "serviceStation.configure": ["ADMIN"],
  "talent.view": ["OFFICER", "MANAGER", "ADMIN"],
  "talent.manage": ["OFFICER", "MANAGER", "ADMIN"],
  "points.configure": ["ADMIN"],
  "points.apply": ["OFFICER", "MANAGER", "ADMIN"],
  "points.review": ["OFFICER", "MANAGER"],
  "points.approve": ["MANAGER", "ADMIN"],
  "points.reverse": ["MANAGER", "ADMIN"],
  "redemption.request": ["OFFICER", "MANAGER", "ADMIN"],
  "redemption.decide": ["MANAGER", "ADMIN"],
  "investment.view": ["OFFICER", "MANAGER", "ADMIN"],
  "investment.manage": ["MANAGER", "ADMIN"],
  "investment.record": ["OFFICER", "MANAGER", "ADMIN"],
  "keyProject.view": ["OFFICER", "MANAGER", "ADMIN"],
  "keyProject.manage": ["MANAGER", "ADMIN"],
  "keyProject.update": ["OFFICER", "MANAGER", "ADMIN"],
  "pledge.manage": ["MANAGER", "ADMIN"],
  "dashboard.view": ["MANAGER", "ADMIN"],
  "ranking.view": ["MANAGER", "ADMIN"],
  "ranking.configure": ["ADMIN"],
  "managerReport.view": ["MANAGER"],
};

describe("permission table", () => {
  it("lists exactly the expected permissions", () => {
    expect(new Set(PERMISSION_NAMES)).toEqual(new Set(Object.keys(EXPECTED)));
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    for (const role of ROLES) {
      const allowed = EXPECTED[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(roleHas(role, permission)).toBe(allowed);
        expect(can({ id: "u", role, orgPath: "/a/" }, permission)).toBe(allowed);
      });
    }
  }

  it("has no role outside OFFICER/MANAGER/ADMIN", () => {
    for (const roles of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
});

describe("can() and org scope", () => {
  const admin = { id: "u", role: "ADMIN" as const, orgPath: "/city/district/" };
  it("allows a record inside the actor's subtree", () => {
    expect(can(admin, "orgUnit.manage", { orgPath: "/city/district/" })).toBe(true);
    expect(can(admin, "orgUnit.manage", { orgPath: "/city/district/street/village/" })).toBe(true);
  });
  it("refuses a record in a sibling or parent unit", () => {
    expect(can(admin, "orgUnit.manage", { orgPath: "/city/" })).toBe(false);
    expect(can(admin, "orgUnit.manage", { orgPath: "/city/district2/" })).toBe(false);
    // A prefix of the id is not the same unit: "/city/dist/" vs "/city/district/".
    expect(can({ ...admin, orgPath: "/city/dist/" }, "orgUnit.manage", { orgPath: "/city/district/" })).toBe(false);
  });
  it("refuses a permission the role lacks even inside scope", () => {
    expect(can({ ...admin, role: "OFFICER" }, "orgUnit.manage", { orgPath: "/city/district/" })).toBe(false);
  });
});
