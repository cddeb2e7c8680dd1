// The campaign list's cards (/campaigns) show each campaign's visits within the user's subtree.
// They are read from the month rollups (lib/dashboards visitCountsByProgramme), not counted
// from the visit rows: the figure on the card must still be exactly the rows' count — for users
// at every level, after a visit is recorded, and as the page renders it.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { listCampaigns } from "@/lib/visits/campaigns/queries";
import { inSubtree } from "@/lib/platform/org/scope";
import CampaignsPage from "@/app/(app)/campaigns/page";
import { elementText, findElements } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs, sessionUser } from "../support/fixtures";

beforeEach(() => resetRequest());

const visitRows = (user: { orgPath: string }, programmeId: string) => db.visit.count({ where: { AND: [{ programmeId }, inSubtree(user)] } });

describe("campaign list", () => {
  it("counts each campaign's visits in the user's subtree exactly as the visit rows do", async () => {
    let compared = 0;
    for (const username of ["admin", "yh.manager", "py.manager", "py.officer", "lz.officer"]) {
      const user = await sessionUser(username);
      for (const c of await listCampaigns(user)) {
        expect(c._count.visits, `${username} · ${c.name}`).toBe(await visitRows(user, c.id));
        if (c._count.visits > 0) compared += 1;
      }
    }
    expect(compared, "some card has visits to compare").toBeGreaterThan(0);
  });

  it("shows a new visit on the card at once, in the figure the page renders", async () => {
    const user = await sessionUser("py.manager");
    const campaign = (await listCampaigns(user)).find((c) => c.status === "ACTIVE" && c._count.visits > 0)!;
    const visit = await db.visit.findFirstOrThrow({ where: { AND: [{ programmeId: campaign.id }, inSubtree(user)] } });
    const before = await visitRows(user, campaign.id);
    await db.visit.create({
      data: { kind: visit.kind, visitedAt: visit.visitedAt, orgUnitId: visit.orgUnitId, programmeId: campaign.id, officerId: visit.officerId, householdId: visit.householdId, enterpriseId: visit.enterpriseId, notes: "卡片计数" },
    });
    await actAs("py.manager");
    const [card] = findElements(await CampaignsPage(), (e) => e.key === campaign.id);
    // The card's four figures, in order: officers, units, visits, events.
    const figures = findElements(card, (e) => e.type === "dd").map((dd) => elementText(dd));
    expect(figures[2]).toBe(String(before + 1));
  });
});
