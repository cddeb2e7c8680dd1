// What is due today for the signed-in user (the officer home, phone first): visits due under
// the campaigns' frequency rules, hotline requests assigned to them with a clock running,
// problems assigned to them and still open, and mentoring milestones due in the coming week
// of pairings where they are mentor or trainee. Each list is the user's own, so no subtree
// scoping beyond "mine" is needed; each is capped.
import { now as clockNow } from "@/lib/platform/clock";
import "server-only";
import { db, type Db, type Tx } from "@/lib/db/client";
import type { Actor } from "@/lib/authz/can";
import { shanghaiDate } from "@/lib/campaigns/frequency";
import { campaignDueItems } from "@/lib/campaigns/due";
import { getCampaignOrThrow } from "@/lib/campaigns/queries";
import { visibleProgrammes } from "@/lib/programmes/queries";
import { addDays } from "./period";

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

  const [requests, problems, milestones] = await Promise.all([
    client.serviceRequest.findMany({
      where: { assigneeId: actor.id, status: { in: ["ACCEPTED", "ASSIGNED", "REOPENED"] } },
      orderBy: { respondDueAt: "asc" },
      take: LIMIT,
      select: { id: true, number: true, title: true, enterpriseName: true, category: true, respondDueAt: true, status: true, enterprise: { select: { name: true } } },
    }),
    client.problem.findMany({
      where: { assigneeId: actor.id, status: { in: ["OPEN", "IN_PROGRESS", "REOPENED", "ESCALATED"] } },
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
  return { today, now, visits: visits.slice(0, LIMIT), requests, problems, milestones };
}
export type OfficerDue = Awaited<ReturnType<typeof officerDue>>;
