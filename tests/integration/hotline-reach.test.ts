// anyRequestReaches (lib/hotline/queries.ts) is the navigation's "is the hotline in use for
// this user" on every page: four EXISTS instead of requestReadScope's OR over the request
// table, which read every request for a user none reaches. It must answer exactly what the
// scope answers — for every demo user, and for each of the four ways alone.
import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/platform/db/client";
import { anyRequestReaches, requestReadScope } from "@/lib/hotline/queries";
import { sessionUser } from "../support/fixtures";

const scopeReaches = async (actor: { id: string; orgPath: string }, client: Tx | typeof db = db) =>
  Boolean(await client.serviceRequest.findFirst({ where: requestReadScope(actor), select: { id: true } }));

/** Runs `fn` in a transaction that is always rolled back: the demo data stays as it was. */
async function rolledBack(fn: (tx: Tx) => Promise<void>) {
  const undo = new Error("rolled back");
  await db.$transaction(async (tx) => {
    await fn(tx);
    throw undo;
  }).catch((e) => {
    if (e !== undo) throw e;
  });
}

describe("anyRequestReaches", () => {
  it("answers what requestReadScope answers, for every active user", async () => {
    const users = await db.user.findMany({ where: { active: true }, select: { username: true }, orderBy: { username: "asc" } });
    const answers = await Promise.all(users.map(async ({ username }) => {
      const actor = await sessionUser(username);
      return { username, fast: await anyRequestReaches(actor), scope: await scopeReaches(actor) };
    }));
    for (const a of answers) expect(a.fast, a.username).toBe(a.scope);
    // Both answers occur, or the comparison proves nothing.
    expect(new Set(answers.map((a) => a.scope))).toEqual(new Set([true, false]));
  });

  it("finds a request by each of the four ways alone, and none when none applies", async () => {
    const officer = await sessionUser("py.officer");
    await rolledBack(async (tx) => {
      await tx.serviceRequest.updateMany({ where: { assigneeId: officer.id }, data: { assigneeId: null } });
      expect(await scopeReaches(officer, tx)).toBe(false);
      expect(await anyRequestReaches(officer, tx)).toBe(false);

      const request = await tx.serviceRequest.findFirstOrThrow({ select: { id: true, orgUnitId: true, leadDepartmentId: true } });
      const unit = officer.orgUnitId;
      const ways: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
        ["in the subtree", () => tx.serviceRequest.update({ where: { id: request.id }, data: { orgUnitId: unit } }),
          () => tx.serviceRequest.update({ where: { id: request.id }, data: { orgUnitId: request.orgUnitId } })],
        ["lead department", () => tx.serviceRequest.update({ where: { id: request.id }, data: { leadDepartmentId: unit } }),
          () => tx.serviceRequest.update({ where: { id: request.id }, data: { leadDepartmentId: request.leadDepartmentId } })],
        ["co-handler", () => tx.serviceRequestCoHandler.create({ data: { requestId: request.id, orgUnitId: unit } }),
          () => tx.serviceRequestCoHandler.delete({ where: { requestId_orgUnitId: { requestId: request.id, orgUnitId: unit } } })],
        ["assignee", () => tx.serviceRequest.update({ where: { id: request.id }, data: { assigneeId: officer.id } }),
          () => tx.serviceRequest.update({ where: { id: request.id }, data: { assigneeId: null } })],
      ];
      for (const [way, apply, undo] of ways) {
        await apply();
        expect(await scopeReaches(officer, tx), way).toBe(true);
        expect(await anyRequestReaches(officer, tx), way).toBe(true);
        await undo();
        expect(await anyRequestReaches(officer, tx), `${way} undone`).toBe(false);
      }
    });
  });
});
