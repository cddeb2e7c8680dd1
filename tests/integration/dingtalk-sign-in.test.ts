// 免登: a DingTalk auth code, exchanged with a local server playing DingTalk's API
// (tests/support/fake-dingtalk.ts), signs in the linked user through the "dingtalk" Auth.js
// provider — the same session as a password, refusals for unlinked, deactivated and locked
// users, every attempt audited. A first sign-in links the account through one password
// sign-in carrying the server-signed link token; a forged or expired token links nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { now, nowMs, pinClock, unpinClock } from "@/lib/platform/clock";
import { verifyCredentials } from "@/lib/platform/auth/credentials";
import { getCurrentUser } from "@/lib/platform/auth/session";
import {
  createDingTalkLinkToken, DINGTALK_LINK_COOKIE, LINK_TOKEN_SECONDS, readDingTalkLinkToken, signInWithDingTalk,
} from "@/lib/platform/auth/dingtalk";
import { forgetDingTalkTokens } from "@/lib/platform/dingtalk/client";
import { dingtalkSignInAction, signInAction, signOutAction } from "@/lib/account/actions";
import { updateUserAction } from "@/lib/users/actions";
import { DEMO_PASSWORD } from "@/prisma/demo-data";
import { requestState, resetRequest } from "../support/next-stubs";
import { actAs, demoUser } from "../support/fixtures";
import { fakeDingTalkEnv, startFakeDingTalk, type FakeDingTalk } from "../support/fake-dingtalk";

const meta = { requestId: "test", ip: "127.0.0.1" };
let fake: FakeDingTalk;
const savedEnv: Record<string, string | undefined> = {};
let codeSeq = 0;

/** A one-time code DingTalk would hand the micro-app of this member. */
function codeFor(dingtalkUserId: string): string {
  const code = `auth-code-${++codeSeq}`;
  fake.codes.set(code, dingtalkUserId);
  return code;
}

beforeAll(async () => {
  fake = await startFakeDingTalk();
  for (const [k, v] of Object.entries(fakeDingTalkEnv(fake))) {
    savedEnv[k] = process.env[k];
    process.env[k] = v;
  }
  await db.user.update({ where: { username: "py.officer" }, data: { dingtalkUserId: "dt-officer", dingtalkLinkedAt: now() } });
  await db.user.update({ where: { username: "py.officer2" }, data: { dingtalkUserId: "dt-officer2", dingtalkLinkedAt: now(), active: false } });
  await db.user.update({ where: { username: "lz.officer" }, data: { dingtalkUserId: "dt-locked", lockedUntil: new Date(nowMs() + 3_600_000) } });
});
afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await fake.close();
});
beforeEach(() => {
  resetRequest();
  forgetDingTalkTokens();
});

const lastSignIn = () => db.auditLog.findFirst({ where: { action: "auth.signIn" }, orderBy: { seq: "desc" } });

/** Runs an action that redirects on success; returns where it went, or its result. */
async function redirected<T>(run: () => Promise<T>): Promise<string | T> {
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (digest?.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
}

describe("免登", () => {
  it("signs in the linked user with the same session as a password, audited with method dingtalk", async () => {
    const officer = await demoUser("py.officer");
    const code = codeFor("dt-officer");
    const result = await signInWithDingTalk(code, meta);
    expect(result).toEqual({ ok: true, user: { id: officer.id, name: officer.name, role: "OFFICER", orgUnitId: officer.orgUnitId, sessionVersion: officer.sessionVersion } });
    expect((await demoUser("py.officer")).lastLoginAt).not.toBeNull();
    expect(await lastSignIn()).toMatchObject({ actorId: officer.id, outcome: "OK", data: { method: "dingtalk" } });
    // The code went to DingTalk with the app's token; it cannot be used twice.
    const exchange = fake.requests.filter((r) => r.path === "/topapi/v2/user/getuserinfo").at(-1)!;
    expect(exchange.accessToken).toMatch(/^fake-token-/);
    expect(await signInWithDingTalk(code, meta)).toEqual({ ok: false, reason: "codeRejected" });
  });

  it("through the Auth.js provider and the login page's action: a session cookie, then the callback path", async () => {
    const officer = await demoUser("py.officer");
    const where = await redirected(() => dingtalkSignInAction({ code: codeFor("dt-officer"), callbackUrl: "/hotline" }));
    expect(where).toBe("/hotline");
    expect((await getCurrentUser())?.id).toBe(officer.id);
  });

  it("refuses a deactivated or locked user, and a code DingTalk does not know, each audited", async () => {
    const inactive = await demoUser("py.officer2");
    expect(await signInWithDingTalk(codeFor("dt-officer2"), meta)).toEqual({ ok: false, reason: "inactive" });
    expect(await lastSignIn()).toMatchObject({ actorId: inactive.id, outcome: "FAILED", data: { method: "dingtalk", reason: "inactive" } });
    expect(await signInWithDingTalk(codeFor("dt-locked"), meta)).toEqual({ ok: false, reason: "locked" });
    expect(await lastSignIn()).toMatchObject({ outcome: "FAILED", data: { method: "dingtalk", reason: "locked" } });
    expect(await signInWithDingTalk("never-issued", meta)).toEqual({ ok: false, reason: "codeRejected" });
    expect(await lastSignIn()).toMatchObject({ actorId: null, outcome: "FAILED", data: { method: "dingtalk", reason: "codeRejected", code: "40078" } });
    // DingTalk down is not the person's fault: "unavailable", also audited.
    fake.script("getuserinfo", { status: 503 });
    expect(await signInWithDingTalk(codeFor("dt-officer"), meta)).toEqual({ ok: false, reason: "unavailable" });
    // The login page's action says "refused" and leaves no session.
    expect(await dingtalkSignInAction({ code: codeFor("dt-officer2") })).toEqual({ status: "refused" });
    expect(await getCurrentUser()).toBeNull();
  });

  it("refuses an unlinked DingTalk account; one password sign-in in the same browser links it", async () => {
    const target = await demoUser("gd.officer");
    expect(target.dingtalkUserId).toBeNull();
    // The DingTalk attempt: refused, audited, and the browser holds a signed link token.
    expect(await dingtalkSignInAction({ code: codeFor("dt-new-member") })).toEqual({ status: "unlinked" });
    expect(await lastSignIn()).toMatchObject({ actorId: null, outcome: "FAILED", data: { method: "dingtalk", reason: "unlinked", dingtalkUserId: "dt-new-member" } });
    const token = requestState.cookies.get(DINGTALK_LINK_COOKIE)!;
    expect(readDingTalkLinkToken(token)).toBe("dt-new-member");
    expect(await getCurrentUser()).toBeNull();

    // The password sign-in on the same page links the account, once.
    const form = new FormData();
    form.set("login", "gd.officer");
    form.set("password", DEMO_PASSWORD);
    form.set("callbackUrl", "/");
    expect(await redirected(() => signInAction({ error: null, login: "" }, form))).toBe("/");
    const linked = await demoUser("gd.officer");
    expect(linked).toMatchObject({ dingtalkUserId: "dt-new-member" });
    expect(linked.dingtalkLinkedAt).not.toBeNull();
    expect(requestState.cookies.has(DINGTALK_LINK_COOKIE)).toBe(false);
    const audit = await db.auditLog.findFirst({ where: { action: "user.dingtalkLinked", entityId: target.id }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ actorId: target.id, outcome: "OK", data: { dingtalkUserId: "dt-new-member", via: "signIn" } });

    // From now on DingTalk signs them in without a password.
    expect(await signInWithDingTalk(codeFor("dt-new-member"), meta)).toMatchObject({ ok: true, user: { id: target.id } });
  });

  it("a pending link token does not survive a sign-out or a DingTalk sign-in", async () => {
    const passwordSignIn = (login: string) => {
      const form = new FormData();
      form.set("login", login);
      form.set("password", DEMO_PASSWORD);
      form.set("callbackUrl", "/");
      return redirected(() => signInAction({ error: null, login: "" }, form));
    };
    // "Not linked" in this browser, then a sign-out: the next password sign-in links nothing.
    expect(await dingtalkSignInAction({ code: codeFor("dt-left-behind") })).toEqual({ status: "unlinked" });
    expect(requestState.cookies.has(DINGTALK_LINK_COOKIE)).toBe(true);
    expect(await redirected(() => signOutAction())).toMatch(/\/login$/);
    expect(requestState.cookies.has(DINGTALK_LINK_COOKIE)).toBe(false);
    expect(await passwordSignIn("hb.officer2")).toBe("/");
    expect((await demoUser("hb.officer2")).dingtalkUserId).toBeNull();

    // "Not linked", then a linked member signs in through DingTalk: the token goes too.
    resetRequest();
    expect(await dingtalkSignInAction({ code: codeFor("dt-left-behind") })).toEqual({ status: "unlinked" });
    expect(await redirected(() => dingtalkSignInAction({ code: codeFor("dt-officer") }))).toBe("/");
    expect(requestState.cookies.has(DINGTALK_LINK_COOKIE)).toBe(false);
    expect(await db.user.count({ where: { dingtalkUserId: "dt-left-behind" } })).toBe(0);
  });

  it("a forged, altered or expired token links nothing (the sign-in itself still works)", async () => {
    const before = await demoUser("hb.officer2");
    const username = before.username;
    const valid = createDingTalkLinkToken("dt-forged");
    const [id, expiry] = valid.split(".");
    const forged = `${Buffer.from("dt-someone-else").toString("base64url")}.${expiry}.${valid.split(".")[2]}`;
    const unsigned = `${id}.${expiry}.${Buffer.alloc(32).toString("base64url")}`;
    const expired = createDingTalkLinkToken("dt-forged", nowMs() - (LINK_TOKEN_SECONDS + 1) * 1000);
    for (const token of [forged, unsigned, expired, "dt-forged", ""]) {
      expect(readDingTalkLinkToken(token)).toBeNull();
      expect(await verifyCredentials(username, DEMO_PASSWORD, meta, { dingtalkLink: token })).not.toBeNull();
    }
    expect((await demoUser(username)).dingtalkUserId).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.dingtalkLinked", entityId: before.id, outcome: "DENIED", data: { path: ["reason"], equals: "badToken" } } })).toBe(4);
  });

  it("a token expires after LINK_TOKEN_SECONDS by the app's clock", async () => {
    const token = createDingTalkLinkToken("dt-clock");
    pinClock(new Date(nowMs() + (LINK_TOKEN_SECONDS - 1) * 1000));
    try {
      expect(readDingTalkLinkToken(token)).toBe("dt-clock");
      pinClock(new Date(nowMs() + 2000));
      expect(readDingTalkLinkToken(token)).toBeNull();
    } finally {
      unpinClock();
    }
  });

  it("refuses to link a DingTalk account already linked to another user, or a user linked to another account", async () => {
    const other = await demoUser("py.manager");
    // dt-officer belongs to py.officer.
    expect(await verifyCredentials("py.manager", DEMO_PASSWORD, meta, { dingtalkLink: createDingTalkLinkToken("dt-officer") })).not.toBeNull();
    expect((await demoUser("py.manager")).dingtalkUserId).toBeNull();
    expect(await db.auditLog.findFirst({ where: { action: "user.dingtalkLinked", entityId: other.id }, orderBy: { seq: "desc" } }))
      .toMatchObject({ outcome: "DENIED", data: { reason: "linkedToAnotherUser" } });
    // py.officer is linked to dt-officer: a token for another DingTalk account does not move it.
    expect(await verifyCredentials("py.officer", DEMO_PASSWORD, meta, { dingtalkLink: createDingTalkLinkToken("dt-elsewhere") })).not.toBeNull();
    expect((await demoUser("py.officer")).dingtalkUserId).toBe("dt-officer");
  });
});

describe("the admin links and unlinks", () => {
  it("sets the DingTalk userid (trimmed), refuses a duplicate with a field error, clears it to unlink; audited", async () => {
    await actAs("admin");
    const target = await demoUser("hb.officer");
    const base = { id: target.id, name: target.name, phone: target.phone ?? "", role: target.role, orgUnitId: target.orgUnitId };
    const saved = await updateUserAction({ ...base, version: target.version, dingtalkUserId: "  dt-admin-set  " });
    expect(saved).toMatchObject({ ok: true });
    let current = await demoUser(target.username);
    expect(current).toMatchObject({ dingtalkUserId: "dt-admin-set" });
    expect(current.dingtalkLinkedAt).not.toBeNull();
    const audit = await db.auditLog.findFirst({ where: { action: "user.update", entityId: target.id }, orderBy: { seq: "desc" } });
    expect(audit?.data).toMatchObject({ before: { dingtalkUserId: null }, after: { dingtalkUserId: "dt-admin-set" }, sessionsEnded: true });
    // A new link is a new way in: the user's sessions end.
    expect(current.sessionVersion).toBe(target.sessionVersion + 1);

    // dt-officer is py.officer's: a field error, not a 500, and nothing changed.
    const duplicate = await updateUserAction({ ...base, version: current.version, dingtalkUserId: "dt-officer" });
    expect(duplicate).toMatchObject({ ok: false, fieldErrors: { dingtalkUserId: [expect.stringContaining("钉钉")] } });
    expect((await demoUser(target.username)).dingtalkUserId).toBe("dt-admin-set");

    // Saving without the field leaves the link; an empty field unlinks.
    expect(await updateUserAction({ ...base, version: current.version })).toMatchObject({ ok: true });
    current = await demoUser(target.username);
    expect(current.dingtalkUserId).toBe("dt-admin-set");
    expect(current.sessionVersion).toBe(target.sessionVersion + 1); // link unchanged: sessions stay
    expect(await updateUserAction({ ...base, version: current.version, dingtalkUserId: "" })).toMatchObject({ ok: true });
    expect(await demoUser(target.username)).toMatchObject({ dingtalkUserId: null, dingtalkLinkedAt: null, sessionVersion: target.sessionVersion + 2 });
    const unlinked = await db.auditLog.findFirst({ where: { action: "user.update", entityId: target.id }, orderBy: { seq: "desc" } });
    expect(unlinked?.data).toMatchObject({ after: { dingtalkUserId: null }, sessionsEnded: true });
  });
});
