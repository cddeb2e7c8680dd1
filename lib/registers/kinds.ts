// One register, two kinds. Households (一户一档) and enterprises (一企一档) share their list
// pages, create/edit shells, actions, loaders and filters; what genuinely differs between them
// — the URL, the audit names, the permissions, the unique key (户号 vs 统一社会信用代码), which
// org units may hold a record and the label keys — is this descriptor. The fields themselves
// stay per kind (schemas.ts, the two forms). Pure data: read by server pages, client forms
// and the server actions alike.
import type { Permission } from "@/lib/platform/authz/permissions";
import type { RegisterKind } from "./schemas";

/** Keys in the "registers" message namespace. */
type LabelKey =
  | "households" | "enterprises" | "householdsIntro" | "enterprisesIntro" | "newHousehold" | "newEnterprise" | "editHousehold" | "editEnterprise"
  | "backToHouseholds" | "backToEnterprises" | "searchHousehold" | "searchHouseholdPlaceholder" | "searchEnterprise" | "searchEnterprisePlaceholder"
  | "village" | "grid" | "confirmDeactivateHousehold" | "confirmDeactivateEnterprise";

export type RegisterDescriptor = {
  kind: RegisterKind;
  /** The list's URL; a record is at `${path}/${id}`, a new one at `${path}/new`. */
  path: string;
  /** Audit entityType, NotFoundError entity and the audit-log link's filter. */
  entityType: "Household" | "Enterprise";
  /** Prefix of the audit and action names: "household.create", "enterprise.setActive" … */
  auditPrefix: "household" | "enterprise";
  view: Permission;
  manage: Permission;
  /** The field a second record may not repeat, and the field error when it does. */
  uniqueKey: { field: "householdKey" | "creditCode"; taken: string };
  /** The record's phone column (also the form field): what unmasking reveals. */
  phoneField: "phone" | "contactPhone";
  /**
   * Which org units may hold a record: a household only a village, community or grid; an
   * enterprise anything but a department. `message` is the field error for another kind.
   */
  units: { only: readonly string[] | null; except: readonly string[]; message: string };
  /** Draft storage of the create form: `draft:<draft>:new:<userId>`. */
  draft: "household" | "enterprise";
  labels: {
    title: LabelKey; intro: LabelKey; create: LabelKey; edit: LabelKey; back: LabelKey;
    search: LabelKey; searchPlaceholder: LabelKey; unit: LabelKey; confirmDeactivate: LabelKey;
  };
};

export const HOUSEHOLDS: RegisterDescriptor = {
  kind: "households",
  path: "/registers/households",
  entityType: "Household",
  auditPrefix: "household",
  view: "household.view",
  manage: "household.manage",
  uniqueKey: { field: "householdKey", taken: "registers.householdKeyTaken" },
  phoneField: "phone",
  units: { only: ["VILLAGE", "COMMUNITY", "GRID"], except: [], message: "registers.householdUnitKind" },
  draft: "household",
  labels: {
    title: "households", intro: "householdsIntro", create: "newHousehold", edit: "editHousehold", back: "backToHouseholds",
    search: "searchHousehold", searchPlaceholder: "searchHouseholdPlaceholder", unit: "village", confirmDeactivate: "confirmDeactivateHousehold",
  },
};

export const ENTERPRISES: RegisterDescriptor = {
  kind: "enterprises",
  path: "/registers/enterprises",
  entityType: "Enterprise",
  auditPrefix: "enterprise",
  view: "enterprise.view",
  manage: "enterprise.manage",
  uniqueKey: { field: "creditCode", taken: "registers.creditCodeTaken" },
  phoneField: "contactPhone",
  units: { only: null, except: ["DEPARTMENT"], message: "registers.enterpriseUnitKind" },
  draft: "enterprise",
  labels: {
    title: "enterprises", intro: "enterprisesIntro", create: "newEnterprise", edit: "editEnterprise", back: "backToEnterprises",
    search: "searchEnterprise", searchPlaceholder: "searchEnterprisePlaceholder", unit: "grid", confirmDeactivate: "confirmDeactivateEnterprise",
  },
};

export const REGISTERS: Record<RegisterKind, RegisterDescriptor> = { households: HOUSEHOLDS, enterprises: ENTERPRISES };

/** May a record of this register sit in an org unit of this kind (VILLAGE, GRID, DEPARTMENT …)? */
export function unitKindAllowed(register: RegisterDescriptor, unitKind: string): boolean {
  const { only, except } = register.units;
  return (only === null || only.includes(unitKind)) && !except.includes(unitKind);
}
