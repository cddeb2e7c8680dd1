// The officer's work set (issue 16): what the device keeps so field work goes on without
// signal — the households and enterprises of their area, the campaigns the visit form offers,
// their visits due, their open problems and the pages to keep. Every part is the online
// page's own scoped query (register search scope, visitFormOptions, campaignDueItems,
// problemReadScope + mineWhere), so the device never holds a row the officer could not see
// online. No ID numbers at all; phones only masked, as on screen.
import "server-only";
import { createHmac } from "node:crypto";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { can } from "@/lib/platform/authz/can";
import type { SessionUser } from "@/lib/platform/auth/session-user";
import { inSubtree } from "@/lib/platform/org/scope";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { campaignDueItems, getCampaignOrThrow, visitFormOptions } from "@/lib/visits";
import { allowedTransitions, mineWhere, problemReadScope, UNRESOLVED_STATUSES } from "@/lib/problems";
import {
  WORK_SET_PLACES_CAP,
  type WorkSet,
  type WorkSetCampaign,
  type WorkSetDue,
  type WorkSetPlace,
  type WorkSetProblem,
} from "./schemas";

/** Open problems carried; an officer's own open problems are far fewer. */
const PROBLEMS_CAP = 500;

function serverSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

/**
 * Who the device's copy belongs to. The device compares it on every refresh: another user →
 * wipe everything; same user, other fingerprint (role, org unit or session version moved) →
 * wipe the work set. An HMAC, so the device learns nothing it could reverse or forge.
 */
export function workSetFingerprint(user: { id: string; role: string; orgUnitId: string }, sessionVersion: number): string {
  return createHmac("sha256", serverSecret())
    .update(`field-work-set\n${user.id}\n${user.role}\n${user.orgUnitId}\n${sessionVersion}`, "utf8")
    .digest("hex")
    .slice(0, 32);
}

/** Active households and enterprises of the user's subtree (the register search's scope), each kind capped. */
async function workSetPlaces(user: SessionUser, client: Db | Tx): Promise<{ places: WorkSetPlace[]; capped: boolean }> {
  const [households, enterprises] = await Promise.all([
    client.household.findMany({
      where: { AND: [inSubtree(user), { active: true }] },
      orderBy: [{ headName: "asc" }, { id: "asc" }],
      take: WORK_SET_PLACES_CAP + 1,
      select: { id: true, headName: true, householdKey: true, address: true, phone: true, orgUnit: { select: { id: true, name: true } } },
    }),
    client.enterprise.findMany({
      where: { AND: [inSubtree(user), { active: true }] },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: WORK_SET_PLACES_CAP + 1,
      select: { id: true, name: true, creditCode: true, address: true, contactPhone: true, orgUnit: { select: { id: true, name: true } } },
    }),
  ]);
  const capped = households.length > WORK_SET_PLACES_CAP || enterprises.length > WORK_SET_PLACES_CAP;
  const places: WorkSetPlace[] = [
    ...households.slice(0, WORK_SET_PLACES_CAP).map((h) => ({
      id: h.id, type: "HOUSEHOLD" as const, name: h.headName, address: h.address, orgUnitId: h.orgUnit.id, orgUnitName: h.orgUnit.name,
      code: h.householdKey, phoneMasked: maskPhone(h.phone),
    })),
    ...enterprises.slice(0, WORK_SET_PLACES_CAP).map((e) => ({
      id: e.id, type: "ENTERPRISE" as const, name: e.name, address: e.address, orgUnitId: e.orgUnit.id, orgUnitName: e.orgUnit.name,
      code: e.creditCode, phoneMasked: maskPhone(e.contactPhone),
    })),
  ];
  return { places, capped };
}

/** The campaigns exactly as /visits/new passes them to the visit form, with their frequency rules. */
async function workSetCampaigns(user: SessionUser, client: Db | Tx): Promise<WorkSetCampaign[]> {
  const { campaigns } = await visitFormOptions(user, client);
  const rules = campaigns.length
    ? await client.campaignFrequencyRule.findMany({
        where: { programmeId: { in: campaigns.map((c) => c.id) } },
        orderBy: { id: "asc" },
        select: { id: true, programmeId: true, kind: true, period: true, minVisits: true, dueSoonDays: true },
      })
    : [];
  return campaigns.map((c) => ({
    ...c,
    rules: rules.filter((r) => r.programmeId === c.id).map(({ programmeId: _p, ...r }) => r),
  }));
}

/** The officer home's due list: their own items of every campaign with rules (lib/dashboards/officer-home). */
async function workSetDue(user: SessionUser, campaigns: WorkSetCampaign[], now: Date, client: Db | Tx): Promise<WorkSetDue[]> {
  const groups = await Promise.all(
    campaigns.filter((c) => c.rules.length > 0).map(async (c) => {
      const campaign = await getCampaignOrThrow(user, c.id, client);
      const items = await campaignDueItems({ ...user, role: "OFFICER" }, campaign, now, client);
      return items
        .filter((i) => i.officerId === user.id && (i.status === "OVERDUE" || i.status === "DUE_SOON" || i.status === "PENDING"))
        .map((i) => ({
          key: `${c.id}:${i.ruleId}:${i.subjectId}`,
          programmeId: c.id,
          programmeName: c.name,
          placeId: i.subjectType === "ENTERPRISE" ? i.subjectId : "",
          subjectType: i.subjectType,
          subjectName: i.subjectName,
          status: i.status,
          required: i.required,
          count: i.count,
          daysLeft: i.daysLeft,
          periodLastDay: i.current.lastDay,
        }));
    }),
  );
  return groups.flat().sort((a, b) => (a.status === "OVERDUE" ? 0 : 1) - (b.status === "OVERDUE" ? 0 : 1) || a.daysLeft - b.daysLeft);
}

/** Their open problems (the problems list's "只看我的", unresolved), with the moves the problem page offers them. */
async function workSetProblems(user: SessionUser, client: Db | Tx): Promise<WorkSetProblem[]> {
  const rows = await client.problem.findMany({
    where: { AND: [problemReadScope(user), mineWhere(user), { status: { in: [...UNRESOLVED_STATUSES] } }] },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    take: PROBLEMS_CAP,
    select: {
      id: true, title: true, status: true, version: true, dueDate: true,
      orgUnit: { select: { name: true, path: true } },
      escalatedTo: { select: { path: true } },
      visit: { select: { household: { select: { headName: true } }, enterprise: { select: { name: true } } } },
    },
  });
  return rows.map((p) => ({
    id: p.id,
    title: p.title,
    status: p.status,
    version: p.version,
    placeName: p.visit?.household?.headName ?? p.visit?.enterprise?.name ?? "",
    orgUnitName: p.orgUnit.name,
    dueDate: p.dueDate ? p.dueDate.toISOString().slice(0, 10) : null,
    next: allowedTransitions(user, p).map((t) => (t.needs ? { to: t.to, needs: t.needs } : { to: t.to })),
  }));
}

/** The pages this user may open (each page's own requirePermission) that the device should keep. */
export function workSetOfflinePages(user: SessionUser, campaignIds: string[], problemIds: string[]): string[] {
  const pages = ["/"];
  if (can(user, "visit.view")) pages.push("/visits");
  if (can(user, "visit.create")) pages.push("/visits/new", "/field");
  if (can(user, "request.intake")) pages.push("/hotline/new");
  if (can(user, "household.manage")) pages.push("/registers/households/new");
  if (can(user, "enterprise.manage")) pages.push("/registers/enterprises/new");
  if (can(user, "event.view") && can(user, "event.create")) pages.push(...campaignIds.map((id) => `/campaigns/${id}/events`));
  if (can(user, "problem.view")) pages.push(...problemIds.map((id) => `/problems/${id}`));
  return pages;
}

export async function buildWorkSet(user: SessionUser, client: Db | Tx = db): Promise<WorkSet> {
  const now = clockNow();
  const account = await client.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const [{ places, capped }, campaigns, problems] = await Promise.all([
    workSetPlaces(user, client),
    workSetCampaigns(user, client),
    workSetProblems(user, client),
  ]);
  const due = await workSetDue(user, campaigns, now, client);
  return {
    owner: { userId: user.id, fingerprint: workSetFingerprint(user, account.sessionVersion) },
    generatedAt: now.toISOString(),
    places,
    capped,
    campaigns,
    due,
    problems,
    offlinePages: workSetOfflinePages(user, campaigns.map((c) => c.id), problems.map((p) => p.id)),
  };
}
