// User account changes. Any change to who a user is for authorization (role, org unit,
// active) or how they prove it (password, DingTalk link) bumps sessionVersion, which ends their sessions.
import { now } from "@/lib/platform/clock";
import type { Tx } from "@/lib/platform/db/client";
import { ConflictError, RuleViolation } from "@/lib/platform/errors";
import { isUniqueViolation } from "@/lib/platform/db/errors";
import { generateTemporaryPassword, hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import type { CreateUserInput, UpdateUserInput } from "./schemas";

type ExistingUser = { id: string; version: number; role: string; orgUnitId: string; phone: string | null; name: string; active: boolean; dingtalkUserId?: string | null };

async function assertPhoneFree(tx: Tx, phone: string | null, exceptId?: string) {
  if (!phone) return;
  const other = await tx.user.findFirst({ where: { phone, ...(exceptId ? { NOT: { id: exceptId } } : {}) } });
  if (other) throw new RuleViolation("phoneTaken", "phone");
}

/** Creates the account with a temporary password the user must change at first sign-in. */
export async function createUser(input: CreateUserInput & { orgUnitActive: boolean }, tx: Tx) {
  if (!input.orgUnitActive) throw new RuleViolation("orgUnitInactive", "orgUnitId");
  if (await tx.user.findUnique({ where: { username: input.username } })) throw new RuleViolation("usernameTaken", "username");
  await assertPhoneFree(tx, input.phone);
  const temporaryPassword = generateTemporaryPassword();
  try {
    const user = await tx.user.create({
      data: {
        username: input.username,
        name: input.name,
        phone: input.phone,
        role: input.role,
        orgUnitId: input.orgUnitId,
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
      },
    });
    return { user, temporaryPassword };
  } catch (e) {
    if (isUniqueViolation(e)) throw new RuleViolation("usernameTaken", "username");
    throw e;
  }
}

async function assertDingTalkFree(tx: Tx, dingtalkUserId: string | null | undefined, exceptId: string) {
  if (!dingtalkUserId) return;
  const other = await tx.user.findFirst({ where: { dingtalkUserId, NOT: { id: exceptId } }, select: { id: true } });
  if (other) throw new RuleViolation("dingtalkTaken", "dingtalkUserId");
}

export async function updateUser(existing: ExistingUser, input: UpdateUserInput & { orgUnitActive: boolean }, tx: Tx) {
  if (input.orgUnitId !== existing.orgUnitId && !input.orgUnitActive) throw new RuleViolation("orgUnitInactive", "orgUnitId");
  await assertPhoneFree(tx, input.phone, existing.id);
  await assertDingTalkFree(tx, input.dingtalkUserId, existing.id);
  // undefined: the caller did not show the field, the link stays; null unlinks.
  const dingtalkChanged = input.dingtalkUserId !== undefined && input.dingtalkUserId !== (existing.dingtalkUserId ?? null);
  // A new or removed DingTalk link changes how the user proves who they are (免登), like a
  // password reset: their sessions end, so one opened through a link just removed goes too.
  const sessionsEnded = input.role !== existing.role || input.orgUnitId !== existing.orgUnitId || dingtalkChanged;
  const { count } = await tx.user.updateMany({
    where: { id: existing.id, version: input.version },
    data: {
      name: input.name,
      phone: input.phone,
      role: input.role,
      orgUnitId: input.orgUnitId,
      ...(dingtalkChanged ? { dingtalkUserId: input.dingtalkUserId, dingtalkLinkedAt: input.dingtalkUserId ? now() : null } : {}),
      version: { increment: 1 },
      ...(sessionsEnded ? { sessionVersion: { increment: 1 } } : {}),
    },
  }).catch((e: unknown) => {
    // Two admins giving the same DingTalk account to two users at once: the unique index decides.
    if (isUniqueViolation(e)) throw new RuleViolation("dingtalkTaken", "dingtalkUserId");
    throw e;
  });
  if (count === 0) throw new ConflictError();
  return { user: await tx.user.findUniqueOrThrow({ where: { id: existing.id } }), sessionsEnded, dingtalkChanged };
}

export async function setUserActive(existing: ExistingUser, version: number, active: boolean, tx: Tx) {
  const { count } = await tx.user.updateMany({
    where: { id: existing.id, version },
    data: { active, version: { increment: 1 }, sessionVersion: { increment: 1 }, ...(active ? { failedLoginCount: 0, lockedUntil: null } : {}) },
  });
  if (count === 0) throw new ConflictError();
  return tx.user.findUniqueOrThrow({ where: { id: existing.id } });
}

/** Issues a new temporary password; existing sessions end and a lockout is lifted. */
export async function resetUserPassword(existing: ExistingUser, version: number, tx: Tx) {
  const temporaryPassword = generateTemporaryPassword();
  const { count } = await tx.user.updateMany({
    where: { id: existing.id, version },
    data: {
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
      version: { increment: 1 },
      sessionVersion: { increment: 1 },
      failedLoginCount: 0,
      failedLoginWindowStart: null,
      lockedUntil: null,
    },
  });
  if (count === 0) throw new ConflictError();
  return { temporaryPassword, user: await tx.user.findUniqueOrThrow({ where: { id: existing.id } }) };
}

/**
 * The user's own password change. Other sessions end (sessionVersion moves); the caller
 * re-issues the current session's cookie so this device stays signed in.
 */
export async function changeOwnPassword(userId: string, currentPassword: string, newPassword: string, tx: Tx) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new RuleViolation("currentPasswordWrong", "currentPassword");
  return tx.user.update({
    where: { id: userId },
    data: {
      passwordHash: await hashPassword(newPassword),
      mustChangePassword: false,
      passwordChangedAt: now(),
      sessionVersion: { increment: 1 },
      version: { increment: 1 },
    },
  });
}
