"use server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { getCampaignOrThrow } from "./queries";
import { saveCampaignSetup, setupSummary } from "./mutations";
import { saveCampaignSetupContract } from "./schemas";

export const saveCampaignSetupAction = action(
  saveCampaignSetupContract, { revalidate: ["/campaigns"] },
  async (input, { user, tx, audit }) => {
    const campaign = await getCampaignOrThrow(user, input.programmeId, tx);
    // Configuring needs the campaign's owning unit inside the actor's subtree.
    assertCan(user, "campaign.configure", campaign);
    const before = await setupSummary(campaign.id, tx);
    const saved = await saveCampaignSetup(user, campaign, input, tx);
    const after = await setupSummary(campaign.id, tx);
    await audit({ action: "campaign.configure", entityType: "Programme", entityId: campaign.id, orgUnitId: campaign.orgUnitId, data: { before, after } });
    return { id: campaign.id, version: saved.version };
  },
);
