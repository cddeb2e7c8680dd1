// Redemptions (积分兑换). Requesting is ONE transaction: eligibility, one quota place
//   UPDATE resource_quota SET used = used + 1 WHERE id = q AND used < total
// then the REDEMPTION entry through the conditional balance UPDATE (lib/talent/points/ledger.ts).
// Either fails → everything rolls back: a quota is never oversold and a balance never goes
// negative, however many requests arrive at once. Rejecting or cancelling returns both (a
// REVERSAL entry and used − 1). Rows are always locked in the order quota → counter →
// account, so a request and a cancellation cannot deadlock.
import "server-only";
import { now as clockNow } from "@/lib/platform/clock";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { ConflictError, DomainError, NotFoundError, RuleViolation } from "@/lib/platform/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RedemptionStatus } from "@/lib/generated/prisma/enums";
import { pathIds } from "@/lib/platform/org/path";
import { getEnterpriseOrThrow } from "@/lib/registers";
import { getTalentOrThrow } from "@/lib/talent/queries";
import { ensureEnterpriseAccount, ensureTalentAccount, nextSequence, postEntry, reverseEntry, shanghaiYear } from "./ledger";
import { programmeReaches, type TalentProgramme } from "./programme";
import { parseEligibility, tierAllows } from "./rules";
import { enterpriseStanding } from "./tiers";

export function redemptionScope(actor: Pick<Actor, "orgPath">): Prisma.RedemptionWhereInput {
  return { enterprise: { orgUnit: { path: { startsWith: actor.orgPath } } } };
}

export async function getRedemptionOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const r = await client.redemption.findFirst({
    where: { id, ...redemptionScope(actor) },
    include: {
      resource: { select: { id: true, code: true, name: true } },
      quota: { select: { id: true, period: true, total: true, used: true, enterpriseId: true, orgUnit: { select: { name: true } } } },
      talent: { select: { id: true, name: true } },
      enterprise: { select: { id: true, name: true, orgUnit: { select: { path: true } } } },
      requestedBy: { select: { id: true, name: true } },
      decidedBy: { select: { id: true, name: true } },
      entries: { orderBy: { seq: "asc" }, select: { seq: true, kind: true, points: true, at: true, reversesSeq: true } },
    },
  });
  if (!r) throw new NotFoundError({ entityType: "Redemption", entityId: id });
  return { ...r, orgPath: r.enterprise.orgUnit.path };
}
export type RedemptionRow = Awaited<ReturnType<typeof getRedemptionOrThrow>>;

export async function listRedemptions(actor: Actor, filter: { status?: RedemptionStatus[]; talentId?: string; enterpriseId?: string }, take = 100, skip = 0, client: Db | Tx = db) {
  return client.redemption.findMany({
    where: {
      AND: [
        redemptionScope(actor),
        filter.status ? { status: { in: filter.status } } : {},
        filter.talentId ? { talentId: filter.talentId } : {},
        filter.enterpriseId ? { enterpriseId: filter.enterpriseId } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: {
      id: true, number: true, status: true, points: true, createdAt: true, version: true, talentId: true, accountId: true,
      resource: { select: { name: true, code: true } }, talent: { select: { id: true, name: true } }, enterprise: { select: { id: true, name: true } },
      quota: { select: { enterpriseId: true, period: true, orgUnit: { select: { name: true } } } },
      requestedBy: { select: { name: true } },
    },
  });
}

type RequestInput = { resourceId: string; mode: "TALENT" | "ENTERPRISE"; talentId: string; enterpriseId: string; note: string };

/** Takes one place of the first quota (in order) that has one; null when all are full. */
async function takePlace(tx: Tx, quotaIds: string[]): Promise<string | null> {
  for (const id of quotaIds) {
    const n = await tx.$executeRaw`UPDATE resource_quota SET used = used + 1 WHERE id = ${id} AND used < total`;
    if (n === 1) return id;
  }
  return null;
}

export async function requestRedemption(user: Actor & { id: string }, programme: TalentProgramme, input: RequestInput, now = clockNow(), tx: Tx) {
  const resource = await tx.pointResource.findFirst({ where: { id: input.resourceId, programmeId: programme.id, active: true } });
  if (!resource) throw new RuleViolation("points.resourceUnknown", "resourceId");
  const eligibility = parseEligibility(resource.eligibility);
  const year = shanghaiYear(now);
  const period = String(year);

  let talent: Awaited<ReturnType<typeof getTalentOrThrow>> | null = null;
  let enterprise: Awaited<ReturnType<typeof getEnterpriseOrThrow>>;
  try {
    if (input.mode === "TALENT" || input.talentId) {
      if (!input.talentId) throw new NotFoundError();
      talent = await getTalentOrThrow(user, input.talentId, tx);
      if (!talent.active) throw new NotFoundError();
    }
    enterprise = await getEnterpriseOrThrow(user, input.mode === "TALENT" ? talent!.enterpriseId : input.enterpriseId, tx);
    if (!programmeReaches(programme, enterprise.orgPath)) throw new NotFoundError();
    if (talent && talent.enterpriseId !== enterprise.id) throw new RuleViolation("points.talentNotOfEnterprise", "talentId");
  } catch (e) {
    if (e instanceof NotFoundError) throw new RuleViolation(input.mode === "TALENT" ? "points.talentOutOfScope" : "points.enterpriseOutOfScope", input.mode === "TALENT" ? "talentId" : "enterpriseId", e.target);
    throw e;
  }

  if (input.mode === "TALENT" && eligibility.enterpriseOnly) throw new DomainError("points.enterpriseOnly");
  if (input.mode === "ENTERPRISE" && eligibility.talentOnly) throw new DomainError("points.talentOnly");
  if (eligibility.minTier !== undefined) {
    const standing = await enterpriseStanding(programme.id, enterprise.id, year, tx);
    if (!tierAllows(eligibility.minTier, standing.tier)) throw new DomainError("points.tierTooLow", { tier: eligibility.minTier });
  }

  let quotaIds: string[];
  if (input.mode === "ENTERPRISE") {
    const q = await tx.resourceQuota.findFirst({ where: { resourceId: resource.id, period, enterpriseId: enterprise.id }, select: { id: true } });
    if (!q) throw new DomainError("points.noQuota");
    quotaIds = [q.id];
  } else {
    // The most specific org-unit quota first (the talent's unit, then upwards).
    const chain = pathIds(talent!.orgPath).reverse();
    const quotas = await tx.resourceQuota.findMany({ where: { resourceId: resource.id, period, enterpriseId: null, orgUnitId: { in: chain } }, select: { id: true, orgUnitId: true } });
    if (quotas.length === 0) throw new DomainError("points.noQuota");
    quotaIds = chain.flatMap((unitId) => quotas.filter((q) => q.orgUnitId === unitId).map((q) => q.id));
  }

  const accountId = input.mode === "ENTERPRISE" ? await ensureEnterpriseAccount(enterprise, tx) : await ensureTalentAccount(talent!, tx);
  if (eligibility.minEarnedPoints !== undefined) {
    const rows = await tx.$queryRaw<{ earned: bigint | null }[]>`
      SELECT COALESCE(SUM(e.points), 0) AS earned FROM point_ledger_entry e LEFT JOIN point_ledger_entry o ON o.seq = e."reversesSeq"
      WHERE e."accountId" = ${accountId} AND (e.kind = 'GRANT' OR (e.kind = 'REVERSAL' AND o.kind = 'GRANT'))`;
    if (Number(rows[0]?.earned ?? 0) < eligibility.minEarnedPoints) throw new DomainError("points.notEligible", { points: eligibility.minEarnedPoints });
  }

  const quotaId = await takePlace(tx, quotaIds);
  if (!quotaId) throw new DomainError("points.quotaFull", { resource: resource.name });
  const n = await nextSequence(`points.redemption.${year}`, tx);
  const redemption = await tx.redemption.create({
    data: {
      number: `DH${year}-${String(n).padStart(5, "0")}`, resourceId: resource.id, quotaId, accountId, talentId: talent?.id ?? null,
      enterpriseId: enterprise.id, orgUnitId: enterprise.orgUnitId, points: resource.pointsCost, requestedById: user.id,
      decisionNote: input.note || null,
    },
  });
  const entry = await postEntry({
    accountId, kind: "REDEMPTION", points: -resource.pointsCost, year, redemptionId: redemption.id,
    reason: `${redemption.number} ${resource.name}`, actorId: user.id,
  }, tx);
  return { redemption, entry, resource, enterprise, talent };
}

/** Gives back the place and the points of a redemption (reject or cancel). */
async function giveBack(tx: Tx, r: RedemptionRow, reason: string, actorId: string) {
  const n = await tx.$executeRaw`UPDATE resource_quota SET used = used - 1 WHERE id = ${r.quotaId} AND used > 0`;
  if (n !== 1) throw new Error(`quota ${r.quotaId} has no used place to return`);
  const spent = r.entries.find((e) => e.kind === "REDEMPTION");
  if (spent && spent.points !== 0) await reverseEntry(spent.seq, reason, actorId, { redemptionId: r.id }, tx);
}

async function move(tx: Tx, r: RedemptionRow, version: number, from: RedemptionStatus[], to: RedemptionStatus, data: Prisma.RedemptionUncheckedUpdateManyInput) {
  if (!from.includes(r.status)) throw new ConflictError("statusTransition", { from: r.status, to });
  const { count } = await tx.redemption.updateMany({ where: { id: r.id, version, status: { in: from } }, data: { ...data, status: to, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError();
  return { id: r.id, version: version + 1, status: to };
}

export async function decideRedemption(r: RedemptionRow, version: number, decision: "APPROVE" | "REJECT", note: string, actorId: string, tx: Tx) {
  const to = decision === "APPROVE" ? "APPROVED" : "REJECTED";
  const result = await move(tx, r, version, ["REQUESTED"], to, { decidedById: actorId, decidedAt: clockNow(), decisionNote: note || r.decisionNote });
  if (decision === "REJECT") await giveBack(tx, r, `${r.number} 驳回：${note}`, actorId);
  return result;
}

export async function fulfilRedemption(r: RedemptionRow, version: number, tx: Tx) {
  return move(tx, r, version, ["APPROVED"], "FULFILLED", { fulfilledAt: clockNow() });
}

export async function cancelRedemption(r: RedemptionRow, version: number, note: string, actorId: string, tx: Tx) {
  const result = await move(tx, r, version, ["REQUESTED", "APPROVED"], "CANCELLED", { cancelledAt: clockNow(), decisionNote: note || r.decisionNote });
  await giveBack(tx, r, `${r.number} 取消${note ? `：${note}` : ""}`, actorId);
  return result;
}

/** Current balances of the given enterprises' accounts. */
export async function enterpriseBalances(enterpriseIds: string[], client: Db | Tx = db) {
  return client.pointAccount.findMany({ where: { enterpriseId: { in: enterpriseIds } }, select: { enterpriseId: true, balance: true } });
}
