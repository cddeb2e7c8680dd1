// The field-by-field choice for a problem transition recorded offline that met a newer server
// version (lib/field/problem-conflict.ts): which fields differ, when the server already has it,
// and what is sent again after the officer's choices.
import { describe, expect, it } from "vitest";
import { alreadyApplied, mergeProblemTransition, problemConflictRows, type ProblemServerState, type QueuedTransition } from "@/lib/field/problem-conflict";

const mine: QueuedTransition = { id: "p1", version: 2, to: "RESOLVED", note: "已修好", resolution: "更换路灯", escalatedToOrgUnitId: "" };
const server = (over: Partial<ProblemServerState> = {}): ProblemServerState => ({
  id: "p1", version: 4, title: "村口路灯不亮", status: "ESCALATED", resolution: "", note: "请电力所处理", escalatedToOrgUnitId: "dept-1", escalatedToName: "电力所", ...over,
});

describe("problemConflictRows", () => {
  it("lists status and each field the officer set that differs", () => {
    expect(problemConflictRows(mine, server())).toEqual([
      { field: "status", mine: "RESOLVED", server: "ESCALATED" },
      { field: "resolution", mine: "更换路灯", server: "" },
      { field: "note", mine: "已修好", server: "请电力所处理" },
    ]);
  });

  it("does not compare what the officer left empty, and names the department", () => {
    const escalate: QueuedTransition = { id: "p1", version: 2, to: "ESCALATED", note: "", resolution: "", escalatedToOrgUnitId: "dept-2" };
    expect(problemConflictRows(escalate, server({ status: "IN_PROGRESS" }))).toEqual([
      { field: "status", mine: "ESCALATED", server: "IN_PROGRESS" },
      { field: "escalatedTo", mine: "dept-2", server: "电力所" },
    ]);
  });
});

describe("alreadyApplied", () => {
  it("is true when the server holds the officer's status and texts (the answer was lost)", () => {
    expect(alreadyApplied(mine, server({ status: "RESOLVED", resolution: "更换路灯 ", note: "已修好" }))).toBe(true);
    expect(alreadyApplied({ ...mine, note: "" }, server({ status: "RESOLVED", resolution: "更换路灯", note: "别人的备注" }))).toBe(true);
  });

  it("is false when any value the officer set differs", () => {
    expect(alreadyApplied(mine, server())).toBe(false);
    expect(alreadyApplied(mine, server({ status: "RESOLVED", resolution: "别的办法", note: "已修好" }))).toBe(false);
    expect(alreadyApplied(mine, server({ status: "RESOLVED", resolution: "更换路灯", note: "别人的备注" }))).toBe(false);
  });
});

describe("mergeProblemTransition", () => {
  it("sends the officer's values at the server's version by default", () => {
    expect(mergeProblemTransition(mine, server(), {})).toEqual({ kind: "send", input: { ...mine, version: 4 } });
  });

  it("takes the server's value per field where the officer chose it", () => {
    const out = mergeProblemTransition(mine, server({ resolution: "电力所已更换" }), { resolution: "server", note: "server" });
    expect(out).toEqual({ kind: "send", input: { ...mine, version: 4, resolution: "电力所已更换", note: "" } });
    const esc = mergeProblemTransition({ ...mine, to: "ESCALATED", escalatedToOrgUnitId: "dept-2" }, server({ status: "IN_PROGRESS" }), { escalatedTo: "server" });
    expect(esc.kind === "send" && esc.input.escalatedToOrgUnitId).toBe("dept-1");
  });

  it("drops the item when the officer keeps the server's status, or the server already has it", () => {
    expect(mergeProblemTransition(mine, server(), { status: "server" })).toEqual({ kind: "drop" });
    expect(mergeProblemTransition(mine, server({ status: "RESOLVED", resolution: "别的办法" }), {})).toEqual({ kind: "drop" });
  });

  it("never changes the problem it targets or what it moves to", () => {
    const out = mergeProblemTransition(mine, server({ id: "p1" }), { resolution: "server" });
    expect(out.kind === "send" && [out.input.id, out.input.to]).toEqual(["p1", "RESOLVED"]);
  });
});
