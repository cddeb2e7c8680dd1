// The menu offers a programme module only where one of its programmes is in use for the user
// (issue 13 item 12): a 浦阳 village officer is not sent to 招商引资, 重点项目, 三争一实 or 人才积分,
// which hold nothing for him, while the district manager keeps the district's 重点项目.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { programmeTypesInUse } from "@/lib/programmes/in-use";
import { navItemsFor } from "@/components/shell/nav-items";
import { demoUser, sessionUser } from "../support/fixtures";

async function menu(username: string): Promise<string[]> {
  const user = await sessionUser(username);
  return navItemsFor(user, await programmeTypesInUse(user)).map((i) => i.href);
}

describe("menu modules", () => {
  it("offers a village officer his own modules and none of the programmes that do not reach him", async () => {
    const hrefs = await menu("py.officer");
    expect(hrefs).toEqual(expect.arrayContaining(["/", "/visits", "/problems", "/campaigns", "/mentorship", "/registers/households"]));
    for (const deadEnd of ["/showcases", "/talent", "/investment", "/key-projects"]) expect(hrefs).not.toContain(deadEnd);
  });

  it("keeps the modules whose programmes reach a manager", async () => {
    const hrefs = await menu("yh.manager");
    expect(hrefs).toEqual(expect.arrayContaining(["/dashboard", "/rankings", "/key-projects", "/hotline"]));
  });

  it("drops a module when its last programme reaching the user closes", async () => {
    const mentorship = await db.programme.findFirstOrThrow({ where: { type: "MENTORSHIP", status: "ACTIVE", name: "浦阳镇年轻干部“帮带导师”计划" } });
    expect(await menu("py.officer")).toContain("/mentorship");
    await db.programme.update({ where: { id: mentorship.id }, data: { status: "CLOSED" } });
    expect(await menu("py.officer")).not.toContain("/mentorship");
  });

  it("offers the hotline to someone a request reaches without its programme being visible", async () => {
    const officer = await demoUser("py.officer");
    const hotline = await db.programme.findFirstOrThrow({ where: { type: "HOTLINE", status: "ACTIVE" }, select: { id: true } });
    // The hotline programme belongs to 良渚; nothing of it is visible from a 浦阳 village …
    await db.serviceRequest.updateMany({ where: { assigneeId: officer.id }, data: { assigneeId: null } });
    const before = await menu("py.officer");
    const reached = await db.serviceRequest.findFirstOrThrow({ where: { programmeId: hotline.id }, select: { id: true } });
    // … until a request is assigned to the officer personally (助企服务员).
    await db.serviceRequest.update({ where: { id: reached.id }, data: { assigneeId: officer.id } });
    expect(before).not.toContain("/hotline");
    expect(await menu("py.officer")).toContain("/hotline");
  });
});
