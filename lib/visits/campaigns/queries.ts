// Visit campaigns (民情双访): a Programme of type VISIT_CAMPAIGN with its participants,
// assigned units, checklist and frequency rules. Reads are scoped: a campaign is found only
// when the programme is visible to the actor (lib/programmes/queries visibleProgrammes).
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { inSubtree, orgUnitInSubtree } from "@/lib/platform/org/scope";
import { formatDateOnly } from "@/lib/platform/dates";
import { visibleProgrammes } from "@/lib/programmes";
import { getVisitCampaignProgramme } from "./programme";

/** A VISIT_CAMPAIGN programme the actor may see, with its owner's path for permission checks. */
// The common loader (lib/programmes/descriptor.ts: orgPath, reach = the owner's and each
// participating unit's subtree, parsed settings) plus the campaign's first and last day.
export async function getCampaignOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const programme = await getVisitCampaignProgramme(actor, id, client);
  return { ...programme, startDay: formatDateOnly(programme.startDate), endDay: formatDateOnly(programme.endDate) };
}

export type Campaign = Awaited<ReturnType<typeof getCampaignOrThrow>>;

const LIST_ORDER: Record<string, number> = { ACTIVE: 0, DRAFT: 1, CLOSED: 2 };

/**
 * Visits per programme within the actor's subtree, from the month rollups that the visit table's
 * triggers keep (decision 0021; the dashboards read them, the consistency tests compare them with
 * the rows): a campaign card counts its visits here, not by counting visit rows — 3 M of them for
 * a district campaign, ≈ 0.5 s on every load of the list. Read here rather than through
 * lib/dashboards, whose indicators import every programme module, this one included.
 */
async function visitCountsByProgramme(actor: Pick<Actor, "orgPath">, programmeIds: string[], client: Db | Tx): Promise<Map<string, number>> {
  if (!programmeIds.length) return new Map();
  const rows = await client.$queryRaw<{ programmeKey: string; visits: number }[]>`
    SELECT r."programmeKey", sum(r.visits)::int AS visits
    FROM rollup_visit_month r JOIN org_unit o ON o.id = r."orgUnitId"
    WHERE r."programmeKey" = ANY(${programmeIds}) AND starts_with(o.path, ${actor.orgPath})
    GROUP BY r."programmeKey"`;
  return new Map(rows.map((r) => [r.programmeKey, r.visits]));
}

/** Visible campaigns, running ones first. */
export async function listCampaigns(actor: Actor, client: Db | Tx = db) {
  const rows = await client.programme.findMany({
    where: { AND: [{ type: "VISIT_CAMPAIGN" }, visibleProgrammes(actor)] },
    orderBy: [{ status: "asc" }, { startDate: "desc" }, { name: "asc" }],
    take: 200,
    select: {
      id: true, name: true, status: true, startDate: true, endDate: true,
      orgUnit: { select: { id: true, name: true } },
      // Events counted within the actor's subtree only; visits likewise, from the rollups below.
      _count: { select: { campaignParticipants: true, campaignAssignments: true, events: { where: inSubtree(actor) } } },
    },
  });
  const visits = await visitCountsByProgramme(actor, rows.map((r) => r.id), client);
  return rows
    .map((r) => ({ ...r, _count: { ...r._count, visits: visits.get(r.id) ?? 0 } }))
    .sort((a, b) => (LIST_ORDER[a.status] ?? 9) - (LIST_ORDER[b.status] ?? 9));
}

/** The campaign's configuration as the setup page shows it. */
export async function getCampaignSetup(actor: Actor, id: string, client: Db | Tx = db) {
  const campaign = await getCampaignOrThrow(actor, id, client);
  const [participants, assignments, checkItems, rules] = await Promise.all([
    client.campaignParticipant.findMany({
      where: { programmeId: id },
      select: { officerId: true, mentorId: true, officer: { select: { name: true, orgUnit: { select: { name: true } } } } },
    }),
    client.campaignAssignment.findMany({
      where: { programmeId: id },
      select: { orgUnitId: true, officerId: true, orgUnit: { select: { name: true, path: true } } },
      orderBy: { orgUnit: { path: "asc" } },
    }),
    client.campaignCheckItem.findMany({ where: { programmeId: id }, orderBy: [{ sortOrder: "asc" }, { label: "asc" }], select: { id: true, label: true, active: true, sortOrder: true } }),
    client.campaignFrequencyRule.findMany({ where: { programmeId: id }, orderBy: [{ kind: "asc" }, { period: "asc" }], select: { id: true, kind: true, period: true, minVisits: true, dueSoonDays: true } }),
  ]);
  participants.sort((a, b) => a.officer.name.localeCompare(b.officer.name, "zh-CN"));
  return { campaign, participants, assignments, checkItems, rules };
}

/**
 * Choices for the setup form: people in the owner's subtree (also inside the actor's), and
 * the org units within the campaign's reach that the actor may assign.
 */
export async function getSetupOptions(actor: Actor, campaign: Pick<Campaign, "orgPath" | "reach">, client: Db | Tx = db) {
  const [people, units] = await Promise.all([
    client.user.findMany({
      where: { active: true, orgUnit: { path: { startsWith: campaign.orgPath } } },
      orderBy: [{ name: "asc" }],
      take: 2000,
      select: { id: true, name: true, role: true, orgUnit: { select: { name: true } } },
    }),
    client.orgUnit.findMany({
      where: { active: true, ...orgUnitInSubtree(actor), OR: campaign.reach.map((p) => ({ path: { startsWith: p } })) },
      orderBy: { path: "asc" },
      take: 2000,
      select: { id: true, name: true, kind: true, depth: true, path: true },
    }),
  ]);
  const minDepth = Math.min(...units.map((u) => u.depth));
  return {
    people: people.map((p) => ({ id: p.id, name: p.name, role: p.role, orgUnitName: p.orgUnit.name })),
    units: units.filter((u) => u.kind !== "DEPARTMENT").map((u) => ({ id: u.id, name: u.name, kind: u.kind, level: u.depth - minDepth })),
  };
}

/** Units the actor may record an event for: the campaign's assigned units in the actor's subtree. */
export async function eventUnitOptions(actor: Actor, programmeId: string, client: Db | Tx = db) {
  const rows = await client.campaignAssignment.findMany({
    where: { programmeId, orgUnit: { ...orgUnitInSubtree(actor), active: true } },
    select: { orgUnit: { select: { id: true, name: true, path: true } } },
    orderBy: { orgUnit: { path: "asc" } },
  });
  return rows.map((r) => ({ id: r.orgUnit.id, name: r.orgUnit.name }));
}
