// The outbox's state machine (issue 16, lib/field/local/outbox-machine.ts): every transition,
// "local:<id>" references, sending order, the back-off cap and recovery after a page closed
// mid-send. Pure functions: the instant is a parameter, never the clock.
import { describe, expect, it } from "vitest";
import {
  applyOutcome, backoffDelay, BACKOFF_CAP_MS, createItem, dependantsOf, isSendable, localRefsIn, nextDueAt, nextSendable,
  LEASE_MS, outboxCounts, prunable, renewLease, takeLease, RECENT_KEPT_MAX, RECENT_KEPT_MS, recentlySent, recoverInterrupted, redirectDependant, requeue, resolveRefs, startSending,
} from "@/lib/field/local/outbox-machine";
import type { OutboxItem } from "@/lib/field/local/db";
import { IDEMPOTENT_KINDS } from "@/lib/field/local/outbox";
import { OUTBOX_KINDS, localRef, type OutboxKind } from "@/lib/field/schemas";
import { createVisitContract, uploadVisitPhotoContract } from "@/lib/visits/schemas";
import { createEventContract } from "@/lib/events/schemas";
import { transitionProblemContract } from "@/lib/problems/schemas";
import { intakeRequestContract } from "@/lib/hotline/schemas";
import { createEnterpriseContract, createHouseholdContract } from "@/lib/registers/schemas";

const T0 = 1_000_000;
const item = (id: string, over: Partial<OutboxItem> = {}, at = T0): OutboxItem => ({
  ...createItem({ id, userId: "u1", kind: "visit.create", input: { notes: id }, label: id }, at),
  ...over,
});
const sending = (i: OutboxItem) => startSending(i, T0 + 1);
const ok = (id?: string) => ({ type: "answer" as const, answer: { result: { ok: true as const, data: id ? { id } : {} } } });

describe("transitions", () => {
  it("a new item is queued and due now", () => {
    const i = item("a");
    expect(i).toMatchObject({ state: "queued", attempts: 0, nextAttemptAt: T0, dependsOn: [] });
  });

  it("queued → sending; only a queued item may start", () => {
    expect(sending(item("a")).state).toBe("sending");
    expect(() => startSending(sending(item("a")), T0)).toThrow();
  });

  it("sending → sent with the server's id (a duplicate answer too: same id)", () => {
    expect(applyOutcome(sending(item("a")), ok("srv-1"), T0 + 2)).toMatchObject({ state: "sent", resultId: "srv-1", attempts: 1 });
    const dup = applyOutcome(sending(item("a")), { type: "answer", answer: { result: { ok: true, data: { id: "srv-1" }, duplicate: true } } }, T0 + 2);
    expect(dup).toMatchObject({ state: "sent", resultId: "srv-1" });
  });

  it("sending → refused with the server's message and field errors", () => {
    const r = applyOutcome(sending(item("a")), { type: "answer", answer: { result: { ok: false, error: "活动已结束", fieldErrors: { programmeId: ["已结束"] } } } }, T0 + 2);
    expect(r).toMatchObject({ state: "refused", error: "活动已结束", fieldErrors: { programmeId: ["已结束"] } });
  });

  it("sending → conflict when the server says the record moved on", () => {
    const r = applyOutcome(sending(item("a")), { type: "answer", answer: { result: { ok: false, error: "已被他人修改", conflict: true } } }, T0 + 2);
    expect(r).toMatchObject({ state: "conflict", error: "已被他人修改" });
  });

  it("sending → duplicate with the register's candidates", () => {
    const cand = { id: "h1", type: "HOUSEHOLD" as const, name: "张三", address: "1号", orgUnitName: "谢家村", phoneMasked: "", matchedOn: ["name"] };
    const r = applyOutcome(sending(item("a")), { type: "answer", answer: { duplicates: [cand] } }, T0 + 2);
    expect(r).toMatchObject({ state: "duplicate", duplicates: [cand] });
  });

  it("network error, 5xx, 401 and a server fault (request id) go back to the queue with back-off", () => {
    const now = T0 + 10;
    const net = applyOutcome(sending(item("a")), { type: "network" }, now);
    expect(net).toMatchObject({ state: "queued", attempts: 1, nextAttemptAt: now + backoffDelay(1), retryReason: "network" });
    expect(applyOutcome(sending(item("a")), { type: "http", status: 503 }, now)).toMatchObject({ state: "queued", retryReason: "server" });
    expect(applyOutcome(sending(item("a")), { type: "http", status: 401 }, now)).toMatchObject({ state: "queued", retryReason: "signIn" });
    const fault = applyOutcome(sending(item("a")), { type: "answer", answer: { result: { ok: false, error: "系统错误（编号 r1）", requestId: "r1" } } }, now);
    expect(fault).toMatchObject({ state: "queued", retryReason: "server", error: "系统错误（编号 r1）" });
  });

  it("a 4xx other than 401 (a request that can never pass) is refused, not retried forever", () => {
    expect(applyOutcome(sending(item("a")), { type: "http", status: 400, error: "请检查标红的字段。" }, T0)).toMatchObject({ state: "refused", error: "请检查标红的字段。" });
    expect(applyOutcome(sending(item("a")), { type: "http", status: 413 }, T0)).toMatchObject({ state: "refused" });
  });

  it("a user who must set a new password first: the item waits for it (queued, changePassword), it is not refused", () => {
    const waiting = applyOutcome(sending(item("a")), { type: "http", status: 403, error: "请先修改密码。", refusal: "mustChangePassword" }, T0);
    expect(waiting).toMatchObject({ state: "queued", retryReason: "changePassword", attempts: 1 });
    expect(waiting.nextAttemptAt).toBeGreaterThan(T0);
    // Any other 403 (no permission) is still a refusal the officer sees.
    expect(applyOutcome(sending(item("a")), { type: "http", status: 403, error: "没有权限。" }, T0)).toMatchObject({ state: "refused" });
  });

  it("a page closed mid-send: the sending item is queued again at start-up, due now; others untouched", () => {
    const cut = recoverInterrupted(sending(item("a")), T0 + 50);
    expect(cut).toMatchObject({ id: "a", state: "queued", nextAttemptAt: T0 + 50 });
    const refused = { ...item("b"), state: "refused" as const };
    expect(recoverInterrupted(refused, T0 + 50)).toBe(refused);
  });

  it("editing a refused, conflict or duplicate item re-queues it with the SAME id, fresh attempts and no old error", () => {
    for (const state of ["refused", "conflict", "duplicate"] as const) {
      const bad = { ...item("a"), state, attempts: 3, error: "x", fieldErrors: { a: ["b"] }, duplicates: [1], conflict: {} };
      const fixed = requeue(bad, T0 + 99, { input: { notes: "fixed" } });
      expect(fixed).toMatchObject({ id: "a", state: "queued", attempts: 0, nextAttemptAt: T0 + 99, input: { notes: "fixed" } });
      expect(fixed.error).toBeUndefined();
      expect(fixed.fieldErrors).toBeUndefined();
      expect(fixed.duplicates).toBeUndefined();
    }
    expect(() => requeue({ ...item("a"), state: "sent" }, T0)).toThrow();
  });
});

describe("back-off", () => {
  it("doubles from 5 s and is capped at 5 minutes", () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffDelay(7)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1000)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(0)).toBe(0);
  });

  it("an item is not sendable before its next attempt is due", () => {
    const failed = applyOutcome(sending(item("a")), { type: "network" }, T0);
    expect(nextSendable([failed], T0 + 1)).toBeNull();
    expect(nextSendable([failed], failed.nextAttemptAt)?.id).toBe("a");
    expect(nextDueAt([failed])).toBe(failed.nextAttemptAt);
  });
});

describe("references and order", () => {
  const visit = item("v", {}, T0);
  const photo = item("p", { kind: "visit.photo.add", input: { visitId: localRef("v") }, dependsOn: ["v"] }, T0 + 1);

  it("finds and resolves local:<id> references deep in the input", () => {
    expect(localRefsIn({ a: [{ b: localRef("x") }], c: "local-ish", d: localRef("y") }).sort()).toEqual(["x", "y"]);
    const byId = new Map([["v", { state: "sent" as const, resultId: "srv-v" }]]);
    expect(resolveRefs(photo.input, byId)).toEqual({ input: { visitId: "srv-v" }, missing: [] });
    expect(resolveRefs(photo.input, new Map([["v", { state: "queued" as const, resultId: undefined }]]))).toEqual({ input: photo.input, missing: ["v"] });
    expect(resolveRefs(photo.input, new Map()).missing).toEqual(["v"]);
  });

  it("sends a dependant only after what it depends on was accepted", () => {
    expect(nextSendable([photo, visit], T0 + 5)?.id).toBe("v");
    expect(isSendable(photo, new Map([["v", visit], ["p", photo]]), T0 + 5)).toBe(false);
    const sentVisit = applyOutcome(sending(visit), ok("srv-v"), T0 + 5);
    expect(nextSendable([photo, sentVisit], T0 + 6)?.id).toBe("p");
    // A refused visit holds its photos back.
    const refusedVisit = { ...visit, state: "refused" as const };
    expect(nextSendable([photo, refusedVisit], T0 + 6)).toBeNull();
  });

  it("sends every due record before any photo, so a day's records are not stuck behind its photos", () => {
    const sentVisit = applyOutcome(sending(visit), ok("srv-v"), T0 + 5);
    const laterVisit = item("v2", {}, T0 + 3);
    // The photo is older and sendable, but the later visit's record goes first.
    expect(nextSendable([photo, sentVisit, laterVisit], T0 + 6)?.id).toBe("v2");
    expect(nextSendable([photo, sentVisit], T0 + 6)?.id).toBe("p");
  });

  it("sends the oldest due item first", () => {
    const b = item("b", {}, T0 + 2);
    const a = item("a", {}, T0 + 1);
    expect(nextSendable([b, a], T0 + 3)?.id).toBe("a");
  });

  it("discarding takes the dependants along; sent items are pruned once nothing unsent needs them and they are past the recent list", () => {
    const second = item("p2", { input: { visitId: localRef("v") } }, T0 + 2);
    expect(dependantsOf("v", [visit, photo, second]).sort()).toEqual(["p", "p2"]);
    const sentVisit = { ...visit, state: "sent" as const, resultId: "srv-v", sentAt: T0 + 5 };
    expect(prunable([sentVisit, photo], T0 + 6)).toEqual([]);
    // The sent photo goes at once (its visit shows it); the visit stays on the recent list…
    expect(prunable([sentVisit, { ...photo, state: "sent" as const, sentAt: T0 + 5 }], T0 + 6)).toEqual(["p"]);
    // … for RECENT_KEPT_MS after it was accepted.
    expect(prunable([sentVisit], T0 + 5 + RECENT_KEPT_MS - 1)).toEqual([]);
    expect(prunable([sentVisit], T0 + 5 + RECENT_KEPT_MS)).toEqual(["v"]);
    // Still needed by an unsent item: kept however old.
    expect(prunable([sentVisit, photo], T0 + 5 + RECENT_KEPT_MS * 10)).toEqual([]);
  });

  it("the recent list: accepted items newest first, no photos, at most RECENT_KEPT_MAX kept", () => {
    const sent = Array.from({ length: RECENT_KEPT_MAX + 2 }, (_, n) => item(`s${n}`, { state: "sent", resultId: `srv-${n}`, sentAt: T0 + n }));
    const sentPhoto = item("ph", { kind: "visit.photo.add", state: "sent", sentAt: T0 + 100 });
    const all = [...sent, sentPhoto, item("q")];
    expect(recentlySent(all).map((i) => i.id).slice(0, 2)).toEqual([`s${RECENT_KEPT_MAX + 1}`, `s${RECENT_KEPT_MAX}`]);
    expect(recentlySent(all).some((i) => i.kind === "visit.photo.add" || i.state !== "sent")).toBe(false);
    // The two oldest fall off the list; the photo goes too.
    expect(prunable(all, T0 + 200).sort()).toEqual(["ph", "s0", "s1"]);
  });

  it("an accepted hotline intake keeps its number and tracking code for the officer to pass on", () => {
    const intake = sending(item("i", { kind: "request.intake" }));
    const answer = { type: "answer" as const, answer: { result: { ok: true as const, data: { id: "req-1", number: "QQB-0042", trackingCode: "7K4M9P" } } } };
    expect(applyOutcome(intake, answer, T0 + 2)).toMatchObject({ state: "sent", resultId: "req-1", sentAt: T0 + 2, receipt: { number: "QQB-0042", trackingCode: "7K4M9P" } });
    // A replayed answer (cut-off sync): the id only, no receipt.
    expect(applyOutcome(intake, ok("req-1"), T0 + 2).receipt).toBeUndefined();
  });

  it("a duplicate merged into an existing record: its dependants point at that record and no longer wait", () => {
    const hh = item("h", { kind: "household.create" });
    const onIt = item("v2", { input: { placeId: localRef("h") }, dependsOn: ["h"] });
    const moved = redirectDependant(onIt, "h", "existing-h", T0 + 9);
    expect(moved).toMatchObject({ input: { placeId: "existing-h" }, dependsOn: [] });
    expect(nextSendable([moved], T0 + 9)?.id).toBe("v2");
    expect(nextSendable([onIt, { ...hh, state: "duplicate" }], T0 + 9)).toBeNull();
  });

  it("counts pending and to-fix items for the badge", () => {
    const items = [item("a"), sending(item("b")), { ...item("c"), state: "refused" as const }, { ...item("d"), state: "sent" as const }];
    expect(outboxCounts(items)).toEqual({ pending: 2, needsAction: 1, unsent: 3 });
  });
});

it("the outbox's idempotent kinds are exactly those whose contracts take a key", () => {
  const contracts: Record<OutboxKind, { name: string; idempotent: boolean }> = {
    "visit.create": createVisitContract,
    "visit.photo.add": uploadVisitPhotoContract,
    "event.create": createEventContract,
    "problem.transition": transitionProblemContract,
    "request.intake": intakeRequestContract,
    "household.create": createHouseholdContract,
    "enterprise.create": createEnterpriseContract,
  };
  for (const kind of OUTBOX_KINDS) {
    expect(contracts[kind].name).toBe(kind);
    expect(IDEMPOTENT_KINDS.has(kind)).toBe(contracts[kind].idempotent);
  }
});

describe("the flush lease where there are no Web Locks", () => {
  it("one holder at a time; an expired lease may be taken; the holder renews before each item, for as long as the flush runs", () => {
    const a = takeLease(undefined, "tab-a", T0)!;
    expect(a).toEqual({ holder: "tab-a", until: T0 + LEASE_MS });
    expect(takeLease(a, "tab-b", T0 + LEASE_MS - 1)).toBeNull();
    // A day's photos on a slow link: renewed item by item, tab-a keeps it well past one LEASE_MS.
    let held = a;
    for (let t = T0 + 60_000; t < T0 + 5 * LEASE_MS; t += 60_000) {
      held = renewLease(held, "tab-a", t)!;
      expect(takeLease(held, "tab-b", t + 1)).toBeNull();
    }
    // tab-a died: its lease runs out and tab-b takes it; tab-a, come back, cannot renew it.
    const b = takeLease(held, "tab-b", held.until)!;
    expect(b.holder).toBe("tab-b");
    expect(renewLease(b, "tab-a", held.until + 1)).toBeNull();
    expect(renewLease(undefined, "tab-a", held.until + 1)).toBeNull();
  });
});
