"use server";
import { action } from "@/lib/action";
import { assertCan } from "@/lib/authz/can";
import { getCampaignOrThrow } from "./queries";
import { saveCampaignSetup, setupSummary } from "./mutations";
import { saveCampaignSetupSchema } from "./schemas";

export const saveCampaignSetupAction = action(
  { name: "campaign.configure", schema: saveCampaignSetupSchema, revalidate: ["/campaigns"] },
  async (input, { user, tx, audit }) => {
    const campaign = await getCampaignOrThrow(tx, user, input.programmeId);
    // Configuring needs the campaign's owning unit inside the actor's subtree.
    assertCan(user, "campaign.configure", campaign);
    const before = await setupSummary(tx, campaign.id);
    const saved = await saveCampaignSetup(tx, user, campaign, input);
    const after = await setupSummary(tx, campaign.id);
    await audit({ action: "campaign.configure", entityType: "Programme", entityId: campaign.id, orgUnitId: campaign.orgUnitId, data: { before, after } });
    return { id: campaign.id, version: saved.version };
  },
);
