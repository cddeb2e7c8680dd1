// Possible duplicates of a household or enterprise registered offline (issue 16): the sync
// route asks before it writes, so a registration made in a farmhouse without signal becomes a
// merge offer instead of a second record. Read-only; the create action itself still decides.
//
// Phones are stored as typed (household.phone, enterprise.contact_phone are plain columns,
// masked only on screen), so "same phone" is an equality lookup in the officer's scope; no
// hash column is needed. The soft rules (phone, name, name + address) look only inside the
// scope the register lists use and only at active records; the unique keys (户号, 信用代码)
// are looked up in the whole register, because a second record with them cannot be written
// anyway — but a record outside the officer's area is reported only as "the register already
// has this key", never with its name, address or unit.
import "server-only";
import type { SessionUser } from "@/lib/platform/auth/session-user";
import { can } from "@/lib/platform/authz/can";
import type { Db, Tx } from "@/lib/platform/db/client";
import { db } from "@/lib/platform/db/client";
import { maskPhone } from "@/lib/platform/privacy/mask";
import type { DuplicateCandidate } from "@/lib/field/schemas";
import { normalizeCreditCode } from "./credit-code";
import { ENTERPRISES, HOUSEHOLDS } from "./kinds";
import { scopeUnitIds } from "./queries";

/** Candidates per rule: a possible-duplicate list is for a person to read, not a report. */
const PER_RULE = 10;
const MAX_CANDIDATES = 10;

/**
 * Addresses compare without what people type differently: full-width forms (NFKC), case,
 * spaces, punctuation and symbols ("谢家村3组5号" = "谢家村 3 组 5 号" = "谢家村３组－５号").
 */
export function normalizeAddress(address: string): string {
  return address.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

type Found = { id: string; name: string; address: string; phone: string | null; orgUnit: { name: string; path: string } };

/** Merges rule hits by record id, keeping the first rule's order (unique key first). */
function collect(type: DuplicateCandidate["type"], hits: [string, Found[]][]): DuplicateCandidate[] {
  const byId = new Map<string, DuplicateCandidate>();
  for (const [rule, rows] of hits) {
    for (const r of rows) {
      const known = byId.get(r.id);
      if (known) {
        if (!known.matchedOn.includes(rule)) known.matchedOn.push(rule);
        continue;
      }
      byId.set(r.id, {
        id: r.id, type, name: r.name, address: r.address, orgUnitName: r.orgUnit.name, phoneMasked: maskPhone(r.phone), matchedOn: [rule],
      });
    }
  }
  return [...byId.values()].slice(0, MAX_CANDIDATES);
}

/** "The register already has this key" without the record: it lies outside the officer's area. */
function outOfScope(type: DuplicateCandidate["type"], rule: string): DuplicateCandidate {
  return { id: "", type, name: "", address: "", orgUnitName: "", phoneMasked: "", matchedOn: [rule], outOfScope: true };
}

const inPaths = (path: string, orgPath: string) => path.startsWith(orgPath);

async function householdDuplicates(user: SessionUser, input: Record<string, unknown>, client: Db | Tx): Promise<DuplicateCandidate[]> {
  const key = text(input.householdKey);
  const phone = text(input.phone);
  const headName = text(input.headName);
  const address = normalizeAddress(text(input.address));
  const unitIds = await scopeUnitIds(user, undefined, client);
  const select = { id: true, headName: true, address: true, phone: true, orgUnit: { select: { name: true, path: true } } } as const;
  const view = ({ headName: name, ...h }: { headName: string } & Omit<Found, "name">): Found => ({ ...h, name });

  const byKey = key ? await client.household.findUnique({ where: { householdKey: key }, select }) : null;
  if (byKey && !inPaths(byKey.orgUnit.path, user.orgPath)) return [outOfScope("HOUSEHOLD", "householdKey")];
  const scoped = { orgUnitId: { in: unitIds }, active: true };
  const byPhone = phone ? await client.household.findMany({ where: { ...scoped, phone }, select, orderBy: { id: "asc" }, take: PER_RULE }) : [];
  // Same head of household, then the address compared normalised (an index finds the name; the
  // address, typed many ways, is compared here among the few with that name).
  const sameName = headName && address
    ? await client.household.findMany({ where: { ...scoped, headName }, select, orderBy: { id: "asc" }, take: PER_RULE * 5 })
    : [];
  const byNameAddress = sameName.filter((h) => normalizeAddress(h.address) === address).slice(0, PER_RULE);
  return collect("HOUSEHOLD", [
    ["householdKey", byKey ? [view(byKey)] : []],
    ["phone", byPhone.map(view)],
    ["nameAddress", byNameAddress.map(view)],
  ]);
}

async function enterpriseDuplicates(user: SessionUser, input: Record<string, unknown>, client: Db | Tx): Promise<DuplicateCandidate[]> {
  const code = normalizeCreditCode(text(input.creditCode));
  const name = text(input.name);
  const address = normalizeAddress(text(input.address));
  const unitIds = await scopeUnitIds(user, undefined, client);
  const select = { id: true, name: true, address: true, contactPhone: true, orgUnit: { select: { name: true, path: true } } } as const;
  const view = ({ contactPhone, ...e }: { contactPhone: string | null } & Omit<Found, "phone">): Found => ({ ...e, phone: contactPhone });

  const byCode = code ? await client.enterprise.findUnique({ where: { creditCode: code }, select }) : null;
  if (byCode && !inPaths(byCode.orgUnit.path, user.orgPath)) return [outOfScope("ENTERPRISE", "creditCode")];
  const sameName = name
    ? await client.enterprise.findMany({ where: { orgUnitId: { in: unitIds }, active: true, name }, select, orderBy: { id: "asc" }, take: PER_RULE })
    : [];
  const byNameAddress = address ? sameName.filter((e) => normalizeAddress(e.address) === address) : [];
  return collect("ENTERPRISE", [
    ["creditCode", byCode ? [view(byCode)] : []],
    ["nameAddress", byNameAddress.map(view)],
    ["name", sameName.map(view)],
  ]);
}

/**
 * Register records that an offline registration may duplicate, masked as the lists show them
 * (household: 户号, phone, head name + address; enterprise: credit code, name, name + address).
 * [] when nothing matches. A 户号/信用代码 held by a record outside the user's area comes back
 * as the one entry `{ outOfScope: true, matchedOn: [key] }` with every detail blank.
 * A user who may not register this kind gets [] (the action then refuses them): the candidates
 * are a step of registering, not a way to read the register.
 */
export async function findRegisterDuplicates(
  user: SessionUser,
  kind: "household.create" | "enterprise.create",
  input: Record<string, unknown>,
  client: Db | Tx = db,
): Promise<DuplicateCandidate[]> {
  const household = kind === "household.create";
  if (!can(user, (household ? HOUSEHOLDS : ENTERPRISES).manage)) return [];
  return household ? householdDuplicates(user, input, client) : enterpriseDuplicates(user, input, client);
}
