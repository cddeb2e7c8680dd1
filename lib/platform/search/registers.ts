// The one lookup behind every search-as-you-type box over the household and enterprise
// registers (the visit form, the hotline intake and link, investment's trip/lead forms and
// key projects' owner). Each caller keeps its own permission in its read action; this query
// only decides which rows the actor may find and how a match is shown.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { inSubtree } from "@/lib/platform/org/scope";

export type RegisterKind = "HOUSEHOLD" | "ENTERPRISE";

/** What a box lists and hands back on pick: no phone numbers ever leave the server here. */
export type RegisterMatch = { id: string; label: string; detail: string };

export type RegisterQuery = {
  kind: RegisterKind;
  /** Already trimmed by the caller's schema. */
  q: string;
  /**
   * A second area besides the actor's subtree (investment: the programme owner's area, so a
   * county task force can name enterprises of the programme's county).
   */
  alsoUnder?: string;
  /**
   * "prefix" (default) uses the name indexes; investment matches an enterprise name anywhere
   * in it, as its lookup always has. Household numbers and credit codes are always prefixes.
   */
  nameMatch?: "prefix" | "contains";
  /** Whether the detail line ends with the address (investment's lookup never showed it). */
  withAddress?: boolean;
};

export const REGISTER_MATCH_LIMIT = 10;

function area(actor: Pick<Actor, "orgPath">, alsoUnder: string | undefined) {
  return alsoUnder === undefined ? inSubtree(actor) : { OR: [inSubtree(actor), { orgUnit: { path: { startsWith: alsoUnder } } }] };
}

const detailOf = (parts: (string | null | undefined)[]) => parts.filter(Boolean).join(" · ");

/**
 * At most 10 active households (head-of-household name or household number) or enterprises
 * (name or credit code) in the actor's area, in name order.
 */
export async function searchRegister(actor: Pick<Actor, "orgPath">, query: RegisterQuery, client: Client = db): Promise<RegisterMatch[]> {
  const { q, nameMatch = "prefix", withAddress = true } = query;
  const name = nameMatch === "contains" ? { contains: q } : { startsWith: q };
  const scope = area(actor, query.alsoUnder);
  if (query.kind === "HOUSEHOLD") {
    const rows = await client.household.findMany({
      where: { AND: [scope, { active: true }, { OR: [{ headName: name }, { householdKey: { startsWith: q } }] }] },
      orderBy: [{ headName: "asc" }, { id: "asc" }],
      take: REGISTER_MATCH_LIMIT,
      select: { id: true, headName: true, householdKey: true, address: true, orgUnit: { select: { name: true } } },
    });
    return rows.map((r) => ({ id: r.id, label: `${r.headName}（${r.householdKey}）`, detail: detailOf([r.orgUnit.name, withAddress ? r.address : null]) }));
  }
  const rows = await client.enterprise.findMany({
    where: { AND: [{ active: true }, scope, { OR: [{ name }, { creditCode: { startsWith: q.toUpperCase() } }] }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: REGISTER_MATCH_LIMIT,
    select: { id: true, name: true, creditCode: true, address: true, orgUnit: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, label: r.name, detail: detailOf([r.creditCode, r.orgUnit.name, withAddress ? r.address : null]) }));
}
