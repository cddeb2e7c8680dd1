// Enterprise tiers (四档) by points EARNED in the evaluation year — grants of that year less
// their reversals, never the current balance (redeeming points does not lower a tier) — and
// the tier quotas each enterprise gets for that year (ResourceQuota rows with enterpriseId).
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { earnedInYear } from "./ledger";
import { parseTierQuotas, tierForPoints } from "./rules";

export type Standing = { enterpriseId: string; accountId: string | null; earned: number; balance: number; tier: number | null; tierName: string | null };

export async function programmeTiers(programmeId: string, client: Db | Tx = db) {
  const rows = await client.enterpriseTier.findMany({ where: { programmeId }, orderBy: { tier: "asc" } });
  return rows.map((r) => ({ ...r, quotas: parseTierQuotas(r.quotas) }));
}

/** Earned points and tier of each enterprise in `year`. */
export async function enterpriseStandings(programmeId: string, enterpriseIds: string[], year: number, client: Db | Tx = db): Promise<Map<string, Standing>> {
  const [accounts, tiers] = await Promise.all([
    client.pointAccount.findMany({ where: { enterpriseId: { in: enterpriseIds } }, select: { id: true, enterpriseId: true, balance: true } }),
    programmeTiers(programmeId, client),
  ]);
  const earned = await earnedInYear(accounts.map((a) => a.id), year, client);
  const out = new Map<string, Standing>();
  for (const id of enterpriseIds) {
    const account = accounts.find((a) => a.enterpriseId === id);
    const points = account ? (earned.get(account.id) ?? 0) : 0;
    const tier = tierForPoints(tiers, points);
    out.set(id, { enterpriseId: id, accountId: account?.id ?? null, earned: points, balance: account?.balance ?? 0, tier: tier?.tier ?? null, tierName: tier?.name ?? null });
  }
  return out;
}

export async function enterpriseStanding(programmeId: string, enterpriseId: string, year: number, client: Db | Tx = db): Promise<Standing> {
  return (await enterpriseStandings(programmeId, [enterpriseId], year, client)).get(enterpriseId)!;
}

/**
 * Sets each enterprise's quota places for `year` from its tier: total = the tier's places,
 * but never below the places already used (the CHECK used <= total would refuse it).
 * Returns how many quota rows were created or changed.
 */
export async function allocateTierQuotas(programmeId: string, enterpriseIds: string[], year: number, tx: Tx) {
  const period = String(year);
  const [standings, resources, tiers] = await Promise.all([
    enterpriseStandings(programmeId, enterpriseIds, year, tx),
    tx.pointResource.findMany({ where: { programmeId }, select: { id: true, code: true } }),
    programmeTiers(programmeId, tx),
  ]);
  let changed = 0;
  for (const [enterpriseId, s] of standings) {
    const quotas = tiers.find((t) => t.tier === s.tier)?.quotas ?? {};
    for (const r of resources) {
      const places = quotas[r.code] ?? 0;
      const existing = await tx.resourceQuota.findFirst({ where: { resourceId: r.id, period, enterpriseId } });
      if (!existing) {
        if (places > 0) {
          await tx.resourceQuota.create({ data: { resourceId: r.id, period, enterpriseId, total: places } });
          changed += 1;
        }
        continue;
      }
      const n = await tx.$executeRaw`
        UPDATE resource_quota SET total = GREATEST(used, ${places}::int), version = version + 1
        WHERE id = ${existing.id} AND total <> GREATEST(used, ${places}::int)`;
      changed += n;
    }
  }
  return { changed, standings: [...standings.values()] };
}

/** What the enterprise file (一企一档) shows of an enterprise's points in `year`. */
export async function enterprisePointsSummary(programmeId: string, enterpriseId: string, year: number, client: Db | Tx = db) {
  const [standing, quotas, talents, entries] = await Promise.all([
    enterpriseStanding(programmeId, enterpriseId, year, client),
    client.resourceQuota.findMany({ where: { enterpriseId, period: String(year) }, include: { resource: { select: { name: true } } }, orderBy: { resourceId: "asc" } }),
    client.talent.count({ where: { enterpriseId, active: true } }),
    client.pointLedgerEntry.findMany({ where: { account: { enterpriseId } }, orderBy: { seq: "desc" }, take: 5, select: { seq: true, points: true, reason: true } }),
  ]);
  return { standing, quotas, talents, entries };
}
