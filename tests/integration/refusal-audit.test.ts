// Issue 14 item 5: a refusal for a record outside the user's area leaves a DENIED audit row
// (reason "scope", the probed model and id), through a page's loader helper and through a
// write action alike, while the user gets exactly what an unknown id gets. The admin's audit
// log filter for refusals returns those rows, separable by reason.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { loadSessionUser, type SessionUser } from "@/lib/platform/auth/session";
import { loadOrNotFound, loadOrNull, pageAuditName } from "@/lib/platform/audit/refusal";
import { listAuditLog } from "@/lib/platform/audit/queries";
import { getVisitOrThrow } from "@/lib/visits/queries";
import { getRequestOrThrow } from "@/lib/hotline/queries";
import { deleteVisitPhotoAction } from "@/lib/visits/actions";
import { acceptRequestAction } from "@/lib/hotline/actions";
import { createOrgUnitAction } from "@/lib/platform/org/actions";
import { createHouseholdAction } from "@/lib/registers/actions";
import { resetRequest } from "../support/next-stubs";
import { actAs, unitByCode } from "../support/fixtures";

const UNKNOWN_ID = "c0000000000000000000unknown";

let prober: SessionUser; // py.officer2, 森海社区
let foreignVisit: { id: string }; // a visit in 谢家村, another village of 浦阳镇
let foreignRequest: { id: string; version: number }; // a hotline request of 良渚街道

async function session(username: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadSessionUser(u.id, u.sessionVersion))!;
}

/** The prober's DENIED rows after `seq`, in order, reduced to what an admin reads. */
async function deniedRowsAfter(seq: bigint) {
  const rows = await db.auditLog.findMany({ where: { actorId: prober.id, outcome: "DENIED", seq: { gt: seq } }, orderBy: { seq: "asc" } });
  return rows.map((r) => ({ action: r.action, entityType: r.entityType, entityId: r.entityId, reason: (r.data as { reason?: string }).reason }));
}

async function lastSeq(): Promise<bigint> {
  return (await db.auditLog.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0n;
}

/** What the page's loader helper throws (the 404 page, in the Next.js stub). */
async function pageOutcome(load: () => Promise<unknown>) {
  return load().then(
    () => "rendered",
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
}

beforeAll(async () => {
  prober = await session("py.officer2");
  foreignVisit = await db.visit.findFirstOrThrow({ where: { orgUnit: { code: "XS-PY-XJ" } }, select: { id: true } });
  const liangzhu = await unitByCode("YH-LZ");
  foreignRequest = await db.serviceRequest.findFirstOrThrow({
    where: { status: "RECEIVED", orgUnit: { path: { startsWith: liangzhu.path } } },
    select: { id: true, version: true },
  });
});
beforeEach(() => resetRequest());

describe("refusals for records outside the user's area are audited", () => {
  it("a detail page: the same 404 as an unknown id, and a DENIED row naming the probed visit or request", async () => {
    await actAs("py.officer2");
    const before = await lastSeq();
    const visitPage = pageAuditName("/visits/[id]");
    const requestPage = pageAuditName("/hotline/[id]");

    const foreign = await pageOutcome(() => loadOrNotFound(prober, visitPage, () => getVisitOrThrow(prober, foreignVisit.id)));
    const unknown = await pageOutcome(() => loadOrNotFound(prober, visitPage, () => getVisitOrThrow(prober, UNKNOWN_ID)));
    const foreignRequestPage = await pageOutcome(() => loadOrNotFound(prober, requestPage, () => getRequestOrThrow(prober, foreignRequest.id)));
    expect(foreign).toBe("NEXT_NOT_FOUND");
    expect(unknown).toBe(foreign);
    expect(foreignRequestPage).toBe(foreign);
    // A prefill the page can do without (hotline/new?visit=…): no 404, but audited all the same.
    expect(await loadOrNull(prober, pageAuditName("/hotline/new"), () => getVisitOrThrow(prober, foreignVisit.id))).toBeNull();

    expect(await deniedRowsAfter(before)).toEqual([
      { action: "page.view:/visits/[id]", entityType: "Visit", entityId: foreignVisit.id, reason: "scope" },
      { action: "page.view:/visits/[id]", entityType: "Visit", entityId: UNKNOWN_ID, reason: "scope" },
      { action: "page.view:/hotline/[id]", entityType: "ServiceRequest", entityId: foreignRequest.id, reason: "scope" },
      { action: "page.view:/hotline/new", entityType: "Visit", entityId: foreignVisit.id, reason: "scope" },
    ]);
  });

  it("a write action: the same answer as an unknown id, and a DENIED row naming the probed record", async () => {
    await actAs("py.officer2");
    const before = await lastSeq();
    const foreign = await deleteVisitPhotoAction({ visitId: foreignVisit.id, photoId: UNKNOWN_ID });
    const unknown = await deleteVisitPhotoAction({ visitId: UNKNOWN_ID, photoId: UNKNOWN_ID });
    expect(foreign.ok).toBe(false);
    expect(foreign).toEqual(unknown);
    const accept = await acceptRequestAction({ id: foreignRequest.id, version: foreignRequest.version, note: "" });
    expect(accept).toEqual(unknown);

    expect(await deniedRowsAfter(before)).toEqual([
      { action: "visit.photo.delete", entityType: "Visit", entityId: foreignVisit.id, reason: "scope" },
      { action: "visit.photo.delete", entityType: "Visit", entityId: UNKNOWN_ID, reason: "scope" },
      { action: "request.accept", entityType: "ServiceRequest", entityId: foreignRequest.id, reason: "scope" },
    ]);
    // Nothing changed on the probed request.
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: foreignRequest.id } })).version).toBe(foreignRequest.version);
  });

  it("a form field naming another area's record: the same field error as an unknown id, and a DENIED row naming it", async () => {
    await actAs("py.officer2");
    const before = await lastSeq();
    const xiejia = await unitByCode("XS-PY-XJ"); // 谢家村: not py.officer2's village
    const household = (orgUnitId: string) => ({ householdKey: `PROBE-${orgUnitId.slice(-6)}`, headName: "探测", address: "", orgUnitId, phone: "", membersCount: 1, tags: "", idempotencyKey: crypto.randomUUID() });
    const foreign = await createHouseholdAction(household(xiejia.id));
    const unknown = await createHouseholdAction(household(UNKNOWN_ID));
    expect(foreign.ok).toBe(false);
    expect(foreign).toEqual(unknown);
    expect(await deniedRowsAfter(before)).toEqual([
      { action: "household.create", entityType: "OrgUnit", entityId: xiejia.id, reason: "scope" },
      { action: "household.create", entityType: "OrgUnit", entityId: UNKNOWN_ID, reason: "scope" },
    ]);
    expect(await db.household.count({ where: { householdKey: { startsWith: "PROBE-" } } })).toBe(0);
  });

  it("the admin's audit log filter returns exactly the refusals, separable by reason", async () => {
    await actAs("py.officer2");
    const before = await lastSeq();
    await pageOutcome(() => loadOrNotFound(prober, pageAuditName("/visits/[id]"), () => getVisitOrThrow(prober, foreignVisit.id)));
    await deleteVisitPhotoAction({ visitId: foreignVisit.id, photoId: UNKNOWN_ID });
    // A role refusal: an officer may not add org units, even under their own.
    await createOrgUnitAction({ parentId: prober.orgUnitId, name: "探测村", kind: "VILLAGE", idempotencyKey: crypto.randomUUID() });
    const written = await db.auditLog.findMany({ where: { actorId: prober.id, outcome: "DENIED", seq: { gt: before } }, orderBy: { seq: "desc" } });
    expect(written).toHaveLength(3);

    const admin = await session("admin");
    const seqs = async (refusal: "any" | "permission" | "scope") =>
      (await listAuditLog(admin, { refusal, actor: prober.name })).rows.filter((r) => r.seq > before).map((r) => r.seq);
    const bySeq = (reason?: string) => written.filter((r) => !reason || (r.data as { reason?: string }).reason === reason).map((r) => r.seq);
    expect(await seqs("any")).toEqual(bySeq());
    expect(await seqs("scope")).toEqual(bySeq("scope"));
    expect(await seqs("permission")).toEqual(bySeq("permission"));
    expect(bySeq("scope")).toHaveLength(2);
    expect(bySeq("permission")).toHaveLength(1);
    // Successful rows never match the refusal filter.
    const all = await listAuditLog(admin, { refusal: "any" });
    expect(all.rows.every((r) => r.outcome === "DENIED")).toBe(true);
  });
});
