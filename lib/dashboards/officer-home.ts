// What is due today for the signed-in user (the officer home, phone first): visits due under
// the campaigns' frequency rules, hotline requests in their 待我处理 queue, open problems that
// are theirs (assigned to them or found on their visits), and mentoring milestones due in the
// coming week of pairings where they are mentor or trainee. Requests and problems use the very
// predicates of their lists' tabs, so the home and the list always agree; each list is capped,
// the counts are not.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { addDays, shanghaiDate } from "@/lib/platform/periods";
import { campaignDueItems, getCampaignOrThrow } from "@/lib/visits";
import { visibleProgrammes } from "@/lib/programmes";
import { clocksOf, myQueueWhere } from "@/lib/hotline";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mineWhere, problemReadScope, UNRESOLVED_STATUSES } from "@/lib/problems";

const LIMIT = 20;

export async function officerDue(actor: Actor, now = clockNow(), client: Db | Tx = db) {
  const today = shanghaiDate(now);
  const campaigns = await client.programme.findMany({
    where: { AND: [{ type: "VISIT_CAMPAIGN", status: "ACTIVE" }, visibleProgrammes(actor), { frequencyRules: { some: {} } }] },
    select: { id: true },
    take: 10,
  });
  const visitGroups = await Promise.all(
    campaigns.map(async (c) => {
      const campaign = await getCampaignOrThrow(actor, c.id, client);
      const items = await campaignDueItems({ ...actor, role: "OFFICER" }, campaign, now, client);
      return items
        .filter((i) => i.officerId === actor.id && (i.status === "OVERDUE" || i.status === "DUE_SOON" || i.status === "PENDING"))
        .map((i) => ({ ...i, programmeId: campaign.id, programmeName: campaign.name }));
    }),
  );
  const visits = visitGroups.flat().sort((a, b) => (a.status === "OVERDUE" ? 0 : 1) - (b.status === "OVERDUE" ? 0 : 1) || a.daysLeft - b.daysLeft);

  const [requestCount, problemCount] = await Promise.all([
    client.serviceRequest.count({ where: myQueueWhere(actor) }),
    client.problem.count({ where: { AND: [problemReadScope(actor), mineWhere(actor), { status: { in: [...UNRESOLVED_STATUSES] } }] } }),
  ]);
  const [requests, problems, milestones] = await Promise.all([
    // The same rows as the list's 待我处理 tab, including requests waiting for 受理 on the
    // hotline's side (the home once counted only requests assigned to the user personally).
    nextDueRequests(actor, client),
    // The same rows as the problems list's "只看我的", open ones only.
    client.problem.findMany({
      where: { AND: [problemReadScope(actor), mineWhere(actor), { status: { in: [...UNRESOLVED_STATUSES] } }] },
      orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
      take: LIMIT,
      select: { id: true, title: true, status: true, dueDate: true, orgUnit: { select: { name: true } } },
    }),
    client.planMilestone.findMany({
      where: {
        status: { in: ["PLANNED", "IN_PROGRESS"] },
        dueDate: { lte: new Date(`${addDays(today, 7)}T00:00:00Z`) },
        goal: { plan: { pairing: { status: "ACTIVE", OR: [{ mentorId: actor.id }, { traineeId: actor.id }] } } },
      },
      orderBy: { dueDate: "asc" },
      take: LIMIT,
      select: {
        id: true, title: true, dueDate: true, status: true,
        goal: { select: { title: true, plan: { select: { pairing: { select: { id: true, mentorId: true, mentor: { select: { name: true } }, trainee: { select: { name: true } } } } } } } },
      },
    }),
  ]);
  return {
    today, now, visits: visits.slice(0, LIMIT), milestones,
    // A clock per request: the next one to meet (受理 → 交办 → 回应), or none when all are met.
    requests: requests
      .map((r) => ({ ...r, nextClock: clocksOf(r, now).find((c) => c.state === "pending" || c.state === "overdue") ?? null }))
      // Most urgent first: by the due time of the clock still running; requests whose clocks
      // are all met come last.
      .sort((a, b) => (a.nextClock?.dueAt.getTime() ?? Infinity) - (b.nextClock?.dueAt.getTime() ?? Infinity) || a.id.localeCompare(b.id))
      .slice(0, LIMIT),
    problems,
    /** Uncapped, as the lists count them; the lists above hold at most LIMIT rows. */
    counts: { requests: requestCount, problems: problemCount },
  };
}
export type OfficerDue = Awaited<ReturnType<typeof officerDue>>;

const REQUEST_SELECT = {
  id: true, number: true, title: true, enterpriseName: true, category: true, status: true, enterprise: { select: { name: true } },
  acceptDueAt: true, assignDueAt: true, respondDueAt: true, acceptedAt: true, assignedAt: true, respondedAt: true,
} satisfies Prisma.ServiceRequestSelect;

/**
 * The queue's most urgent requests. The clock still running is 受理 until accepted, then 交办, then
 * 回应 (lib/hotline/clocks.ts), so one ORDER BY a single due column would put accepted requests
 * (whose 受理 due time is long past) before those still waiting for 受理. Each stage's first
 * LIMIT by its own due time hold the overall first LIMIT; the caller sorts and cuts them.
 */
function nextDueRequests(actor: Actor, client: Db | Tx) {
  const stage = (where: Prisma.ServiceRequestWhereInput, orderBy: Prisma.ServiceRequestOrderByWithRelationInput) =>
    client.serviceRequest.findMany({ where: { AND: [myQueueWhere(actor), where] }, orderBy: [orderBy, { id: "asc" }], take: LIMIT, select: REQUEST_SELECT });
  return Promise.all([
    stage({ acceptedAt: null }, { acceptDueAt: "asc" }),
    stage({ acceptedAt: { not: null }, assignedAt: null }, { assignDueAt: "asc" }),
    stage({ acceptedAt: { not: null }, assignedAt: { not: null }, respondedAt: null }, { respondDueAt: "asc" }),
    stage({ acceptedAt: { not: null }, assignedAt: { not: null }, respondedAt: { not: null } }, { respondDueAt: "asc" }),
  ]).then((groups) => groups.flat());
}
