"use server";
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { RuleViolation } from "@/lib/platform/errors";
import { getCampaignOrThrow } from "@/lib/visits";
import { createCampaignEvent } from "./mutations";
import { createEventContract } from "./schemas";

export const createEventAction = action(
  createEventContract, { revalidate: ["/campaigns"] },
  async (input, { user, tx, audit }) => {
    assertCan(user, "event.create");
    const campaign = await getCampaignOrThrow(user, input.programmeId, tx);
    if (campaign.status !== "ACTIVE") throw new RuleViolation("eventCampaignNotActive");
    const { event, orgPath } = await createCampaignEvent(user, campaign, input, tx);
    assertCan(user, "event.create", { orgPath });
    await audit({
      action: "event.create", entityType: "CampaignEvent", entityId: event.id, orgUnitId: event.orgUnitId,
      data: { after: { programmeId: campaign.id, type: event.type, title: event.title, heldOn: input.heldOn, participants: event.participants } },
    });
    return { id: event.id };
  },
);
