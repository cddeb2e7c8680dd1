// A hotline caller's phone is personal data like a household's (SECURITY.md 5): the request page
// shows it masked to everyone, a manager holding "personalData.unmask" asks for the full number,
// and every look writes an audit row. Before this, the page sent a manager the full number with
// the page and nothing recorded that it was seen.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { intakeRequestAction, unmaskCallerPhoneAction } from "@/lib/hotline/actions";
import RequestPage from "@/app/(app)/hotline/[id]/page";
import { Unmask } from "@/components/ui/unmask";
import { elementStrings, findElements } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs, ok } from "../support/fixtures";

const PHONE = "13812345678";
let programmeId: string;
let enterpriseId: string;

beforeAll(async () => {
  programmeId = (await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", name: "良渚街道亲企办24小时热线" } })).id;
  enterpriseId = (await db.enterprise.findFirstOrThrow({ where: { name: "杭州良渚文旅发展有限公司" } })).id;
});
beforeEach(() => resetRequest());

async function callLogged() {
  await actAs("lz.officer");
  return ok(await intakeRequestAction({
    programmeId, enterpriseMode: "existing", enterpriseId, enterpriseName: "", creditCode: "", visitId: "",
    callerName: "王经理", callerPhone: PHONE, category: "检验检测", title: "", description: "新产品需要第三方检测机构", urgency: "NORMAL",
    idempotencyKey: crypto.randomUUID(),
  })).id;
}

async function rendered(id: string) {
  const page = await RequestPage({ params: Promise.resolve({ id }) });
  const [unmask] = findElements(page, (e) => e.type === Unmask);
  return { all: elementStrings(page).join("\n"), unmask: unmask?.props as Parameters<typeof Unmask>[0] | undefined };
}

const looks = (id: string) => db.auditLog.findMany({ where: { action: "personalData.unmask", entityType: "ServiceRequest", entityId: id, outcome: "OK" } });

describe("the caller's phone on the request page", () => {
  it("is masked for a manager too, who may ask for it; the look is audited", async () => {
    const id = await callLogged();
    await actAs("yh.manager");
    const page = await rendered(id);
    expect(page.all).not.toContain(PHONE);
    expect(page.unmask?.masked).toBe("138****5678");
    expect(page.unmask?.unmask).toBe(unmaskCallerPhoneAction);
    expect(await looks(id)).toHaveLength(0);

    expect(ok(await unmaskCallerPhoneAction({ id }))).toEqual({ value: PHONE });
    const [look, ...more] = await looks(id);
    expect(more).toHaveLength(0);
    expect(look!.data).toMatchObject({ field: "callerPhone" });
    expect(JSON.stringify(look!.data)).not.toContain(PHONE);
  });

  it("is masked with no way to unmask for the intake officer, and the action refuses him", async () => {
    const id = await callLogged();
    const page = await rendered(id);
    expect(page.all).not.toContain(PHONE);
    expect(page.unmask?.masked).toBe("138****5678");
    expect(page.unmask?.unmask).toBeUndefined();
    const r = await unmaskCallerPhoneAction({ id });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(PHONE);
    expect(await looks(id)).toHaveLength(0);
  });

  it("is not found for a manager of another district", async () => {
    const id = await callLogged();
    await actAs("py.manager");
    const r = await unmaskCallerPhoneAction({ id });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain(PHONE);
    expect(await looks(id)).toHaveLength(0);
  });
});
