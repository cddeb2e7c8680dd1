// Talent writes. The ID number is encrypted before it reaches Prisma; its keyed hash finds a
// talent registered twice without decrypting anything.
import type { Tx } from "@/lib/platform/db/client";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { encryptPii, piiHash } from "@/lib/platform/privacy/crypto";
import { dateOnly } from "@/lib/platform/dates";
import { idNumberFacts, normalizeIdNumber } from "./id-number";

type Fields = {
  name: string; phone: string | null; education: string; title: string; position: string; joinedOn: string | null;
};

function idColumns(idNumber: string) {
  const id = normalizeIdNumber(idNumber);
  const facts = idNumberFacts(id);
  return { idNumberEnc: encryptPii(id), idHash: piiHash(id), idLast4: id.slice(-4), birthDate: facts.birthDate, gender: facts.gender };
}

export async function createTalent(enterprise: { id: string; orgUnitId: string }, input: Fields & { idNumber: string }, tx: Tx) {
  const ids = idColumns(input.idNumber);
  if (await tx.talent.findUnique({ where: { idHash: ids.idHash }, select: { id: true } })) throw new RuleViolation("points.idNumberTaken", "idNumber");
  try {
    return await tx.talent.create({
      data: {
        enterpriseId: enterprise.id, orgUnitId: enterprise.orgUnitId, name: input.name, phone: input.phone, education: input.education,
        title: input.title, position: input.position, joinedOn: input.joinedOn ? dateOnly(input.joinedOn) : null, ...ids,
      },
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("points.idNumberTaken", "idNumber");
    throw e;
  }
}

export async function updateTalent(
  existing: { id: string; version: number }, enterprise: { id: string; orgUnitId: string }, input: Fields & { idNumber: string }, tx: Tx,
) {
  const ids = input.idNumber ? idColumns(input.idNumber) : null;
  if (ids) {
    const other = await tx.talent.findUnique({ where: { idHash: ids.idHash }, select: { id: true } });
    if (other && other.id !== existing.id) throw new RuleViolation("points.idNumberTaken", "idNumber");
  }
  const { count } = await tx.talent.updateMany({
    where: { id: existing.id, version: existing.version },
    data: {
      enterpriseId: enterprise.id, orgUnitId: enterprise.orgUnitId, name: input.name, education: input.education, title: input.title,
      position: input.position, joinedOn: input.joinedOn ? dateOnly(input.joinedOn) : null,
      ...(input.phone ? { phone: input.phone } : {}), ...(ids ?? {}), version: { increment: 1 },
    },
  });
  if (count === 0) throw new ConflictError();
  return tx.talent.findUniqueOrThrow({ where: { id: existing.id } });
}
