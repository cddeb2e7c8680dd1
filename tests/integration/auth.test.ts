import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createDbClient, db } from "@/lib/platform/db/client";
import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { getCurrentUser, loadSessionUser } from "@/lib/platform/auth/session";
import { now } from "@/lib/platform/clock";
import { SESSION_POLICY } from "@/lib/platform/auth/config";
import { updateUserAction, setUserActiveAction, resetUserPasswordAction } from "@/lib/users/actions";
import { changeOwnPasswordAction, signOutAction } from "@/lib/account/actions";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { requestState, resetRequest, signInAs } from "../support/next-stubs";
import { actAs, demoUser } from "../support/fixtures";

const meta = { requestId: "test", ip: "127.0.0.1" };

beforeEach(() => resetRequest());

describe("sign-in", () => {
  it("accepts username or phone with the right password; hashes are argon2id", async () => {
    expect(await verifyCredentials("py.officer", DEMO_PASSWORD, meta)).toMatchObject({ role: "OFFICER" });
    expect(await verifyCredentials("13700000006", DEMO_PASSWORD, meta)).toMatchObject({ name: "张婷" });
    expect((await demoUser("py.officer")).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("locks the account after 5 failures in 15 minutes: the 6th try with the right password fails", async () => {
    for (let i = 0; i < 5; i++) expect(await verifyCredentials("lz.officer", "wrong-password-1", meta)).toBeNull();
    const user = await demoUser("lz.officer");
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await verifyCredentials("lz.officer", DEMO_PASSWORD, meta)).toBeNull();
    // Every attempt is audited, with the reason kept for the admin.
    const attempts = await db.auditLog.findMany({ where: { action: "auth.signIn", entityId: user.id }, orderBy: { seq: "asc" } });
    expect(attempts.map((a) => (a.data as { reason?: string }).reason)).toEqual([...Array(5).fill("wrongPassword"), "locked"]);
    // The lock lives in the database: once it has passed, the right password works again.
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await verifyCredentials("lz.officer", DEMO_PASSWORD, meta)).not.toBeNull();
    expect((await demoUser("lz.officer")).failedLoginCount).toBe(0);
  });

  it("counts concurrent failures without losing any", async () => {
    await Promise.all(Array.from({ length: 5 }, () => verifyCredentials("gd.officer", "wrong-password-1", meta)));
    expect((await demoUser("gd.officer")).failedLoginCount).toBe(5);
    expect((await demoUser("gd.officer")).lockedUntil).not.toBeNull();
  });

  it("answers an unknown user exactly like a wrong password, and audits it", async () => {
    expect(await verifyCredentials("nobody-here", "whatever-123", meta)).toBeNull();
    const row = await db.auditLog.findFirst({ where: { action: "auth.signIn", outcome: "FAILED" }, orderBy: { seq: "desc" } });
    expect(row?.data).toMatchObject({ login: "nobody-here", reason: "unknownUser" });
  });

  it("keeps no phone number in clear in the log of a failed sign-in", async () => {
    const user = await demoUser("py.ch.officer");
    await db.user.update({ where: { id: user.id }, data: { phone: "13905710001" } });
    expect(await verifyCredentials("13905710001", "wrong-password-1", meta)).toBeNull();
    expect(await verifyCredentials("13905719999", "whatever-123", meta)).toBeNull();
    const rows = await db.auditLog.findMany({ where: { action: "auth.signIn", outcome: "FAILED" }, orderBy: { seq: "desc" }, take: 2 });
    expect(rows.map((r) => [r.entityId, r.data])).toEqual([
      [null, { login: "139****9999", reason: "unknownUser" }],
      [user.id, { via: "phone", reason: "wrongPassword" }],
    ]);
    expect(JSON.stringify(rows.map((r) => r.data))).not.toMatch(/1390571(0001|9999)/);
  });

  it("refuses a deactivated account", async () => {
    await db.user.update({ where: { username: "py.officer2" }, data: { active: false } });
    expect(await verifyCredentials("py.officer2", DEMO_PASSWORD, meta)).toBeNull();
  });
});

describe("session revocation", () => {
  it("a role change ends the user's existing session", async () => {
    const target = await demoUser("py.officer");
    await signInAs(target);
    expect((await getCurrentUser())?.id).toBe(target.id);
    const officerCookie = (await import("../support/next-stubs")).requestState.cookies.get("authjs.session-token")!;

    await actAs("admin");
    const result = await updateUserAction({ id: target.id, version: target.version, name: target.name, phone: target.phone ?? "", role: "MANAGER", orgUnitId: target.orgUnitId });
    expect(result.ok).toBe(true);

    resetRequest();
    (await import("../support/next-stubs")).requestState.cookies.set("authjs.session-token", officerCookie);
    expect(await getCurrentUser()).toBeNull();
  });

  it("deactivation and password reset end sessions too", async () => {
    for (const change of ["deactivate", "reset"] as const) {
      const username = change === "deactivate" ? "gd.officer" : "lz.officer";
      const target = await demoUser(username);
      resetRequest();
      await signInAs(target);
      const cookie = (await import("../support/next-stubs")).requestState.cookies.get("authjs.session-token")!;
      await actAs("admin");
      const r = change === "deactivate"
        ? await setUserActiveAction({ id: target.id, version: target.version, active: false })
        : await resetUserPasswordAction({ id: target.id, version: target.version });
      expect(r.ok).toBe(true);
      resetRequest();
      (await import("../support/next-stubs")).requestState.cookies.set("authjs.session-token", cookie);
      expect(await getCurrentUser(), change).toBeNull();
    }
  });

  it("signing out revokes the token itself, so a copy of the cookie no longer works", async () => {
    const user = await demoUser("py.manager");
    await signInAs(user);
    const cookie = requestState.cookies.get("authjs.session-token")!;
    expect(await getCurrentUser()).not.toBeNull();
    await expect(signOutAction()).rejects.toThrow(/NEXT_REDIRECT/);
    resetRequest();
    requestState.cookies.set("authjs.session-token", cookie);
    expect(await getCurrentUser()).toBeNull();
    expect(await db.auditLog.count({ where: { action: "auth.signOut", actorId: user.id } })).toBe(1);
  });

  it("a session older than the absolute lifetime is refused", async () => {
    const user = await demoUser("py.manager");
    await signInAs(user, { authTime: Math.floor(Date.now() / 1000) - SESSION_POLICY.absoluteSeconds - 60 });
    expect(await getCurrentUser()).toBeNull();
  });

  it("a reset password must be changed before anything else, then works", async () => {
    const target = await demoUser("yh.manager");
    await actAs("admin");
    const reset = await resetUserPasswordAction({ id: target.id, version: target.version });
    if (!reset.ok) throw new Error(reset.error);
    const temp = reset.data.temporaryPassword;
    expect(await verifyCredentials("yh.manager", DEMO_PASSWORD, meta)).toBeNull();
    const signedIn = await verifyCredentials("yh.manager", temp, meta);
    expect(signedIn).not.toBeNull();

    resetRequest();
    await signInAs({ ...signedIn!, name: target.name });
    // Other actions are refused until the password is changed.
    const blocked = await updateUserAction({ id: target.id, version: 1, name: "x", phone: "", role: "OFFICER", orgUnitId: target.orgUnitId });
    expect(blocked).toMatchObject({ ok: false, error: "请先修改临时密码。" });

    const changed = await changeOwnPasswordAction({ currentPassword: temp, newPassword: "my-new-pass-2026", confirmPassword: "my-new-pass-2026" });
    expect(changed.ok).toBe(true);
    const after = await demoUser("yh.manager");
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyCredentials("yh.manager", "my-new-pass-2026", meta)).not.toBeNull();
  });
});

describe("session revalidation (every request)", () => {
  it("is one statement that refuses a revoked token, an inactive account and an old sessionVersion", async () => {
    const unit = (await demoUser("py.officer")).orgUnitId;
    const user = await db.user.create({ data: { username: `sv-${randomUUID()}`, name: "会话复核", passwordHash: "x", role: "OFFICER", orgUnitId: unit, sessionVersion: 3 } });
    const [sid, revokedSid] = [randomUUID(), randomUUID()];
    await db.revokedSession.create({ data: { sid: revokedSid, userId: user.id, expiresAt: now() } });
    // A client with the query-event switch on (DB_QUERY_EVENTS=1): its lines on stderr count the statements.
    process.env.DB_QUERY_EVENTS = "1";
    const logging = createDbClient();
    delete process.env.DB_QUERY_EVENTS;
    const lines: string[] = [];
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (lines.push(String(chunk)), true));
    const check = async (version: number, tokenId: string) => {
      lines.length = 0;
      const found = await loadSessionUser(user.id, version, tokenId, logging);
      return { found, statements: lines.filter((l) => l.startsWith("[db-query] ")).length };
    };
    try {
      const ok = await check(3, sid);
      expect(ok).toEqual({ found: { id: user.id, username: user.username, name: "会话复核", role: "OFFICER", orgUnitId: unit, orgPath: expect.any(String), orgName: expect.any(String), mustChangePassword: false }, statements: 1 });
      // The statement's line carries a hash of the parameters, never their values (a token id here; names and ID numbers elsewhere).
      expect(lines.join("")).not.toContain(sid);
      expect(await check(3, revokedSid)).toEqual({ found: null, statements: 1 });
      expect(await check(2, sid)).toEqual({ found: null, statements: 1 });
      await db.user.update({ where: { id: user.id }, data: { active: false } });
      expect(await check(3, sid)).toEqual({ found: null, statements: 1 });
      expect(await loadSessionUser("no-such-user", 1, sid)).toBeNull();
    } finally {
      stderr.mockRestore();
      await logging.$disconnect();
    }
  });
});
