"use server";
// Redemption actions. Requesting (redemption.request): a talent through an officer, or an
// enterprise from its tier quota; deciding, fulfilling (redemption.decide): a manager.
// Cancelling: the requester while it is still a request, or a manager at any open stage.
import { action } from "@/lib/platform/action";
import { assertCan, can } from "@/lib/platform/authz/can";
import { ForbiddenError } from "@/lib/platform/errors";
import { getTalentProgrammeOrThrow } from "./programme";
import { cancelRedemption, decideRedemption, fulfilRedemption, getRedemptionOrThrow, requestRedemption } from "./redemption";
import { requestRedemptionContract, decideRedemptionContract, fulfilRedemptionContract, cancelRedemptionContract } from "./schemas";

const paths = ["/talent"];

export const requestRedemptionAction = action(
  requestRedemptionContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    assertCan(user, "redemption.request");
    const programme = await getTalentProgrammeOrThrow(user, undefined, tx);
    const { redemption, entry, enterprise } = await requestRedemption(user, programme, input, undefined, tx);
    assertCan(user, "redemption.request", enterprise);
    await audit({
      action: "redemption.request", entityType: "Redemption", entityId: redemption.id, orgUnitId: enterprise.orgUnitId,
      data: { after: { number: redemption.number, resourceId: redemption.resourceId, mode: input.mode, talentId: redemption.talentId, enterpriseId: redemption.enterpriseId, points: redemption.points, quotaId: redemption.quotaId, balanceAfter: entry.balanceAfter } },
    });
    return { id: redemption.id, number: redemption.number, balanceAfter: entry.balanceAfter };
  },
);

export const decideRedemptionAction = action(
  decideRedemptionContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const r = await getRedemptionOrThrow(user, input.id, tx);
    assertCan(user, "redemption.decide", r);
    const result = await decideRedemption(r, input.version, input.decision, input.note, user.id, tx);
    await audit({
      action: input.decision === "APPROVE" ? "redemption.approve" : "redemption.reject", entityType: "Redemption", entityId: r.id, orgUnitId: r.orgUnitId,
      data: { before: { status: r.status }, after: { status: result.status }, note: input.note, pointsReturned: input.decision === "REJECT" ? r.points : 0 },
    });
    return result;
  },
);

export const fulfilRedemptionAction = action(
  fulfilRedemptionContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const r = await getRedemptionOrThrow(user, input.id, tx);
    assertCan(user, "redemption.decide", r);
    const result = await fulfilRedemption(r, input.version, tx);
    await audit({ action: "redemption.fulfil", entityType: "Redemption", entityId: r.id, orgUnitId: r.orgUnitId, data: { before: { status: r.status }, after: { status: result.status } } });
    return result;
  },
);

export const cancelRedemptionAction = action(
  cancelRedemptionContract, { revalidate: paths },
  async (input, { user, tx, audit }) => {
    const r = await getRedemptionOrThrow(user, input.id, tx);
    assertCan(user, "redemption.request", r);
    const mayDecide = can(user, "redemption.decide", r);
    if (!mayDecide && !(r.requestedById === user.id && r.status === "REQUESTED")) throw new ForbiddenError("redemption.decide");
    const result = await cancelRedemption(r, input.version, input.note, user.id, tx);
    await audit({ action: "redemption.cancel", entityType: "Redemption", entityId: r.id, orgUnitId: r.orgUnitId, data: { before: { status: r.status }, after: { status: result.status }, pointsReturned: r.points, note: input.note } });
    return result;
  },
);
