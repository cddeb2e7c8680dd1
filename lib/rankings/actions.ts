"use server";
// Saving a 赛马 scheme ("ranking.configure", ADMIN): the parent unit must lie in the admin's
// subtree, every indicator must be a registry key (whose direction it takes); an edit is
// conditional on the version read.
import { action } from "@/lib/platform/action";
import { assertCan } from "@/lib/platform/authz/can";
import { ConflictError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import { INDICATOR_BY_KEY } from "@/lib/dashboards";
import { getRankingSchemeOrThrow } from "./queries";
import { saveRankingSchemeContract } from "./schemas";

export const saveRankingSchemeAction = action(
  saveRankingSchemeContract, { revalidate: ["/rankings"] },
  async (input, { user, tx, audit }) => {
    const parent = await tx.orgUnit.findFirst({ where: { id: input.parentOrgUnitId, path: { startsWith: user.orgPath } }, select: { id: true, path: true } });
    if (!parent) throw new NotFoundError();
    assertCan(user, "ranking.configure", { orgPath: parent.path });
    const keys = input.weights.map((w) => w.indicatorKey);
    input.weights.forEach((w, i) => {
      const indicator = INDICATOR_BY_KEY.get(w.indicatorKey);
      if (!indicator) throw new RuleViolation("rankings.unknownIndicator", `weights.${i}.indicatorKey`);
      // A rate above 100 % does not exist, so a threshold above it would deny everyone full marks.
      if (indicator.unit === "percent" && w.threshold != null && w.threshold > 100) throw new RuleViolation("rankings.percentThreshold", `weights.${i}.threshold`);
    });
    if (new Set(keys).size !== keys.length) throw new RuleViolation("rankings.duplicateIndicator", "weights");
    const weights = input.weights.map((w, sortOrder) => ({
      indicatorKey: w.indicatorKey, weight: w.weight, direction: INDICATOR_BY_KEY.get(w.indicatorKey)!.direction, threshold: w.threshold ?? null, sortOrder,
    }));
    let id = input.id || null;
    if (id) {
      const before = await getRankingSchemeOrThrow(user, id, tx);
      assertCan(user, "ranking.configure", { orgPath: before.orgPath });
      const { count } = await tx.rankingScheme.updateMany({
        where: { id, version: input.version ?? -1 },
        data: { name: input.name, parentOrgUnitId: parent.id, active: input.active, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError();
      await tx.rankingWeight.deleteMany({ where: { schemeId: id } });
      await tx.rankingWeight.createMany({ data: weights.map((w) => ({ ...w, schemeId: id! })) });
      await audit({ action: "ranking.saveScheme", entityType: "RankingScheme", entityId: id, orgUnitId: parent.id, data: { before: { name: before.name, weights: before.weights.map((w) => ({ ...w, weight: w.weight.toString(), threshold: w.threshold?.toString() ?? null })) }, after: { name: input.name, weights } } });
    } else {
      const created = await tx.rankingScheme.create({
        data: { name: input.name, parentOrgUnitId: parent.id, active: input.active, createdById: user.id, weights: { create: weights } },
        select: { id: true },
      });
      id = created.id;
      await audit({ action: "ranking.createScheme", entityType: "RankingScheme", entityId: id, orgUnitId: parent.id, data: { name: input.name, weights } });
    }
    return { id };
  },
);
