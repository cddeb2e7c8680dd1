// Every exported server action and every route handler of the app, each with a call aimed at
// real records of an area the caller does not cover (tests/support/sweep-fixtures.ts). The
// authorization sweep (tests/integration/authz-sweep.test.ts) runs each entry as callers of
// other areas; tests/integration/authz-registry.test.ts fails when an action file or a route
// exports something this registry lacks, so a new action cannot ship without its sweep entry.
//
// Kinds:
// - write: must be refused (ok: false, and not by the field check, which would show the input
//   is wrong rather than the authorization right); business tables unchanged.
// - read: refused, or answered without any row of the other area.
// - route: a status >= 400, or a workbook without any row of the other area.
// - self: acts only on the caller's own things (own password, own notifications, own
//   uploads): there is no foreign id to give it. Swept signed out, plus its own test.
// - public: no sign-in by design; `reason` names the rule it follows instead.
import * as accountActions from "@/lib/account/actions";
import * as calendarActions from "@/lib/platform/calendar/actions";
import * as campaignActions from "@/lib/visits/campaigns/actions";
import * as rankingActions from "@/lib/rankings/actions";
import * as eventActions from "@/lib/events/actions";
import * as hotlineActions from "@/lib/hotline/actions";
import * as investmentActions from "@/lib/investment/actions";
import * as keyProjectActions from "@/lib/key-projects/actions";
import * as mentorshipActions from "@/lib/mentorship/actions";
import * as notificationActions from "@/lib/platform/notifications/actions";
import * as notificationAdminActions from "@/lib/platform/notifications/admin-actions";
import * as notificationPreferenceActions from "@/lib/platform/notifications/preference-actions";
import * as orgActions from "@/lib/platform/org/actions";
import * as applicationActions from "@/lib/talent/points/application-actions";
import * as pointsConfigActions from "@/lib/talent/points/config-actions";
import * as ledgerActions from "@/lib/talent/points/ledger-actions";
import * as redemptionActions from "@/lib/talent/points/redemption-actions";
import * as problemActions from "@/lib/problems/actions";
import * as programmeActions from "@/lib/programmes/actions";
import * as rolloverActions from "@/lib/programmes/rollover-actions";
import * as notificationRuleActions from "@/lib/programmes/notification-rules-actions";
import * as registerActions from "@/lib/registers/actions";
import * as importActions from "@/lib/registers/import-actions";
import * as showcaseActions from "@/lib/showcases/actions";
import * as serviceStationActions from "@/lib/service-stations/actions";
import * as catalogueActions from "@/lib/service-stations/catalogue-actions";
import * as talentActions from "@/lib/talent/actions";
import * as userActions from "@/lib/users/actions";
import * as visitActions from "@/lib/visits/actions";
import * as hotlineReportExport from "@/app/(app)/hotline/reports/export/route";
import * as caseDocumentRoute from "@/app/api/service-stations/documents/[documentId]/route";
import * as managerReportRoute from "@/app/api/reports/[reportId]/route";
import * as catalogueExport from "@/app/api/exports/service-stations/catalogue/route";
import * as stationProgressExport from "@/app/api/exports/service-stations/progress/route";
import * as narrativeRoute from "@/app/(app)/showcases/entries/[entryId]/narrative/route";
import * as publicFeedbackRoute from "@/app/(public)/service/feedback/route";
import * as publicSubmitRoute from "@/app/(public)/service/submit/route";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as dashboardExport from "@/app/api/exports/dashboard/route";
import * as pairingsExport from "@/app/api/exports/pairings/route";
import * as pointApplicationsExport from "@/app/api/exports/point-applications/route";
import * as problemsExport from "@/app/api/exports/problems/route";
import * as rankingsExport from "@/app/api/exports/rankings/route";
import * as redemptionsExport from "@/app/api/exports/redemptions/route";
import * as requestsExport from "@/app/api/exports/requests/route";
import * as showcaseExport from "@/app/api/exports/showcase/route";
import * as talentsExport from "@/app/api/exports/talents/route";
import * as taskForcesExport from "@/app/api/exports/task-forces/route";
import * as tripsExport from "@/app/api/exports/trips/route";
import * as visitsExport from "@/app/api/exports/visits/route";
import * as fieldProblemRoute from "@/app/api/field/problems/[id]/route";
import * as fieldSyncRoute from "@/app/api/field/sync/route";
import * as fieldWorkSetRoute from "@/app/api/field/work-set/route";
import * as healthRoute from "@/app/api/health/route";
import * as serviceWorkerRoute from "@/app/sw.js/route";
import * as investmentExport from "@/app/api/investment/export/route";
import * as keyProjectsRoute from "@/app/api/investment/key-projects/route";
import * as registerExport from "@/app/api/registers/[kind]/export/route";
import * as registerImport from "@/app/api/registers/import/route";
import * as registerImportProgress from "@/app/api/registers/import/[importId]/route";
import * as registerTemplate from "@/app/api/registers/template/route";
import * as talentEvaluationExport from "@/app/api/talent/evaluation/export/route";
import * as evidenceRoute from "@/app/api/talent/evidence/[evidenceId]/route";
import * as visitPhotoRoute from "@/app/api/visits/[visitId]/photos/[photoId]/route";
import type { z } from "zod";
import type { AnyContract, ContractAction } from "@/lib/platform/contract";
import * as calendarSchemas from "@/lib/platform/calendar/schemas";
import * as campaignSchemas from "@/lib/visits/campaigns/schemas";
import * as rankingSchemas from "@/lib/rankings/schemas";
import * as eventSchemas from "@/lib/events/schemas";
import * as hotlineSchemas from "@/lib/hotline/schemas";
import * as investmentSchemas from "@/lib/investment/schemas";
import * as keyProjectSchemas from "@/lib/key-projects/schemas";
import * as mentorshipSchemas from "@/lib/mentorship/schemas";
import * as notificationSchemas from "@/lib/platform/notifications/schemas";
import * as orgSchemas from "@/lib/platform/org/schemas";
import * as pointsSchemas from "@/lib/talent/points/schemas";
import * as problemSchemas from "@/lib/problems/schemas";
import * as programmeSchemas from "@/lib/programmes/schemas";
import * as rolloverSchemas from "@/lib/programmes/rollover-schema";
import * as notificationRuleSchemas from "@/lib/programmes/notification-rules-schema";
import * as registerSchemas from "@/lib/registers/schemas";
import * as serviceStationSchemas from "@/lib/service-stations/schemas";
import * as showcaseSchemas from "@/lib/showcases/schemas";
import * as talentSchemas from "@/lib/talent/schemas";
import * as userSchemas from "@/lib/users/schemas";
import * as visitSchemas from "@/lib/visits/schemas";
import { DEFAULT_TEMPLATE } from "@/lib/mentorship/schemas";
import { DEFAULT_CRITERIA } from "@/lib/showcases/schemas";
import { getCurrentUser } from "@/lib/platform/auth/session";
import { listCampaigns } from "@/lib/visits/campaigns/queries";
import { listRankingSchemes } from "@/lib/rankings/queries";
import { listCampaignEvents } from "@/lib/events/queries";
import { listRequests } from "@/lib/hotline/queries";
import { listLeads, listProspects, listTaskForces, listTrips } from "@/lib/investment/queries";
import { listPledges } from "@/lib/key-projects/queries";
import { listMentorshipProgrammes, listPairings, listPoolMembers } from "@/lib/mentorship/queries";
import { listOrgUnits } from "@/lib/platform/org/queries";
import { listApplications } from "@/lib/talent/points/applications";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { listProblems } from "@/lib/problems/queries";
import { listProgrammes } from "@/lib/programmes/queries";
import { listEnterprises, listHouseholds } from "@/lib/registers/queries";
import { listCases, listStations, stationOverview } from "@/lib/service-stations/queries";
import { catalogueSummary, listBundles, listItems } from "@/lib/service-stations/catalogue";
import { stationProgress } from "@/lib/service-stations/progress";
import { enterpriseStationCases } from "@/lib/service-stations/enterprise-cases";
import { listSessions, listShowcaseProgrammes, listTalentList } from "@/lib/showcases/queries";
import { listUsers } from "@/lib/users/queries";
import { listVisits } from "@/lib/visits/queries";
import { PROBE_PNG, type SweepFixtures } from "./sweep-fixtures";

export type EntryKind = "write" | "read" | "route" | "self" | "public";

export type SweepEntry = {
  /** "lib/platform/org/actions#renameOrgUnitAction", "app/api/exports/visits/route#GET". */
  key: string;
  kind: EntryKind;
  /**
   * Code of the org unit that owns the records the call aims at: callers whose unit neither
   * contains it nor lies inside it are swept. Absent for entries that are not area-bound.
   */
  owner?: string;
  /**
   * Further org units (ids) with a legitimate hand in the record — a hotline request's lead
   * department and assignee: their users are not "another area" for it.
   */
  alsoOwnedBy?: (fx: SweepFixtures) => (string | null | undefined)[];
  /** Not area-bound: only these roles may (the calendar is the whole city's, kept by any admin). */
  roles?: readonly ("OFFICER" | "MANAGER" | "ADMIN")[];
  call?: (fx: SweepFixtures) => Promise<unknown>;
  /** Why a self or public entry has no foreign-id sweep. */
  reason?: string;
  /**
   * A leak or unrefused write the sweep found and the app does not fix yet. The sweep still
   * runs the entry and fails on it: this only names the finding in the failure message.
   */
  knownLeak?: string;
  /** The action's input, for checking it against the action's own schema. */
  input?: (fx: SweepFixtures) => unknown;
};

type Fn = (...args: unknown[]) => Promise<unknown>;
type ActionSpec =
  | { kind: "write" | "read"; owner: string; alsoOwnedBy?: (fx: SweepFixtures) => (string | null | undefined)[]; input: (fx: SweepFixtures) => unknown; knownLeak?: string }
  | { kind: "write"; roles: readonly ("OFFICER" | "MANAGER" | "ADMIN")[]; input: (fx: SweepFixtures) => unknown }
  | { kind: "self" | "public"; reason: string; input?: (fx: SweepFixtures) => unknown };
type RouteSpec =
  | { kind: "route"; owner: string; url: (fx: SweepFixtures) => string; params?: (fx: SweepFixtures) => Record<string, string>; knownLeak?: string }
  | { kind: "self" | "public"; reason: string; url?: (fx: SweepFixtures) => string; params?: (fx: SweepFixtures) => Record<string, string> };

function actions(module: string, mod: object, specs: Record<string, ActionSpec>): SweepEntry[] {
  return Object.entries(specs).map(([name, spec]) => {
    const fn = () => (mod as Record<string, Fn>)[name]!;
    return {
      key: `${module}#${name}`,
      kind: spec.kind,
      owner: "owner" in spec ? spec.owner : undefined,
      alsoOwnedBy: "alsoOwnedBy" in spec ? spec.alsoOwnedBy : undefined,
      input: spec.input,
      roles: "roles" in spec ? spec.roles : undefined,
      reason: "reason" in spec ? spec.reason : undefined,
      knownLeak: "knownLeak" in spec ? spec.knownLeak : undefined,
      call: spec.input ? (fx: SweepFixtures) => fn()(spec.input!(fx)) : undefined,
    };
  });
}

const ORIGIN = "http://localhost:3000";

function routes(module: string, mod: object, specs: Record<string, RouteSpec>): SweepEntry[] {
  return Object.entries(specs).map(([method, spec]) => {
    const handler = () => (mod as Record<string, Fn>)[method]!;
    return {
      key: `${module}#${method}`,
      kind: spec.kind,
      owner: "owner" in spec ? spec.owner : undefined,
      reason: "reason" in spec ? spec.reason : undefined,
      knownLeak: "knownLeak" in spec ? spec.knownLeak : undefined,
      call: spec.url
        ? (fx: SweepFixtures) =>
            handler()(new Request(`${ORIGIN}${spec.url!(fx)}`, { method, headers: { origin: ORIGIN, host: "localhost:3000" } }), { params: Promise.resolve(spec.params?.(fx) ?? {}) })
        : undefined,
    };
  });
}

const key = () => crypto.randomUUID();
const file = (name: string, type: string, bytes: Uint8Array<ArrayBuffer> | string) => new File([bytes], name, { type });
const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
// The start of the seed's Shanghai day: never in the future, whatever the hour the suite runs
// (08:00 was refused as "in the future" between 00:00 and 08:00 Shanghai, i.e. 16:00–24:00 UTC).
const visitedAt = (fx: SweepFixtures) => `${fx.today}T00:00`;
const programmeInput = (fx: SweepFixtures) => ({
  name: "伪造专项", description: "", startDate: `${fx.year}-01-01`, endDate: `${fx.year}-12-31`, orgUnitId: fx.unit["XS-PY-JY"]!.id, participantIds: [],
  indicators: [{ code: "households_visited", name: "走访农户", unit: "户", targets: [{ orgUnitId: fx.unit["XS-PY-JY"]!.id, period: String(fx.year), value: 1 }] }],
});
const taskForceFields = (fx: SweepFixtures) => ({
  name: "伪造专班", kind: "DEPARTMENT", orgUnitId: fx.unit["YH-ETDZ"]!.id, leaderId: fx.users["etdz.officer"]!.id, memberIds: [], sectors: "",
  targetTrips: 1, targetEnterprises: 1, targetProjects: 1, targetInvestment: "", targetInvestmentUnit: "YI",
});
const talentFields = (fx: SweepFixtures) => ({ enterpriseId: fx.etdzEnterprise.id, name: "伪造人才", phone: "", education: "", title: "", position: "", joinedOn: "" });
const itemInput = (fx: SweepFixtures) => ({
  id: fx.pointItem.id, version: fx.pointItem.version, subject: fx.pointItem.subject, code: fx.pointItem.code, name: "伪造项目", levels: fx.pointItem.levels,
  capPerItem: fx.pointItem.capPerItem ?? "", capPerYear: fx.pointItem.capPerYear ?? "", evidenceTypes: fx.pointItem.evidenceTypes.join("\n"),
  validityMonths: fx.pointItem.validityMonths ?? "", active: true, sortOrder: fx.pointItem.sortOrder,
});
const move = (r: { id: string; version: number }) => ({ id: r.id, version: r.version });

export const REGISTRY: SweepEntry[] = [
  // ——— Server actions ———
  ...actions("lib/account/actions", accountActions, {
    changeOwnPasswordAction: { kind: "self", reason: "changes the signed-in user's own password (checked against the current one); takes no id", input: () => ({ currentPassword: "whatever-1", newPassword: "Sweep-probe-42", confirmPassword: "Sweep-probe-42" }) },
    signInAction: { kind: "public", reason: "the sign-in form: credentials only, lockout after 5 failures (tests/integration/auth.test.ts)" },
    dingtalkSignInAction: { kind: "public", reason: "免登 from inside DingTalk: a one-time code DingTalk itself vouches for, linked users only (tests/integration/dingtalk-sign-in.test.ts)" },
    signOutAction: { kind: "self", reason: "ends the caller's own session; takes no input" },
    setLocaleAction: { kind: "self", reason: "sets the caller's language cookie; no data" },
  }),
  ...actions("lib/platform/calendar/actions", calendarActions, {
    saveCalendarDayAction: { kind: "write", roles: ["ADMIN"], input: (fx) => ({ date: `${fx.year + 1}-03-03`, kind: "HOLIDAY", name: "伪造假日" }) },
    deleteCalendarDayAction: { kind: "write", roles: ["ADMIN"], input: (fx) => ({ date: `${fx.year}-10-01` }) },
    bulkLoadCalendarAction: { kind: "write", roles: ["ADMIN"], input: (fx) => ({ text: `${fx.year + 1}-03-04 休 伪造` }) },
    confirmCalendarYearAction: { kind: "write", roles: ["ADMIN"], input: (fx) => ({ year: fx.year + 1 }) },
    unconfirmCalendarYearAction: { kind: "write", roles: ["ADMIN"], input: (fx) => ({ year: fx.year }) },
  }),
  ...actions("lib/visits/campaigns/actions", campaignActions, {
    saveCampaignSetupAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({
        programmeId: fx.campaign.id, version: fx.campaign.version,
        participants: fx.campaignSetup.participants.map((p) => ({ officerId: p.officerId, mentorId: p.mentorId ?? "" })),
        assignments: fx.campaignSetup.assignments.map((a) => ({ orgUnitId: a.orgUnitId, officerId: a.officerId ?? "" })),
        checkItems: fx.campaignSetup.checkItems.map((c) => ({ id: c.id, label: c.label, active: false })),
        rules: fx.campaignSetup.rules.map((r) => ({ kind: r.kind, period: r.period, minVisits: r.minVisits, dueSoonDays: r.dueSoonDays })),
        problemDueDays: "365",
      }),
    },
  }),
  ...actions("lib/rankings/actions", rankingActions, {
    saveRankingSchemeAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({
        id: fx.rankingScheme.id, version: fx.rankingScheme.version, name: "伪造排名", parentOrgUnitId: fx.rankingScheme.parentOrgUnitId, active: true,
        weights: fx.rankingScheme.weights.map((w) => ({ indicatorKey: w.indicatorKey, weight: Number(w.weight), direction: w.direction })),
      }),
    },
  }),
  ...actions("lib/events/actions", eventActions, {
    createEventAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ programmeId: fx.campaign.id, orgUnitId: fx.unit["XS-PY-JY"]!.id, type: "CLINIC", title: "伪造活动", heldOn: fx.today, participants: 10, notes: "", idempotencyKey: key() }) },
  }),
  ...actions("lib/hotline/actions", hotlineActions, {
    intakeRequestAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({ programmeId: fx.hotline.id, callerName: "伪造来电", callerPhone: "13812345678", category: "其他", title: "", description: "伪造诉求", urgency: "NORMAL", enterpriseMode: "name", enterpriseName: "伪造企业", idempotencyKey: key() }),
    },
    acceptRequestAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ ...move(fx.requests.received), note: "" }) },
    assignRequestAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ ...move(fx.requests.accepted), leadDepartmentId: fx.unit["YH-LZ-QQB"]!.id, assigneeId: "", coHandlerIds: [], note: "" }) },
    reassignRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.assigned, input: (fx) => ({ ...move(fx.requests.assigned), leadDepartmentId: fx.unit["YH-LZ-QQB"]!.id, assigneeId: "", coHandlerIds: [], note: "" }) },
    sendBackRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.assigned, input: (fx) => ({ ...move(fx.requests.assigned), note: "伪造退回" }) },
    respondRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.assigned, input: (fx) => ({ ...move(fx.requests.assigned), response: "伪造回应" }) },
    resolveRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.responded, input: (fx) => ({ ...move(fx.requests.responded), resolution: "伪造办结" }) },
    closeRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.resolved, input: (fx) => ({ ...move(fx.requests.resolved), satisfaction: 5, comment: "" }) },
    reopenRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.resolved, input: (fx) => ({ ...move(fx.requests.resolved), note: "伪造重开" }) },
    mergeRequestAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ ...move(fx.requests.received), intoNumber: fx.requests.received2.number, note: "" }) },
    chaseRequestAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.assigned, input: (fx) => ({ id: fx.requests.assigned.id, note: "伪造催办" }) },
    requestExtensionAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.assigned, input: (fx) => ({ ...move(fx.requests.assigned), reason: "伪造延期", proposedDueAt: `${fx.later}T12:00` }) },
    decideExtensionAction: { kind: "write", owner: "YH-LZ", alsoOwnedBy: (fx) => fx.handlerUnits.extension, input: (fx) => ({ id: fx.extension.requestId, extensionId: fx.extension.id, approve: true, note: "" }) },
    searchEnterprisesAction: { kind: "read", owner: "YH-LZ", input: (fx) => ({ q: fx.lzEnterprise.name.slice(0, 2) }) },
    linkRequestEnterpriseAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ ...move(fx.requests.received), enterpriseId: fx.lzEnterprise.id }) },
    unmaskCallerPhoneAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ id: fx.requests.received.id }) },
  }),
  ...actions("lib/investment/actions", investmentActions, {
    createTaskForceAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ programmeId: fx.investment.id, ...taskForceFields(fx), idempotencyKey: key() }) },
    updateTaskForceAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ id: fx.taskForce.id, version: fx.taskForce.version, ...taskForceFields(fx), active: true }) },
    createTripAction: {
      kind: "write", owner: "YH-ETDZ",
      input: (fx) => ({ taskForceId: fx.taskForce.id, startDate: fx.today, endDate: fx.today, destinationCity: "上海", participantIds: [], meetings: [], notes: "", idempotencyKey: key() }),
    },
    createLeadAction: {
      kind: "write", owner: "YH-ETDZ",
      input: (fx) => ({ taskForceId: fx.taskForce.id, source: "PROSPECT", prospectName: "伪造客商", title: "伪造线索", plannedAmount: "100", plannedUnit: "WAN", idempotencyKey: key() }),
    },
    transitionLeadAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.lead), to: "NEGOTIATING" }) },
    convertProspectAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.prospect), name: "伪造转化", creditCode: fx.newCreditCode, orgUnitId: fx.unit["YH-ETDZ"]!.id }) },
    updateInvestmentSettingsAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ programmeId: fx.investment.id, version: fx.investment.version, shareLeads: true }) },
    lookupEnterprisesAction: { kind: "read", owner: "YH-ETDZ", input: (fx) => ({ programmeId: fx.investment.id, q: fx.etdzEnterprise.name.slice(0, 2) }) },
  }),
  ...actions("lib/key-projects/actions", keyProjectActions, {
    createKeyProjectAction: {
      kind: "write", owner: "YH",
      input: (fx) => ({
        programmeId: fx.keyProjects.id, name: "伪造项目", orgUnitId: fx.unit["YH-ETDZ"]!.id, ownerEnterpriseId: "", investmentAmount: "1", investmentUnit: "YI", location: "", liaisonId: "",
        milestones: { LAND_LISTING: "", PERMITS: "", START: "", COMPLETION: "", PRODUCTION: "" }, idempotencyKey: key(),
      }),
    },
    updateMilestoneAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ projectId: fx.keyProject.id, version: fx.keyProject.version, kind: "START", plannedOn: fx.later, actualOn: "", note: "" }) },
    advanceStageAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.keyProject), to: "UNDER_CONSTRUCTION", note: "" }) },
    createBlockerAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ projectId: fx.keyProject.id, title: "伪造卡点", description: "", dueDate: "", idempotencyKey: key() }) },
    createPledgeAction: {
      kind: "write", owner: "YH-ETDZ",
      input: (fx) => ({ programmeId: fx.keyProjects.id, orgUnitId: fx.unit["YH-ETDZ"]!.id, pledgerId: "", keyProjectId: "", problem: "伪造承诺", dueOn: fx.later, note: "", idempotencyKey: key() }),
    },
    completePledgeAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.pledge), doneOn: fx.today, note: "" }) },
  }),
  ...actions("lib/mentorship/actions", mentorshipActions, {
    addPoolMemberAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({ programmeId: fx.mentorship.id, pool: "TRAINEE", userId: fx.users["py.sec12"]!.id, lineOfWork: "", capacity: "", joinedOn: fx.today, reason: "伪造", idempotencyKey: key() }),
    },
    changeMemberStatusAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ memberId: fx.trainee.id, version: fx.trainee.version, toStatus: "PAUSED", effectiveOn: fx.today, reason: "伪造" }) },
    changeMemberFlagsAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({ memberId: fx.trainee.id, version: fx.trainee.version, priorityPromotion: true, reserveCadre: true, reserveNote: "", reason: "伪造" }),
    },
    changeCapacityAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ memberId: fx.mentor.id, version: fx.mentor.version, capacity: 9, reason: "伪造" }) },
    createPairingAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({ programmeId: fx.mentorship.id, traineeId: fx.pairing.traineeId, mentorId: fx.freeMentor.userId, startDate: fx.today, endDate: fx.later, templateId: "", idempotencyKey: key() }),
    },
    endPairingAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ pairingId: fx.pairing.id, version: fx.pairing.version, reason: "伪造" }) },
    evaluatePairingAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ pairingId: fx.pairing.id, version: fx.pairing.version, rating: 5, evaluation: "伪造" }) },
    changePlanAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ op: "addGoal", planId: fx.plan.id, planVersion: fx.plan.version, note: "", area: "业务能力", title: "伪造目标" }) },
    signOffMilestoneAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ planId: fx.plan.id, planVersion: fx.plan.version, milestoneId: fx.milestone.id, note: "" }) },
    logActivityAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ pairingId: fx.pairing.id, kind: "TALK", occurredOn: fx.today, place: "", notes: "", idempotencyKey: key() }) },
    saveSettingsAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({ programmeId: fx.mentorship.id, version: fx.mentorship.version, expectations: [{ kind: "ANY", period: "WEEK", min: 3 }], dueSoonDays: 1, defaultCapacity: 5 }),
    },
    saveTemplateAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ programmeId: fx.mentorship.id, templateId: fx.template.id, name: "伪造模板", active: true, content: DEFAULT_TEMPLATE }) },
    suggestMentorsAction: { kind: "read", owner: "XS-PY", input: (fx) => ({ programmeId: fx.mentorship.id, traineeId: fx.pairing.traineeId }) },
  }),
  ...actions("lib/platform/notifications/actions", notificationActions, {
    markNotificationReadAction: { kind: "write", owner: "YH-LZ-QQB", input: (fx) => ({ id: fx.notification.id }) },
    markAllNotificationsReadAction: { kind: "self", reason: "marks the caller's own notifications (WHERE userId = caller); takes no id", input: () => ({}) },
  }),
  ...actions("lib/platform/notifications/admin-actions", notificationAdminActions, {
    retryDeliveryAction: { kind: "write", owner: "YH-LZ-QQB", input: (fx) => ({ id: fx.failedDelivery.id }) },
    retryAllFailedDeliveriesAction: {
      kind: "self",
      reason: "re-queues the FAILED deliveries of the caller's own area only (deliveryScope); takes no id (tests/integration/notification-admin.test.ts: another area's admin re-queues nothing)",
      input: () => ({}),
    },
  }),
  ...actions("lib/platform/notifications/preference-actions", notificationPreferenceActions, {
    setNotificationPreferenceAction: { kind: "self", reason: "sets the caller's own switch (row keyed by the caller's id); takes no id", input: () => ({ kind: "visits.overdue", channel: "dingtalk", enabled: false }) },
  }),
  ...actions("lib/platform/org/actions", orgActions, {
    createOrgUnitAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ parentId: fx.unit["XS-PY-JY"]!.id, name: "伪造网格", kind: "GRID", idempotencyKey: key() }) },
    renameOrgUnitAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ id: fx.unit["XS-PY-JY"]!.id, name: "伪造", version: fx.unit["XS-PY-JY"]!.version }) },
    moveOrgUnitAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ id: fx.unit["XS-PY-JY"]!.id, newParentId: fx.unit["XS-PY-AS"]!.id, version: fx.unit["XS-PY-JY"]!.version }) },
    setOrgUnitActiveAction: { kind: "write", owner: "XS-PY-AS", input: (fx) => ({ id: fx.unit["XS-PY-AS"]!.id, active: false, version: fx.unit["XS-PY-AS"]!.version }) },
  }),
  ...actions("lib/talent/points/application-actions", applicationActions, {
    createApplicationAction: {
      kind: "write", owner: "YH-ETDZ",
      input: (fx) => ({ subject: "TALENT", talentId: fx.talent.id, enterpriseId: "", lines: [{ itemId: fx.pointItem.id, levelCode: (fx.pointItem.levels as { code: string }[])[0]!.code, quantity: 1, note: "" }], idempotencyKey: key() }),
    },
    updateApplicationAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({ ...move(fx.applications.draft), lines: fx.applications.draft.lines.map((l) => ({ itemId: l.itemId, levelCode: l.levelCode, quantity: l.quantity + 1, note: "伪造" })) }),
    },
    uploadEvidenceAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => form({ applicationId: fx.applications.draft.id, evidenceType: "证书", lineId: "", file: file("probe.png", "image/png", PROBE_PNG) }),
    },
    removeEvidenceAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ applicationId: fx.applications.draft.id, evidenceId: fx.evidence.id }) },
    submitApplicationAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ ...move(fx.applications.draft), note: "" }) },
    startReviewAction: { kind: "write", owner: "YH", input: (fx) => ({ ...move(fx.applications.submitted), note: "" }) },
    returnApplicationAction: { kind: "write", owner: "YH", input: (fx) => ({ ...move(fx.applications.underReview), note: "伪造退回" }) },
    rejectApplicationAction: { kind: "write", owner: "YH", input: (fx) => ({ ...move(fx.applications.underReview), note: "伪造驳回" }) },
    approveApplicationAction: { kind: "write", owner: "YH", input: (fx) => ({ ...move(fx.applications.underReview), note: "" }) },
  }),
  ...actions("lib/talent/points/config-actions", pointsConfigActions, {
    saveItemAction: { kind: "write", owner: "YH-ETDZ", input: itemInput },
    saveResourceAction: {
      kind: "write", owner: "YH-ETDZ",
      input: (fx) => ({ id: fx.resource.id, version: fx.resource.version, code: fx.resource.code, name: "伪造资源", pointsCost: fx.resource.pointsCost + 1, eligibility: fx.resource.eligibility, active: true }),
    },
    saveQuotaAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ resourceId: fx.resource.id, period: String(fx.year), orgUnitId: fx.unit["YH-ETDZ"]!.id, total: 99 }) },
    saveTiersAction: {
      kind: "write", owner: "YH-ETDZ",
      input: (fx) => ({ tiers: fx.tiers.map((t) => ({ tier: t.tier, name: `${t.name}伪`, minPoints: t.minPoints, quotas: Object.entries((t.quotas ?? {}) as Record<string, number>).map(([code, places]) => ({ code, places })) })) }),
    },
    saveSettingsAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ version: fx.talentPoints.version, evaluation: { mode: "PROPORTIONAL", max: 8, tierScores: [8, 6, 4, 2], pointsForMax: 300 } }) },
    allocateTierQuotasAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ year: fx.year }) },
    addDefaultsAction: { kind: "write", owner: "YH-ETDZ", input: () => ({}) },
  }),
  ...actions("lib/talent/points/ledger-actions", ledgerActions, {
    reverseGrantAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ seq: String(fx.grant.seq), reason: "伪造冲正" }) },
  }),
  ...actions("lib/talent/points/redemption-actions", redemptionActions, {
    requestRedemptionAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ resourceId: fx.resource.id, mode: "TALENT", talentId: fx.talent.id, enterpriseId: "", note: "", idempotencyKey: key() }) },
    decideRedemptionAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.redemptions.requested), decision: "APPROVE", note: "" }) },
    fulfilRedemptionAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.redemptions.approved), note: "" }) },
    cancelRedemptionAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.redemptions.requested), note: "伪造取消" }) },
  }),
  ...actions("lib/problems/actions", problemActions, {
    transitionProblemAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ ...move(fx.problem), to: "IN_PROGRESS", note: "" }) },
    assignProblemAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ ...move(fx.problem), assigneeId: fx.users["py.jy.officer"]!.id }) },
  }),
  ...actions("lib/programmes/actions", programmeActions, {
    createProgrammeAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ ...programmeInput(fx), type: "VISIT_CAMPAIGN", idempotencyKey: key() }) },
    updateProgrammeAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ ...programmeInput(fx), orgUnitId: fx.unit["XS-PY"]!.id, id: fx.campaign.id, version: fx.campaign.version }) },
    setProgrammeStatusAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ id: fx.campaign.id, version: fx.campaign.version, status: "CLOSED" }) },
  }),
  ...actions("lib/programmes/rollover-actions", rolloverActions, {
    rolloverProgrammeAction: {
      kind: "write", owner: "XS-PY",
      input: (fx) => ({ id: fx.campaign.id, version: fx.campaign.version, name: "伪造结转", startDate: `${fx.year + 1}-01-01`, endDate: `${fx.year + 1}-12-31`, periodMap: [] }),
    },
  }),
  ...actions("lib/programmes/notification-rules-actions", notificationRuleActions, {
    saveNotificationRulesAction: { kind: "write", owner: "XS-PY", input: (fx) => ({ programmeId: fx.campaign.id, rules: [{ kind: "visits.overdue", external: false, urgent: true }] }) },
  }),
  ...actions("lib/registers/actions", registerActions, {
    createHouseholdAction: {
      kind: "write", owner: "XS-PY-JY",
      input: (fx) => ({ householdKey: "SWEEP-PROBE-1", headName: "伪造户主", address: "", orgUnitId: fx.unit["XS-PY-JY"]!.id, membersCount: 3, tags: "", phone: "", idempotencyKey: key() }),
    },
    updateHouseholdAction: {
      kind: "write", owner: "XS-PY-JY",
      input: (fx) => ({ ...move(fx.household), headName: "伪造户主", address: fx.household.address, orgUnitId: fx.household.orgUnitId, membersCount: fx.household.membersCount, tags: "", phone: "", clearPhone: true }),
    },
    setHouseholdActiveAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ ...move(fx.household), active: false }) },
    unmaskHouseholdPhoneAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ id: fx.household.id }) },
    createEnterpriseAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({ name: "伪造企业", creditCode: fx.newCreditCode, address: "", orgUnitId: fx.unit["YH-LZ"]!.id, industry: "", size: "SMALL_MICRO", contactName: "", commissionerId: "", contactPhone: "", idempotencyKey: key() }),
    },
    updateEnterpriseAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({
        ...move(fx.lzEnterprise), name: "伪造企业", creditCode: fx.lzEnterprise.creditCode, address: fx.lzEnterprise.address, orgUnitId: fx.lzEnterprise.orgUnitId, industry: fx.lzEnterprise.industry ?? "",
        size: fx.lzEnterprise.size, contactName: "", commissionerId: "", contactPhone: "", clearPhone: true,
      }),
    },
    setEnterpriseActiveAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ ...move(fx.lzEnterprise), active: false }) },
    unmaskEnterprisePhoneAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ id: fx.lzEnterprise.id }) },
  }),
  ...actions("lib/registers/import-actions", importActions, {
    startImportAction: {
      kind: "self",
      reason: "confirms the caller's own stored upload: uploads are stored under the uploader's user id (imports/<userId>/<importId>), so another user's import id names nothing; the job writes as the uploader, within their scope",
      input: () => ({ kind: "households", importId: key() }),
    },
    discardImportAction: { kind: "self", reason: "deletes the caller's own stored upload (keyed by the caller's user id); no database row" },
  }),
  ...actions("lib/showcases/actions", showcaseActions, {
    createSessionAction: {
      kind: "write", owner: "YH-FST",
      input: (fx) => ({ programmeId: fx.showcase.id, quarter: `${fx.year + 1}-Q1`, heldOn: `${fx.year + 1}-03-01`, place: "", trimMinJudges: 3, criteria: DEFAULT_CRITERIA, idempotencyKey: key() }),
    },
    saveCriteriaAction: {
      kind: "write", owner: "YH-FST",
      input: (fx) => ({ sessionId: fx.openSession.id, version: fx.openSession.version, criteria: fx.openSession.criteria.map((c) => ({ dimension: c.dimension, name: `${c.name}伪`, weight: Number(c.weight), maxScore: c.maxScore })) }),
    },
    addEntryAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ sessionId: fx.openSession.id, officerId: fx.users["fst.officer2"]!.id, topic: "伪造选题", narrative: "", idempotencyKey: key() }) },
    updateNarrativeAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ entryId: fx.entry.id, topic: "伪造选题", narrative: "伪造" }) },
    uploadNarrativeAction: { kind: "write", owner: "YH-FST", input: (fx) => form({ entryId: fx.entry.id, file: file("probe.txt", "text/plain", "伪造材料 sweep probe") }) },
    addJudgeAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ sessionId: fx.openSession.id, userId: fx.users["fst.officer2"]!.id }) },
    removeJudgeAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ sessionId: fx.openSession.id, userId: fx.openSession.judges[0]!.userId }) },
    declareConflictAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ entryId: fx.entry.id, judgeId: fx.openSession.judges[0]!.userId, reason: "伪造回避" }) },
    saveScoreSheetAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ entryId: fx.entry.id, scores: fx.openSession.criteria.map((c) => ({ criterionId: c.id, score: 1 })) }) },
    closeSessionAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ sessionId: fx.openSession.id, version: fx.openSession.version }) },
    addToTalentListAction: { kind: "write", owner: "YH-FST", input: (fx) => ({ entryId: fx.closedSession.entries[0]!.id, list: "YOUNG", note: "" }) },
    readSessionScoresAction: { kind: "read", owner: "YH-FST", input: (fx) => ({ sessionId: fx.closedSession.id }) },
  }),
  ...actions("lib/service-stations/actions", serviceStationActions, {
    createCaseAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({ stationId: fx.station.id, channel: "WALK_IN", enterpriseId: fx.lzEnterprise.id, newEnterprise: null, bundleId: "", itemIds: [fx.stationItems[0]!.id], visitorName: "", request: "伪造办件", scheduledAt: "", idempotencyKey: key() }),
    },
    startCaseAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ caseId: fx.scheduledCase.id, version: fx.scheduledCase.version }) },
    assignCaseAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ caseId: fx.serviceCase.id, version: fx.serviceCase.version, staffId: fx.users["lz.qqb"]!.id }) },
    finishCaseAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ caseId: fx.serviceCase.id, version: fx.serviceCase.version, outcome: "COMPLETED", outcomeNote: "", finishedAt: "" }) },
    cancelCaseAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ caseId: fx.scheduledCase.id, version: fx.scheduledCase.version, reason: "伪造" }) },
    openRoundTableAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ caseId: fx.serviceCase.id, version: fx.serviceCase.version, topic: "伪造会商", departments: ["市场监管局", "消防救援大队"] }) },
    answerRoundTableAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ roundTableId: fx.roundTable.id, department: "市场监管局", verdict: "AGREE", comment: "" }) },
    uploadCaseDocumentAction: { kind: "write", owner: "YH-LZ", input: (fx) => form({ caseId: fx.serviceCase.id, file: file("probe.png", "image/png", PROBE_PNG) }) },
    searchCaseEnterprisesAction: { kind: "read", owner: "YH-LZ", input: (fx) => ({ q: fx.lzEnterprise.name.slice(0, 2) }) },
  }),
  ...actions("lib/talent/actions", talentActions, {
    createTalentAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...talentFields(fx), idNumber: fx.newIdNumber, idempotencyKey: key() }) },
    updateTalentAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ ...move(fx.talent), ...talentFields(fx), idNumber: "" }) },
    unmaskTalentIdAction: { kind: "write", owner: "YH-ETDZ", input: (fx) => ({ id: fx.talent.id }) },
  }),
  ...actions("lib/users/actions", userActions, {
    createUserAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ username: "forged.user", name: "伪造", phone: "", role: "OFFICER", orgUnitId: fx.unit["XS-PY-JY"]!.id, idempotencyKey: key() }) },
    updateUserAction: {
      kind: "write", owner: "XS-PY-JY",
      input: (fx) => { const u = fx.users["py.jy.officer"]!; return { id: u.id, version: u.version, name: "伪造", phone: "", role: "ADMIN", orgUnitId: u.orgUnitId }; },
    },
    setUserActiveAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ ...move(fx.users["py.jy.officer"]!), active: false }) },
    resetUserPasswordAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => move(fx.users["py.jy.officer"]!) },
  }),
  ...actions("lib/visits/actions", visitActions, {
    createVisitAction: {
      kind: "write", owner: "XS-PY-JY",
      input: (fx) => ({
        programmeId: fx.campaign.id, officerId: "", kind: "HOUSEHOLD", placeType: "HOUSEHOLD", placeId: fx.household.id, visitedAt: visitedAt(fx), mentorId: "",
        checklist: [], services: [], notes: "伪造走访", latitude: "", longitude: "", problems: [], idempotencyKey: key(),
      }),
    },
    updateVisitAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ ...move(fx.visit), visitedAt: visitedAt(fx), mentorId: "", checklist: [], services: [], notes: "伪造", latitude: "", longitude: "" }) },
    uploadVisitPhotoAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => form({ visitId: fx.visit.id, photo: file("probe.png", "image/png", PROBE_PNG), idempotencyKey: key() }) },
    deleteVisitPhotoAction: { kind: "write", owner: "XS-PY-JY", input: (fx) => ({ visitId: fx.visit.id, photoId: fx.photo.id }) },
    searchPlacesAction: { kind: "read", owner: "XS-PY-JY", input: (fx) => ({ placeType: "HOUSEHOLD", q: fx.household.headName.slice(0, 1) }) },
  }),

  // ——— Route handlers ———
  ...routes("app/(app)/hotline/reports/export/route", hotlineReportExport, {
    GET: { kind: "route", owner: "YH-LZ", url: (fx) => `/hotline/reports/export?programme=${fx.hotline.id}&period=year` },
  }),
  ...routes("app/(app)/showcases/entries/[entryId]/narrative/route", narrativeRoute, {
    GET: { kind: "route", owner: "YH-FST", url: (fx) => `/showcases/entries/${fx.entry.id}/narrative`, params: (fx) => ({ entryId: fx.entry.id }) },
  }),
  ...routes("app/(public)/service/feedback/route", publicFeedbackRoute, {
    POST: { kind: "public", reason: "the enterprise's own feedback: proven by request number + tracking code (tests/integration/hotline-public.test.ts), rate-limited per address" },
  }),
  ...routes("app/(public)/service/submit/route", publicSubmitRoute, {
    POST: { kind: "public", reason: "the public hotline form: creates a request in the chosen programme, rate-limited per address, honeypot; returns only its own number and code" },
  }),
  ...routes("app/api/auth/[...nextauth]/route", authRoute, {
    GET: { kind: "public", reason: "Auth.js's own endpoints (session, csrf, providers): no business data" },
    POST: { kind: "public", reason: "Auth.js's own sign-in/sign-out: credentials with lockout (tests/integration/auth.test.ts); no business data" },
  }),
  ...routes("app/api/exports/dashboard/route", dashboardExport, {
    GET: { kind: "route", owner: "XS-PY", url: (fx) => `/api/exports/dashboard?unit=${fx.unit["XS-PY"]!.id}&programme=${fx.campaign.id}&table=panel` },
  }),
  ...routes("app/api/exports/pairings/route", pairingsExport, {
    GET: { kind: "route", owner: "XS-PY", url: (fx) => `/api/exports/pairings?programme=${fx.mentorship.id}` },
  }),
  ...routes("app/api/exports/point-applications/route", pointApplicationsExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: () => `/api/exports/point-applications` },
  }),
  ...routes("app/api/exports/problems/route", problemsExport, {
    GET: { kind: "route", owner: "XS-PY", url: (fx) => `/api/exports/problems?campaign=${fx.campaign.id}&status=OPEN` },
  }),
  ...routes("app/api/exports/rankings/route", rankingsExport, {
    GET: { kind: "route", owner: "XS-PY", url: (fx) => `/api/exports/rankings?scheme=${fx.rankingScheme.id}&period=year` },
  }),
  ...routes("app/api/exports/redemptions/route", redemptionsExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: () => `/api/exports/redemptions` },
  }),
  ...routes("app/api/exports/requests/route", requestsExport, {
    GET: { kind: "route", owner: "YH-LZ", url: () => `/api/exports/requests?tab=all` },
  }),
  ...routes("app/api/exports/service-stations/catalogue/route", catalogueExport, {
    GET: { kind: "route", owner: "YH-LZ", url: (fx) => `/api/exports/service-stations/catalogue?station=${fx.station.id}` },
  }),
  ...routes("app/api/exports/service-stations/progress/route", stationProgressExport, {
    GET: { kind: "route", owner: "YH-LZ", url: (fx) => `/api/exports/service-stations/progress?station=${fx.station.id}&period=year` },
  }),
  ...routes("app/api/exports/showcase/route", showcaseExport, {
    GET: { kind: "route", owner: "YH-FST", url: (fx) => `/api/exports/showcase?session=${fx.closedSession.id}` },
  }),
  ...routes("app/api/exports/talents/route", talentsExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: (fx) => `/api/exports/talents?enterprise=${fx.etdzEnterprise.id}` },
  }),
  ...routes("app/api/exports/task-forces/route", taskForcesExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: (fx) => `/api/exports/task-forces?programme=${fx.investment.id}` },
  }),
  ...routes("app/api/exports/trips/route", tripsExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: (fx) => `/api/exports/trips?programme=${fx.investment.id}` },
  }),
  ...routes("app/api/exports/visits/route", visitsExport, {
    GET: { kind: "route", owner: "XS-PY", url: (fx) => `/api/exports/visits?campaign=${fx.campaign.id}&officer=${fx.users["py.jy.officer"]!.id}` },
  }),
  ...routes("app/api/field/problems/[id]/route", fieldProblemRoute, {
    GET: { kind: "route", owner: "XS-PY-JY", url: (fx) => `/api/field/problems/${fx.problem.id}`, params: (fx) => ({ id: fx.problem.id }) },
  }),
  ...routes("app/api/field/sync/route", fieldSyncRoute, {
    POST: { kind: "self", reason: "hands each item to the online form's own action (createVisitAction etc., each swept above with foreign ids); the route adds no scope of its own", url: () => "/api/field/sync" },
  }),
  ...routes("app/api/field/work-set/route", fieldWorkSetRoute, {
    GET: { kind: "self", reason: "the caller's own work set (their area, their campaigns, their problems): no id to give; tests/integration/field-work-set.test.ts checks another village's rows never appear", url: () => "/api/field/work-set" },
  }),
  ...routes("app/api/health/route", healthRoute, {
    GET: { kind: "public", reason: "liveness probe: answers ok/not ok, no data" },
  }),
  ...routes("app/sw.js/route", serviceWorkerRoute, {
    GET: { kind: "public", reason: "the field app's service worker script (the same file for everyone, no data); the browser's update check has no session" },
  }),
  ...routes("app/api/investment/export/route", investmentExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: (fx) => `/api/investment/export?programme=${fx.investment.id}&from=${fx.year}-01-01&to=${fx.year}-12-31` },
  }),
  ...routes("app/api/investment/key-projects/route", keyProjectsRoute, {
    GET: { kind: "route", owner: "YH", url: (fx) => `/api/investment/key-projects?programme=${fx.keyProjects.id}` },
  }),
  ...routes("app/api/registers/[kind]/export/route", registerExport, {
    GET: { kind: "route", owner: "XS-PY", url: (fx) => `/api/registers/households/export?org=${fx.unit["XS-PY-JY"]!.id}&active=all`, params: () => ({ kind: "households" }) },
  }),
  ...routes("app/api/registers/import/route", registerImport, {
    POST: { kind: "self", reason: "stores the caller's own upload under the caller's user id and previews it; writes no register row (the import job does)" },
  }),
  ...routes("app/api/registers/import/[importId]/route", registerImportProgress, {
    GET: { kind: "self", reason: "the caller's own import's progress: found by the import id and the caller's user id, any other id is a 404", url: () => "/api/registers/import/00000000-0000-4000-8000-000000000017", params: () => ({ importId: "00000000-0000-4000-8000-000000000017" }) },
  }),
  ...routes("app/api/registers/template/route", registerTemplate, {
    GET: { kind: "self", reason: "a blank import template (column headers only): no records", url: () => `/api/registers/template?kind=households` },
  }),
  ...routes("app/api/talent/evaluation/export/route", talentEvaluationExport, {
    GET: { kind: "route", owner: "YH-ETDZ", url: (fx) => `/api/talent/evaluation/export?year=${fx.year}&org=${fx.unit["YH-ETDZ"]!.id}` },
  }),
  ...actions("lib/service-stations/catalogue-actions", catalogueActions, {
    createStationAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ programmeId: fx.stationProgramme.id, orgUnitId: fx.unit["YH-LZ"]!.id, name: "伪造驿站", address: "", hours: "", idempotencyKey: key() }) },
    updateStationAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ id: fx.station.id, version: fx.station.version, name: "伪造驿站", address: "", hours: "", active: false }) },
    createItemAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({ stationId: fx.station.id, code: "SW-FORGED", kind: "STAFFED", name: "伪造事项", category: "", department: "", documentsNeeded: "", standardMinutes: 1, usualMinutes: 2, sortOrder: 0, idempotencyKey: key() }),
    },
    updateItemAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => { const i = fx.stationItems[0]!; return { id: i.id, version: i.version, code: i.code, kind: i.kind, name: "伪造事项", category: "", department: "", documentsNeeded: "", standardMinutes: 1, usualMinutes: 2, sortOrder: 0, active: false }; },
    },
    importCatalogueAction: { kind: "write", owner: "YH-LZ", input: (fx) => form({ stationId: fx.station.id, file: file("catalogue.csv", "text/csv", "编码,类型(人工/自助),名称,承诺时限(分钟),常规办理时长(分钟)\nSW-A,人工,伪造,1,2") }) },
    createBundleAction: { kind: "write", owner: "YH-LZ", input: (fx) => ({ stationId: fx.station.id, code: "SW-FORGED", name: "伪造一类事", description: "", itemIds: fx.stationItems.map((i) => i.id), idempotencyKey: key() }) },
    updateBundleAction: {
      kind: "write", owner: "YH-LZ",
      input: (fx) => ({ id: fx.stationBundle.id, version: fx.stationBundle.version, code: fx.stationBundle.code, name: "伪造一类事", description: "", itemIds: fx.stationItems.map((i) => i.id).reverse(), active: false }),
    },
  }),
  ...routes("app/api/service-stations/documents/[documentId]/route", caseDocumentRoute, {
    GET: { kind: "route", owner: "YH-LZ", url: (fx) => `/api/service-stations/documents/${fx.caseDocument.id}`, params: (fx) => ({ documentId: fx.caseDocument.id }) },
  }),
  ...routes("app/api/reports/[reportId]/route", managerReportRoute, {
    GET: {
      kind: "self",
      reason: "a manager report is its owner's alone (WHERE userId = caller), not an area's: any other user's id answers 404 (tests/integration/manager-reports.test.ts)",
      url: () => "/api/reports/sweep-probe", params: () => ({ reportId: "sweep-probe" }),
    },
  }),
  ...routes("app/api/talent/evidence/[evidenceId]/route", evidenceRoute, {
    GET: { kind: "route", owner: "YH-LZ", url: (fx) => `/api/talent/evidence/${fx.evidence.id}`, params: (fx) => ({ evidenceId: fx.evidence.id }) },
  }),
  ...routes("app/api/visits/[visitId]/photos/[photoId]/route", visitPhotoRoute, {
    GET: { kind: "route", owner: "XS-PY-JY", url: (fx) => `/api/visits/${fx.visit.id}/photos/${fx.photo.id}`, params: (fx) => ({ visitId: fx.visit.id, photoId: fx.photo.id }) },
  }),
];

/** The enterprise register export is one handler for both kinds: sweep the second kind too. */
export const EXTRA_ROUTE_CALLS: SweepEntry[] = [
  {
    key: "app/api/registers/[kind]/export/route#GET(enterprises)", kind: "route", owner: "YH-LZ",
    call: (fx) => (registerExport.GET as Fn)(new Request(`${ORIGIN}/api/registers/enterprises/export?org=${fx.unit["YH-LZ"]!.id}&active=all`), { params: Promise.resolve({ kind: "enterprises" }) }),
  },
];

/** The contract an action was built from (`action(contract, …)`), read from its type. */
type ContractOf<F> = F extends ContractAction<infer C, infer _T> ? C : never;

/** An upload: its input is FormData, which the field check below cannot read as an object. */
const UPLOAD = "upload";

/**
 * The action's own schema, read from its contract. tsc refuses a module's entry that leaves
 * out one of its contract actions or gives it another action's contract, so the schema is the
 * one the action parses.
 */
function contracts<M extends object>(
  module: string,
  _actions: M,
  byName: { [K in keyof M as [ContractOf<M[K]>] extends [never] ? never : K]: ContractOf<M[K]> | typeof UPLOAD },
): [string, z.ZodType][] {
  return Object.entries(byName as Record<string, AnyContract | typeof UPLOAD>).flatMap(([name, contract]) =>
    contract === UPLOAD ? [] : [[`${module}#${name}`, contract.schema] as [string, z.ZodType]],
  );
}

/**
 * The zod schema each action parses its input with, so that
 * tests/integration/authz-sweep.test.ts can show every input above would pass the field
 * check: a refusal is then the authorization's, not a typo's. Writes take it from their
 * contract; reads (readAction) name theirs. Uploads (FormData) are judged by their refusal
 * message instead.
 */
export const INPUT_SCHEMAS: Record<string, z.ZodType> = Object.fromEntries([
  ...contracts("lib/account/actions", accountActions, {
    changeOwnPasswordAction: userSchemas.changeOwnPasswordContract,
  }),
  ...contracts("lib/platform/calendar/actions", calendarActions, {
    saveCalendarDayAction: calendarSchemas.saveCalendarDayContract,
    deleteCalendarDayAction: calendarSchemas.deleteCalendarDayContract,
    bulkLoadCalendarAction: calendarSchemas.bulkLoadCalendarContract,
    confirmCalendarYearAction: calendarSchemas.confirmCalendarYearContract,
    unconfirmCalendarYearAction: calendarSchemas.unconfirmCalendarYearContract,
  }),
  ...contracts("lib/visits/campaigns/actions", campaignActions, {
    saveCampaignSetupAction: campaignSchemas.saveCampaignSetupContract,
  }),
  ...contracts("lib/rankings/actions", rankingActions, {
    saveRankingSchemeAction: rankingSchemas.saveRankingSchemeContract,
  }),
  ...contracts("lib/events/actions", eventActions, {
    createEventAction: eventSchemas.createEventContract,
  }),
  ...contracts("lib/hotline/actions", hotlineActions, {
    intakeRequestAction: hotlineSchemas.intakeRequestContract,
    acceptRequestAction: hotlineSchemas.acceptRequestContract,
    assignRequestAction: hotlineSchemas.assignRequestContract,
    reassignRequestAction: hotlineSchemas.reassignRequestContract,
    sendBackRequestAction: hotlineSchemas.sendBackRequestContract,
    respondRequestAction: hotlineSchemas.respondRequestContract,
    resolveRequestAction: hotlineSchemas.resolveRequestContract,
    closeRequestAction: hotlineSchemas.closeRequestContract,
    reopenRequestAction: hotlineSchemas.reopenRequestContract,
    mergeRequestAction: hotlineSchemas.mergeRequestContract,
    chaseRequestAction: hotlineSchemas.chaseRequestContract,
    requestExtensionAction: hotlineSchemas.requestExtensionContract,
    decideExtensionAction: hotlineSchemas.decideExtensionContract,
    linkRequestEnterpriseAction: hotlineSchemas.linkRequestEnterpriseContract,
    unmaskCallerPhoneAction: hotlineSchemas.unmaskCallerPhoneContract,
  }),
  ...contracts("lib/investment/actions", investmentActions, {
    createTaskForceAction: investmentSchemas.createTaskForceContract,
    updateTaskForceAction: investmentSchemas.updateTaskForceContract,
    createTripAction: investmentSchemas.createTripContract,
    createLeadAction: investmentSchemas.createLeadContract,
    transitionLeadAction: investmentSchemas.transitionLeadContract,
    convertProspectAction: investmentSchemas.convertProspectContract,
    updateInvestmentSettingsAction: investmentSchemas.updateInvestmentSettingsContract,
  }),
  ...contracts("lib/key-projects/actions", keyProjectActions, {
    createKeyProjectAction: keyProjectSchemas.createKeyProjectContract,
    updateMilestoneAction: keyProjectSchemas.updateMilestoneContract,
    advanceStageAction: keyProjectSchemas.advanceStageContract,
    createBlockerAction: keyProjectSchemas.createBlockerContract,
    createPledgeAction: keyProjectSchemas.createPledgeContract,
    completePledgeAction: keyProjectSchemas.completePledgeContract,
  }),
  ...contracts("lib/mentorship/actions", mentorshipActions, {
    addPoolMemberAction: mentorshipSchemas.addPoolMemberContract,
    changeMemberStatusAction: mentorshipSchemas.changeMemberStatusContract,
    changeMemberFlagsAction: mentorshipSchemas.changeMemberFlagsContract,
    changeCapacityAction: mentorshipSchemas.changeCapacityContract,
    createPairingAction: mentorshipSchemas.createPairingContract,
    endPairingAction: mentorshipSchemas.endPairingContract,
    evaluatePairingAction: mentorshipSchemas.evaluatePairingContract,
    changePlanAction: mentorshipSchemas.changePlanContract,
    signOffMilestoneAction: mentorshipSchemas.signOffMilestoneContract,
    logActivityAction: mentorshipSchemas.logActivityContract,
    saveSettingsAction: mentorshipSchemas.saveSettingsContract,
    saveTemplateAction: mentorshipSchemas.saveTemplateContract,
  }),
  ...contracts("lib/platform/notifications/actions", notificationActions, {
    markNotificationReadAction: notificationSchemas.markNotificationReadContract,
    markAllNotificationsReadAction: notificationSchemas.markAllNotificationsReadContract,
  }),
  ...contracts("lib/platform/notifications/admin-actions", notificationAdminActions, {
    retryDeliveryAction: notificationSchemas.retryDeliveryContract,
    retryAllFailedDeliveriesAction: notificationSchemas.retryAllFailedDeliveriesContract,
  }),
  ...contracts("lib/platform/notifications/preference-actions", notificationPreferenceActions, {
    setNotificationPreferenceAction: notificationSchemas.setNotificationPreferenceContract,
  }),
  ...contracts("lib/platform/org/actions", orgActions, {
    createOrgUnitAction: orgSchemas.createOrgUnitContract,
    renameOrgUnitAction: orgSchemas.renameOrgUnitContract,
    moveOrgUnitAction: orgSchemas.moveOrgUnitContract,
    setOrgUnitActiveAction: orgSchemas.setOrgUnitActiveContract,
  }),
  ...contracts("lib/talent/points/application-actions", applicationActions, {
    createApplicationAction: pointsSchemas.createApplicationContract,
    updateApplicationAction: pointsSchemas.updateApplicationContract,
    uploadEvidenceAction: UPLOAD,
    removeEvidenceAction: pointsSchemas.removeEvidenceContract,
    submitApplicationAction: pointsSchemas.submitApplicationContract,
    startReviewAction: pointsSchemas.startReviewContract,
    returnApplicationAction: pointsSchemas.returnApplicationContract,
    rejectApplicationAction: pointsSchemas.rejectApplicationContract,
    approveApplicationAction: pointsSchemas.approveApplicationContract,
  }),
  ...contracts("lib/talent/points/config-actions", pointsConfigActions, {
    saveItemAction: pointsSchemas.saveItemContract,
    saveResourceAction: pointsSchemas.saveResourceContract,
    saveQuotaAction: pointsSchemas.saveQuotaContract,
    saveTiersAction: pointsSchemas.saveTiersContract,
    saveSettingsAction: pointsSchemas.saveSettingsContract,
    allocateTierQuotasAction: pointsSchemas.allocateTierQuotasContract,
    addDefaultsAction: pointsSchemas.addDefaultsContract,
  }),
  ...contracts("lib/talent/points/ledger-actions", ledgerActions, {
    reverseGrantAction: pointsSchemas.reverseGrantContract,
  }),
  ...contracts("lib/talent/points/redemption-actions", redemptionActions, {
    requestRedemptionAction: pointsSchemas.requestRedemptionContract,
    decideRedemptionAction: pointsSchemas.decideRedemptionContract,
    fulfilRedemptionAction: pointsSchemas.fulfilRedemptionContract,
    cancelRedemptionAction: pointsSchemas.cancelRedemptionContract,
  }),
  ...contracts("lib/problems/actions", problemActions, {
    transitionProblemAction: problemSchemas.transitionProblemContract,
    assignProblemAction: problemSchemas.assignProblemContract,
  }),
  ...contracts("lib/programmes/actions", programmeActions, {
    createProgrammeAction: programmeSchemas.createProgrammeContract,
    updateProgrammeAction: programmeSchemas.updateProgrammeContract,
    setProgrammeStatusAction: programmeSchemas.setProgrammeStatusContract,
  }),
  ...contracts("lib/programmes/rollover-actions", rolloverActions, {
    rolloverProgrammeAction: rolloverSchemas.rolloverProgrammeContract,
  }),
  ...contracts("lib/programmes/notification-rules-actions", notificationRuleActions, {
    saveNotificationRulesAction: notificationRuleSchemas.saveNotificationRulesContract,
  }),
  ...contracts("lib/registers/actions", registerActions, {
    createHouseholdAction: registerSchemas.createHouseholdContract,
    updateHouseholdAction: registerSchemas.updateHouseholdContract,
    setHouseholdActiveAction: registerSchemas.setHouseholdActiveContract,
    unmaskHouseholdPhoneAction: registerSchemas.unmaskHouseholdPhoneContract,
    createEnterpriseAction: registerSchemas.createEnterpriseContract,
    updateEnterpriseAction: registerSchemas.updateEnterpriseContract,
    setEnterpriseActiveAction: registerSchemas.setEnterpriseActiveContract,
    unmaskEnterprisePhoneAction: registerSchemas.unmaskEnterprisePhoneContract,
  }),
  ...contracts("lib/registers/import-actions", importActions, {
    startImportAction: registerSchemas.importStartContract,
  }),
  ...contracts("lib/showcases/actions", showcaseActions, {
    createSessionAction: showcaseSchemas.createSessionContract,
    saveCriteriaAction: showcaseSchemas.saveCriteriaContract,
    addEntryAction: showcaseSchemas.addEntryContract,
    updateNarrativeAction: showcaseSchemas.updateNarrativeContract,
    uploadNarrativeAction: UPLOAD,
    addJudgeAction: showcaseSchemas.addJudgeContract,
    removeJudgeAction: showcaseSchemas.removeJudgeContract,
    declareConflictAction: showcaseSchemas.declareConflictContract,
    saveScoreSheetAction: showcaseSchemas.saveScoreSheetContract,
    closeSessionAction: showcaseSchemas.closeSessionContract,
    addToTalentListAction: showcaseSchemas.addToTalentListContract,
  }),
  ...contracts("lib/service-stations/catalogue-actions", catalogueActions, {
    createStationAction: serviceStationSchemas.createStationContract,
    updateStationAction: serviceStationSchemas.updateStationContract,
    createItemAction: serviceStationSchemas.createItemContract,
    updateItemAction: serviceStationSchemas.updateItemContract,
    importCatalogueAction: UPLOAD,
    createBundleAction: serviceStationSchemas.createBundleContract,
    updateBundleAction: serviceStationSchemas.updateBundleContract,
  }),
  ...contracts("lib/service-stations/actions", serviceStationActions, {
    createCaseAction: serviceStationSchemas.createCaseContract,
    startCaseAction: serviceStationSchemas.startCaseContract,
    assignCaseAction: serviceStationSchemas.assignCaseContract,
    finishCaseAction: serviceStationSchemas.finishCaseContract,
    cancelCaseAction: serviceStationSchemas.cancelCaseContract,
    openRoundTableAction: serviceStationSchemas.openRoundTableContract,
    answerRoundTableAction: serviceStationSchemas.answerRoundTableContract,
    uploadCaseDocumentAction: UPLOAD,
  }),
  ...contracts("lib/talent/actions", talentActions, {
    createTalentAction: talentSchemas.createTalentContract,
    updateTalentAction: talentSchemas.updateTalentContract,
    unmaskTalentIdAction: talentSchemas.unmaskTalentIdContract,
  }),
  ...contracts("lib/users/actions", userActions, {
    createUserAction: userSchemas.createUserContract,
    updateUserAction: userSchemas.updateUserContract,
    setUserActiveAction: userSchemas.setUserActiveContract,
    resetUserPasswordAction: userSchemas.resetUserPasswordContract,
  }),
  ...contracts("lib/visits/actions", visitActions, {
    createVisitAction: visitSchemas.createVisitContract,
    updateVisitAction: visitSchemas.updateVisitContract,
    uploadVisitPhotoAction: UPLOAD,
    deleteVisitPhotoAction: visitSchemas.deleteVisitPhotoContract,
  }),
  // Reads (readAction): a bare schema, no contract.
  ["lib/investment/actions#lookupEnterprisesAction", investmentSchemas.enterpriseLookupSchema],
  ["lib/mentorship/actions#suggestMentorsAction", mentorshipSchemas.suggestMentorsSchema],
  ["lib/showcases/actions#readSessionScoresAction", showcaseSchemas.sessionIdSchema],
  ["lib/visits/actions#searchPlacesAction", visitSchemas.searchPlacesSchema],
]);

type Actor = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

type ListSpec = { owner: string; alsoOwnedBy?: (fx: SweepFixtures) => (string | null | undefined)[]; run: (actor: Actor, fx: SweepFixtures) => Promise<unknown> };

function lists(module: string, specs: Record<string, ListSpec>): SweepEntry[] {
  return Object.entries(specs).map(([name, spec]) => ({
    key: `${module}#${name}`,
    kind: "read" as const,
    owner: spec.owner,
    alsoOwnedBy: spec.alsoOwnedBy,
    call: async (fx: SweepFixtures) => spec.run((await getCurrentUser())!, fx),
  }));
}

/**
 * The list queries that take an actor (lib/<domain>/queries.ts and friends), as the pages call
 * them for the signed-in user, with another area's programme or unit as the filter. They are
 * not actions, so the completeness test does not require them; the sweep reads them as reads
 * (a NotFoundError is a refusal, rows must not show another area).
 */
export const LIST_QUERIES: SweepEntry[] = [
  ...lists("lib/visits/campaigns/queries", { listCampaigns: { owner: "XS-PY", run: (a) => listCampaigns(a) } }),
  ...lists("lib/rankings/queries", { listRankingSchemes: { owner: "XS-PY", run: (a) => listRankingSchemes(a, true) } }),
  ...lists("lib/events/queries", { listCampaignEvents: { owner: "XS-PY", run: (a, fx) => listCampaignEvents(a, fx.campaign.id) } }),
  ...lists("lib/hotline/queries", { listRequests: { owner: "YH-LZ", alsoOwnedBy: (fx) => fx.hotlineHandlerUnits, run: (a) => listRequests(a, { tab: "all" } as never) } }),
  ...lists("lib/investment/queries", {
    listTaskForces: { owner: "YH-ETDZ", run: (a, fx) => listTaskForces(a, fx.investment.id) },
    listTrips: { owner: "YH-ETDZ", run: (a, fx) => listTrips(a, { programmeId: fx.investment.id }) },
    listLeads: { owner: "YH-ETDZ", run: (a, fx) => listLeads(a, { programmeId: fx.investment.id }) },
    listProspects: { owner: "YH-ETDZ", run: (a, fx) => listProspects(a, fx.investment.id) },
  }),
  ...lists("lib/key-projects/queries", { listPledges: { owner: "YH", run: (a, fx) => listPledges(a, { programmeId: fx.keyProjects.id }) } }),
  ...lists("lib/mentorship/queries", {
    listMentorshipProgrammes: { owner: "XS-PY", run: (a) => listMentorshipProgrammes(a) },
    listPoolMembers: { owner: "XS-PY", run: (a, fx) => listPoolMembers(a, fx.mentorship.id, "MENTOR") },
    listPairings: { owner: "XS-PY", run: (a, fx) => listPairings(a, fx.mentorship.id) },
  }),
  ...lists("lib/platform/org/queries", { listOrgUnits: { owner: "XS-PY", run: (a) => listOrgUnits(a) } }),
  ...lists("lib/talent/points/applications", { listApplications: { owner: "YH-ETDZ", run: (a) => listApplications(a, {}) } }),
  ...lists("lib/talent/points/redemption", { listRedemptions: { owner: "YH-ETDZ", run: (a) => listRedemptions(a, {}) } }),
  ...lists("lib/problems/queries", { listProblems: { owner: "XS-PY", run: (a, fx) => listProblems(a, { programmeId: fx.campaign.id }) } }),
  ...lists("lib/programmes/queries", { listProgrammes: { owner: "XS-PY", run: (a) => listProgrammes(a) } }),
  ...lists("lib/registers/queries", {
    listHouseholds: { owner: "XS-PY-JY", run: (a, fx) => listHouseholds(a, { orgUnitId: fx.unit["XS-PY-JY"]!.id } as never) },
    listEnterprises: { owner: "YH-LZ", run: (a, fx) => listEnterprises(a, { orgUnitId: fx.unit["YH-LZ"]!.id } as never) },
  }),
  ...lists("lib/showcases/queries", {
    listShowcaseProgrammes: { owner: "YH-FST", run: (a) => listShowcaseProgrammes(a) },
    listSessions: { owner: "YH-FST", run: (a, fx) => listSessions(a, fx.showcase.id) },
    listTalentList: { owner: "YH-FST", run: (a) => listTalentList(a) },
  }),
  ...lists("lib/service-stations/catalogue", {
    listItems: { owner: "YH-LZ", run: (a, fx) => listItems(a, fx.station.id, { state: "all" }) },
    catalogueSummary: { owner: "YH-LZ", run: (a, fx) => catalogueSummary(a, fx.station.id) },
    listBundles: { owner: "YH-LZ", run: (a, fx) => listBundles(a, fx.station.id) },
  }),
  ...lists("lib/service-stations/queries", {
    listStations: { owner: "YH-LZ", run: (a) => listStations(a) },
    stationOverview: { owner: "YH-LZ", run: (a) => stationOverview(a) },
    listCases: { owner: "YH-LZ", run: (a, fx) => listCases(a, fx.station.id) },
  }),
  ...lists("lib/service-stations/progress", {
    stationProgress: { owner: "YH-LZ", run: (a, fx) => stationProgress(a, fx.station.id, { from: `${fx.year}-01-01`, to: `${fx.year}-12-31` }) },
    // Every station the actor sees: another area's figures, round-tables and staff never show.
    stationProgressAllStations: { owner: "YH-LZ", run: (a, fx) => stationProgress(a, null, { from: `${fx.year}-01-01`, to: `${fx.year}-12-31` }) },
  }),
  ...lists("lib/service-stations/enterprise-cases", {
    enterpriseStationCases: { owner: "YH-LZ", run: (a, fx) => enterpriseStationCases(a, fx.serviceCase.enterpriseId) },
  }),
  ...lists("lib/users/queries", { listUsers: { owner: "XS-PY", run: (a, fx) => listUsers(a, { orgUnitId: fx.unit["XS-PY-JY"]!.id }) } }),
  ...lists("lib/visits/queries", { listVisits: { owner: "XS-PY", run: (a, fx) => listVisits(a, { programmeId: fx.campaign.id }) } }),
];
