import type { Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { RuleViolation } from "@/lib/platform/errors";
import { dateOnly } from "@/lib/platform/dates";
import type { CreateEventInput } from "./schemas";

/**
 * Records an event organised by the actor for a unit the campaign is assigned to. The unit
 * must be in the actor's subtree and the date inside the campaign (the caller checked the
 * campaign is visible and open).
 */
export async function createCampaignEvent(
  actor: Actor,
  campaign: { id: string; startDay: string; endDay: string },
  input: CreateEventInput, tx: Tx,
) {
  const assignment = await tx.campaignAssignment.findFirst({
    where: { programmeId: campaign.id, orgUnitId: input.orgUnitId, orgUnit: { path: { startsWith: actor.orgPath }, active: true } },
    select: { orgUnit: { select: { id: true, path: true } } },
  });
  if (!assignment) throw new RuleViolation("eventUnitNotAssigned", "orgUnitId");
  if (input.heldOn < campaign.startDay || input.heldOn > campaign.endDay) throw new RuleViolation("eventDateOutsideCampaign", "heldOn");
  const event = await tx.campaignEvent.create({
    data: {
      programmeId: campaign.id,
      orgUnitId: assignment.orgUnit.id,
      organiserId: actor.id,
      type: input.type,
      title: input.title,
      heldOn: dateOnly(input.heldOn),
      participants: input.participants,
      notes: input.notes,
    },
  });
  return { event, orgPath: assignment.orgUnit.path };
}
