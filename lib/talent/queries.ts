// Talent reads, confined to the actor's org subtree (and the programme's reach). ID numbers
// leave this module only masked: the views below never carry the ciphertext or the clear
// number; the one unmasking path is unmaskTalentIdAction (permission + audit).
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { inSubtree } from "@/lib/platform/org/scope";
import { decryptPii } from "@/lib/platform/privacy/crypto";
import { maskIdNumber, maskPhone } from "@/lib/platform/privacy/mask";
import type { Prisma } from "@/lib/generated/prisma/client";

export const TALENT_PAGE_SIZE = 50;

/** The masked ID number (3301**********1234); falls back to the stored last four. */
export function maskedId(talent: { idNumberEnc: string; idLast4: string }): string {
  try {
    return maskIdNumber(decryptPii(talent.idNumberEnc));
  } catch {
    return `${"*".repeat(14)}${talent.idLast4}`;
  }
}

export type TalentFilter = { q?: string; enterpriseId?: string; reach?: string[] };

function talentWhere(actor: Actor, filter: TalentFilter): Prisma.TalentWhereInput {
  return {
    AND: [
      inSubtree(actor),
      filter.reach ? { OR: filter.reach.map((p) => ({ orgUnit: { path: { startsWith: p } } })) } : {},
      filter.enterpriseId ? { enterpriseId: filter.enterpriseId } : {},
      filter.q ? { OR: [{ name: { startsWith: filter.q } }, { enterprise: { name: { contains: filter.q } } }] } : {},
    ],
  };
}

/** One page of talents (keyset by id), ID numbers masked, balances from the accounts. */
export async function listTalents(actor: Actor, filter: TalentFilter, after?: string, client: Db | Tx = db) {
  const rows = await client.talent.findMany({
    where: { AND: [talentWhere(actor, filter), after ? { id: { gt: after } } : {}] },
    orderBy: { id: "asc" },
    take: TALENT_PAGE_SIZE + 1,
    select: {
      id: true, name: true, idNumberEnc: true, idLast4: true, education: true, title: true, position: true, active: true,
      enterprise: { select: { id: true, name: true } },
      orgUnit: { select: { name: true } },
      account: { select: { balance: true } },
    },
  });
  const page = rows.slice(0, TALENT_PAGE_SIZE).map(({ idNumberEnc, idLast4, account, ...t }) => ({
    ...t, idMasked: maskedId({ idNumberEnc, idLast4 }), balance: account?.balance ?? 0,
  }));
  return { talents: page, nextCursor: rows.length > TALENT_PAGE_SIZE ? page.at(-1)?.id : undefined };
}

/**
 * One chunk of the talents list for the Excel export (same scope, filters and keyset order as
 * listTalents). The ID number is decrypted only when `unmask` (the caller has checked
 * "personalData.unmask"); otherwise it is masked from the stored last four, never decrypted.
 */
export async function listTalentsForExport(actor: Actor, filter: TalentFilter, unmask: boolean, after?: string, take = 500, client: Db | Tx = db) {
  const rows = await client.talent.findMany({
    where: { AND: [talentWhere(actor, filter), after ? { id: { gt: after } } : {}] },
    orderBy: { id: "asc" },
    take,
    select: {
      id: true, name: true, idNumberEnc: true, idLast4: true, education: true, title: true, position: true, active: true,
      enterprise: { select: { name: true } },
      orgUnit: { select: { name: true } },
      account: { select: { balance: true } },
    },
  });
  return rows.map(({ idNumberEnc, idLast4, account, ...t }) => ({
    ...t, idNumber: unmask ? decryptPii(idNumberEnc) : `${"*".repeat(14)}${idLast4}`, balance: account?.balance ?? 0,
  }));
}

/** A talent in the actor's subtree (full row: callers must pass it through talentView before showing it), or NotFoundError. */
export async function getTalentOrThrow(actor: Actor, id: string, client: Db | Tx = db) {
  const talent = await client.talent.findFirst({
    where: { id, ...inSubtree(actor) },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      enterprise: { select: { id: true, name: true, orgUnitId: true } },
      account: { select: { id: true, balance: true } },
    },
  });
  if (!talent) throw new NotFoundError({ entityType: "Talent", entityId: id });
  return { ...talent, orgPath: talent.orgUnit.path };
}

export type TalentRow = Awaited<ReturnType<typeof getTalentOrThrow>>;

/**
 * What a page or a client component may receive: no ciphertext, ID masked, phone masked — and
 * the birth year only. The masked ID (3301**********123X) hides the birth date (8 of its 10
 * hidden digits) and the district; with the full birth date beside it, the district code (a
 * dozen or so in Hangzhou) and the visible check digit give the number back in a guess or two.
 */
export function talentView(t: TalentRow) {
  return {
    id: t.id, version: t.version, name: t.name, idMasked: maskedId(t), phoneMasked: maskPhone(t.phone), gender: t.gender,
    birthYear: t.birthDate ? t.birthDate.getUTCFullYear() : null, education: t.education, title: t.title, position: t.position, joinedOn: t.joinedOn, active: t.active,
    enterprise: t.enterprise, orgUnit: { id: t.orgUnit.id, name: t.orgUnit.name }, balance: t.account?.balance ?? 0, accountId: t.account?.id ?? null,
    updatedAt: t.updatedAt,
  };
}
export type TalentView = ReturnType<typeof talentView>;

/** Talents for a picker (application and redemption forms), masked. */
export async function talentOptions(actor: Actor, reach: string[], enterpriseId?: string, client: Db | Tx = db) {
  const rows = await client.talent.findMany({
    where: talentWhere(actor, { reach, enterpriseId }),
    orderBy: [{ enterpriseId: "asc" }, { name: "asc" }],
    take: 500,
    select: { id: true, name: true, idLast4: true, enterprise: { select: { id: true, name: true } }, account: { select: { balance: true } } },
  });
  return rows.map((t) => ({ id: t.id, name: t.name, last4: t.idLast4, enterpriseId: t.enterprise.id, enterpriseName: t.enterprise.name, balance: t.account?.balance ?? 0 }));
}

/** Enterprises a user may file for: in the subtree and in the programme's reach. */
export async function enterpriseOptions(actor: Actor, reach: string[], client: Db | Tx = db) {
  return client.enterprise.findMany({
    where: { active: true, AND: [inSubtree(actor), { OR: reach.map((p) => ({ orgUnit: { path: { startsWith: p } } })) }] },
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, orgUnitId: true },
  });
}
