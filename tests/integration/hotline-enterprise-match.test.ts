// Requests matched to the enterprise register (issue 13 item 11): a public request, or a phone
// intake that records only a name, is linked by credit code, then by the exact name (spacing
// and full-/half-width brackets aside), within the request's area; a near name is only
// suggested on the request page, where the operator confirms it (audited) or picks another.
// An enterprise of another area is never linked, suggested nor accepted.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { intakeRequestAction, linkRequestEnterpriseAction } from "@/lib/hotline/actions";
import { handlePublicIntake } from "@/lib/hotline/public";
import { matchEnterprise, normaliseEnterpriseName } from "@/lib/hotline/enterprise-match";
import { makeCreditCode } from "@/lib/registers/credit-code";
import RequestPage from "@/app/(app)/hotline/[id]/page";
import { EnterpriseLink } from "@/components/hotline/enterprise-link";
import { isValidElement, type ReactElement } from "react";
import { resetRequest, withPeer } from "../support/next-stubs";
import { actAs, unitByCode, ok } from "../support/fixtures";

const REGISTERED = "杭州良渚文旅发展有限公司";
let programmeId: string;
let lzPath: string;
let registered: { id: string; creditCode: string; orgUnitId: string };

let serial = 900_000 + Math.floor(Math.random() * 50_000);
async function enterprise(name: string, unitCode: string) {
  const unit = await unitByCode(unitCode);
  return db.enterprise.create({ data: { name, creditCode: makeCreditCode(++serial), orgUnitId: unit.id }, select: { id: true, name: true, creditCode: true, orgUnitId: true } });
}

beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
  lzPath = (await unitByCode("YH-LZ")).path;
  registered = await db.enterprise.findFirstOrThrow({ where: { name: REGISTERED }, select: { id: true, creditCode: true, orgUnitId: true } });
});
beforeEach(() => resetRequest());

let seq = 0;
async function publicRequest(enterpriseName: string, creditCode = "") {
  seq += 1;
  const headers = withPeer(`10.77.${Math.floor(seq / 200)}.${seq % 200}`, { host: "localhost:3000", "content-type": "application/json", origin: "http://localhost:3000" });
  const payload = {
    programmeId, enterpriseName, creditCode, callerName: "陈经理", callerPhone: `1377000${String(seq).padStart(4, "0")}`,
    category: "检验检测", title: "", description: "新产品需要第三方检测", urgency: "NORMAL", website: "",
  };
  const res = await handlePublicIntake(new Request("http://localhost:3000/service/submit", { method: "POST", headers, body: JSON.stringify(payload) }));
  const json = await res.json();
  expect(json, JSON.stringify(json)).toMatchObject({ ok: true });
  return db.serviceRequest.findUniqueOrThrow({ where: { number: json.number }, select: { id: true, version: true, enterpriseId: true, orgUnitId: true, enterpriseName: true } });
}

/** The suggestions the request page offers the signed-in operator (none when it offers no link). */
async function pageSuggestions(id: string): Promise<string[] | null> {
  const page = await RequestPage({ params: Promise.resolve({ id }) });
  const found: ReactElement[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isValidElement(node)) {
      if (node.type === EnterpriseLink) found.push(node);
      Object.values(node.props as Record<string, unknown>).forEach(walk);
    }
  };
  walk(page);
  if (!found.length) return null;
  return (found[0]!.props as { suggestions: { id: string }[] }).suggestions.map((s) => s.id);
}

describe("public requests are linked to the register", () => {
  it("by the exact name the register holds", async () => {
    const r = await publicRequest(REGISTERED);
    expect(r.enterpriseId).toBe(registered.id);
    // It belongs to the enterprise's unit, as a phone intake that chose it would.
    expect(r.orgUnitId).toBe(registered.orgUnitId);
  });

  it("by credit code, even under another name", async () => {
    const r = await publicRequest("良渚文旅（张总那家）", registered.creditCode);
    expect(r.enterpriseId).toBe(registered.id);
  });

  it("by name whatever the brackets' width and the spacing", async () => {
    const e = await enterprise("杭州良渚玉鸟（集团）有限公司", "YH-LZ-GN");
    expect((await publicRequest("杭州良渚玉鸟(集团)有限公司")).enterpriseId).toBe(e.id);
    expect((await publicRequest(" 杭州良渚玉鸟 （集团） 有限公司　")).enterpriseId).toBe(e.id);
    expect(normaliseEnterpriseName("杭州良渚玉鸟（集团）有限公司")).toBe(normaliseEnterpriseName("杭州良渚玉鸟 (集团)有限公司"));
  });

  it("also from a phone intake that recorded only the name", async () => {
    await actAs("lz.officer");
    const { id } = ok(await intakeRequestAction({
      programmeId, enterpriseMode: "name", enterpriseId: "", enterpriseName: `${REGISTERED} `, creditCode: "", visitId: "",
      callerName: "王经理", callerPhone: "13812345678", category: "检验检测", title: "", description: "只记了企业名称", urgency: "NORMAL",
      idempotencyKey: crypto.randomUUID(),
    }));
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id } })).enterpriseId).toBe(registered.id);
  });
});

describe("a near name is suggested, and the operator confirms it", () => {
  it("suggests the register's enterprise, links it on 确认关联 and writes an audit row", async () => {
    const r = await publicRequest("良渚文旅发展公司");
    expect(r.enterpriseId).toBeNull();
    await actAs("lz.officer");
    expect(await pageSuggestions(r.id)).toEqual([registered.id]);

    const data = ok(await linkRequestEnterpriseAction({ id: r.id, version: r.version, enterpriseId: registered.id }));
    expect(data.version).toBe(r.version + 1);
    const linked = await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } });
    expect(linked).toMatchObject({ enterpriseId: registered.id, orgUnitId: registered.orgUnitId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: r.id, action: "request.linkEnterprise", outcome: "OK" } });
    expect(audit.data).toMatchObject({ before: { enterpriseId: null }, after: { enterpriseId: registered.id } });
    expect(await db.serviceRequestEvent.count({ where: { requestId: r.id, kind: "enterpriseLinked" } })).toBe(1);
    // Linked now: the page offers nothing more, and a second link is refused.
    expect(await pageSuggestions(r.id)).toBeNull();
    expect(await linkRequestEnterpriseAction({ id: r.id, version: data.version, enterpriseId: registered.id })).toMatchObject({ ok: false });
  });

  it("lets the operator pick another enterprise of the area instead", async () => {
    const r = await publicRequest("某某不存在的企业名称");
    expect(r.enterpriseId).toBeNull();
    await actAs("lz.officer");
    expect(await pageSuggestions(r.id)).toEqual([]);
    const other = await enterprise("杭州港南手作工坊有限公司", "YH-LZ-GN");
    ok(await linkRequestEnterpriseAction({ id: r.id, version: r.version, enterpriseId: other.id }));
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).enterpriseId).toBe(other.id);
  });
});

describe("another area's enterprise", () => {
  it("is never linked, suggested nor accepted, even under the very same name", async () => {
    const name = "杭州仁和跨区测试科技有限公司";
    const foreign = await enterprise(name, "YH-RH");
    const r = await publicRequest(name, foreign.creditCode);
    expect(r.enterpriseId).toBeNull();
    expect(await matchEnterprise({ name, creditCode: foreign.creditCode, scopePath: lzPath })).toEqual({ kind: "none" });
    expect(await matchEnterprise({ name: "仁和跨区测试科技", scopePath: lzPath })).toEqual({ kind: "none" });

    await actAs("lz.officer");
    expect(await pageSuggestions(r.id)).toEqual([]);
    const linkedRows = () => db.auditLog.count({ where: { action: "request.linkEnterprise", outcome: "OK" } });
    const before = await linkedRows();
    const refused = await linkRequestEnterpriseAction({ id: r.id, version: r.version, enterpriseId: foreign.id });
    expect(refused).toMatchObject({ ok: false });
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).enterpriseId).toBeNull();
    expect(await linkedRows()).toBe(before);
    // The refusal itself is on the record, aimed at the enterprise it tried.
    expect(await db.auditLog.count({ where: { action: "request.linkEnterprise", outcome: { not: "OK" }, entityId: foreign.id } })).toBe(1);
  });

  it("cannot be linked by someone outside the request's area", async () => {
    const r = await publicRequest("另一个不存在的企业");
    await actAs("py.officer");
    const refused = await linkRequestEnterpriseAction({ id: r.id, version: r.version, enterpriseId: registered.id });
    expect(refused).toMatchObject({ ok: false });
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: r.id } })).enterpriseId).toBeNull();
  });
});
