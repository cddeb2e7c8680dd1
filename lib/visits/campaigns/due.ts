// The one scoped query behind the "overdue / due soon" list: it loads the campaign's rules,
// the subjects the actor may see, and only the visits of the periods the rules look at, then
// hands them to the pure computation in ./frequency.
//   - an OFFICER sees their own items (they as the participant, or as the commissioner);
//   - a MANAGER/ADMIN sees the items whose officer or enterprise lies in their subtree.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { computeFrequency, evaluationInstant, lookbackStart, type DueItem } from "./frequency";
import type { Campaign } from "./queries";

export async function campaignDueItems(actor: Actor, campaign: Pick<Campaign, "id" | "startDay" | "endDay">, now = clockNow(), client: Db | Tx = db): Promise<DueItem[]> {
  const rules = await client.campaignFrequencyRule.findMany({
    where: { programmeId: campaign.id },
    select: { id: true, kind: true, period: true, minVisits: true, dueSoonDays: true },
  });
  if (rules.length === 0) return [];
  const own = actor.role === "OFFICER";
  const officerRules = rules.some((r) => r.kind !== "ENTERPRISE_BY_COMMISSIONER");
  const enterpriseRules = rules.some((r) => r.kind === "ENTERPRISE_BY_COMMISSIONER");

  const [participants, assignments] = await Promise.all([
    officerRules
      ? client.campaignParticipant.findMany({
          where: {
            programmeId: campaign.id,
            officer: own ? { id: actor.id } : { orgUnit: { path: { startsWith: actor.orgPath } } },
          },
          select: { officer: { select: { id: true, name: true, orgUnit: { select: { id: true, name: true } } } } },
        })
      : [],
    enterpriseRules
      ? client.campaignAssignment.findMany({ where: { programmeId: campaign.id }, select: { orgUnit: { select: { path: true } } } })
      : [],
  ]);
  const enterprises = assignments.length
    ? await client.enterprise.findMany({
        where: {
          active: true,
          AND: [
            { OR: assignments.map((a) => ({ orgUnit: { path: { startsWith: a.orgUnit.path } } })) },
            own ? { commissionerId: actor.id } : { orgUnit: { path: { startsWith: actor.orgPath } } },
          ],
        },
        orderBy: { name: "asc" },
        take: 5000,
        select: { id: true, name: true, commissionerId: true, commissioner: { select: { name: true } }, orgUnit: { select: { id: true, name: true } } },
      })
    : [];

  const officerIds = new Set<string>([
    ...participants.map((p) => p.officer.id),
    ...enterprises.flatMap((e) => (e.commissionerId ? [e.commissionerId] : [])),
  ]);
  const at = evaluationInstant({ endDate: campaign.endDay }, now);
  const visits = officerIds.size
    ? await client.visit.findMany({
        where: { programmeId: campaign.id, officerId: { in: [...officerIds] }, visitedAt: { gte: lookbackStart(rules, at), lte: at } },
        select: { officerId: true, enterpriseId: true, mentorId: true, kind: true, visitedAt: true },
      })
    : [];

  return computeFrequency({
    campaign: { startDate: campaign.startDay, endDate: campaign.endDay },
    rules,
    officers: participants.map((p) => ({ id: p.officer.id, name: p.officer.name, orgUnitId: p.officer.orgUnit.id, orgUnitName: p.officer.orgUnit.name })),
    enterprises: enterprises.map((e) => ({
      id: e.id, name: e.name, orgUnitId: e.orgUnit.id, orgUnitName: e.orgUnit.name, commissionerId: e.commissionerId, commissionerName: e.commissioner?.name ?? null,
    })),
    visits,
    now,
  });
}
