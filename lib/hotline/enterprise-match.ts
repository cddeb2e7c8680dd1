// Which registered enterprise a request is from, when the caller gave only a name (the public
// form, "只记企业名称" on the phone) or a credit code. A request is linked to the register only
// when the match is certain — the credit code, or exactly one enterprise whose name is the same
// once spacing and full-/half-width brackets are set aside — and always within the request's
// own area: an enterprise of another street is never linked nor offered. Anything less certain
// (the name contains, or is contained in, a registered name) is only suggested, for the
// operator to confirm on the request page (linkRequestEnterpriseAction).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db, type Tx } from "@/lib/platform/db/client";

export type EnterpriseCandidate = { id: string; name: string; creditCode: string; orgUnitId: string; orgPath: string };

export type EnterpriseMatch =
  | { kind: "linked"; by: "creditCode" | "name"; enterprise: EnterpriseCandidate }
  | { kind: "suggested"; candidates: EnterpriseCandidate[] }
  | { kind: "none" };

const SUGGESTIONS = 5;

/**
 * "杭州良渚文旅发展有限公司" whatever the spacing, full-width letters or brackets:
 * NFKC turns （） and full-width Latin into their half-width forms and U+3000 into a space.
 */
export function normaliseEnterpriseName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

// The legal form and the place prefix say nothing about which enterprise it is: "良渚文旅"
// is the part a caller remembers.
const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|集团|公司)$/u;
const PLACE = /^(浙江省|浙江|杭州市|杭州|余杭区|余杭)/u;

/** The distinctive part of a normalised name, for the approximate match. */
export function nameCore(normalised: string): string {
  return normalised.replace(LEGAL_FORM, "").replace(PLACE, "");
}

/** The deeper of two org paths when one lies inside the other; null when they are apart. */
export function narrowerScope(a: string, b: string): string | null {
  return b.startsWith(a) ? b : a.startsWith(b) ? a : null;
}

// The same normalisation in SQL for the register's side. NFKC is not available in SQL, so only
// brackets, spaces (including U+3000) and case are folded there: registered names are typed
// by staff and rarely carry full-width Latin.
const sqlNormalised = Prisma.sql`upper(regexp_replace(translate(e.name, '（）', '()'), '[[:space:]　]', '', 'g'))`;
const sqlCore = Prisma.sql`regexp_replace(regexp_replace(${sqlNormalised}, '(股份有限公司|有限责任公司|有限公司|集团|公司)$', ''), '^(浙江省|浙江|杭州市|杭州|余杭区|余杭)', '')`;

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type Row = { id: string; name: string; creditCode: string; orgUnitId: string; orgPath: string };

/**
 * The enterprise a request names, looked up within `scopePath` (the request's area): by credit
 * code, then by the exact normalised name (one hit only), else up to five suggestions.
 */
export async function matchEnterprise(input: { creditCode?: string | null; name: string; scopePath: string }, client: Db | Tx = db): Promise<EnterpriseMatch> {
  const scope = `${likeEscape(input.scopePath)}%`;
  const code = input.creditCode?.trim().toUpperCase();
  if (code) {
    const byCode = await client.enterprise.findFirst({
      where: { creditCode: code, active: true, orgUnit: { path: { startsWith: input.scopePath } } },
      select: { id: true, name: true, creditCode: true, orgUnitId: true, orgUnit: { select: { path: true } } },
    });
    if (byCode) return { kind: "linked", by: "creditCode", enterprise: { ...byCode, orgPath: byCode.orgUnit.path } };
  }
  const normalised = normaliseEnterpriseName(input.name);
  if (!normalised) return { kind: "none" };

  const exact = await client.$queryRaw<Row[]>`
    SELECT e.id, e.name, e."creditCode", e."orgUnitId", o.path AS "orgPath"
    FROM enterprise e JOIN org_unit o ON o.id = e."orgUnitId"
    WHERE e.active AND o.path LIKE ${scope} AND ${sqlNormalised} = ${normalised}
    ORDER BY e.name, e.id
    LIMIT ${SUGGESTIONS}`;
  if (exact.length === 1) return { kind: "linked", by: "name", enterprise: exact[0]! };
  // Two registered enterprises with the same name: the operator decides which.
  if (exact.length > 1) return { kind: "suggested", candidates: exact };

  const core = nameCore(normalised);
  // One or two characters ("良渚") would suggest half the street.
  if ([...core].length < 3) return { kind: "none" };
  const near = await client.$queryRaw<Row[]>`
    SELECT e.id, e.name, e."creditCode", e."orgUnitId", o.path AS "orgPath"
    FROM enterprise e JOIN org_unit o ON o.id = e."orgUnitId"
    WHERE e.active AND o.path LIKE ${scope}
      AND (${sqlNormalised} LIKE ${`%${likeEscape(core)}%`}
           OR (char_length(${sqlCore}) >= 3 AND ${normalised} LIKE '%' || replace(replace(replace(${sqlCore}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'))
    ORDER BY abs(char_length(e.name) - ${[...input.name.trim()].length}), e.name, e.id
    LIMIT ${SUGGESTIONS}`;
  return near.length ? { kind: "suggested", candidates: near } : { kind: "none" };
}
