// The admin's audit log reads in zh-CN (issue 13 item 6): rows name their action and object
// type in words ("新建走访", "诉求"), the type filter offers every type, and every action and
// type already in the demo's log has a label.
import type { ReactElement } from "react";
import { createTranslator } from "next-intl";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/platform/db/client";
import { appendAuditStandalone } from "@/lib/platform/audit/write";
import { AUDIT_ENTITY_TYPES, auditActionLabel } from "@/lib/platform/audit/labels";
import { messagesFor } from "@/lib/programmes/messages";
import AuditPage from "@/app/(app)/admin/audit/page";
import { elementText, findElements } from "../support/element-tree";
import { resetRequest } from "../support/next-stubs";
import { actAs, demoUser } from "../support/fixtures";

beforeEach(() => resetRequest());



const tagged = (tag: string) => (e: ReactElement) => e.type === tag;

describe("the audit log page", () => {
  it("shows actions and object types in words, and the type filter offers every type", async () => {
    const officer = await demoUser("py.officer");
    const meta = { actorId: officer.id, actorName: officer.name, requestId: null, ip: null };
    await appendAuditStandalone(meta, { action: "visit.create", entityType: "Visit", entityId: "v-audit-label" });
    await appendAuditStandalone(meta, { action: "request.assign", entityType: "ServiceRequest", entityId: "r-audit-label" });
    await appendAuditStandalone(meta, { action: "auth.signOut", entityType: "Household", entityId: "h-audit-label" });

    await actAs("admin");
    const tree = await AuditPage({ searchParams: Promise.resolve({ actor: officer.name }) });
    // The table's cells: the label is the action's text; the code is only a small hint under it.
    const cells = findElements(tree, tagged("td")).map(elementText);
    for (const label of ["新建走访", "交办诉求", "退出登录"]) expect(cells.some((c) => c.startsWith(label)), label).toBe(true);
    for (const label of ["走访", "诉求", "农户"]) expect(cells.some((c) => c.startsWith(`${label} `)), label).toBe(true);
    expect(cells.some((c) => c.startsWith("visit.create") || c.startsWith("Visit ") || c.startsWith("ServiceRequest"))).toBe(false);

    const [typeSelect] = findElements(tree, (e) => (e.props as { id?: string }).id === "f-type");
    const options = findElements(typeSelect, tagged("option"));
    expect(options.map((o) => (o.props as { value: string }).value).filter(Boolean).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
    expect(options.map(elementText)).toContain("诉求");
    expect(options.map(elementText)).not.toContain("ServiceRequest");
  });

  it("every action and object type in the demo's log has a label in both languages", async () => {
    const rows = await db.auditLog.findMany({ distinct: ["action", "entityType"], select: { action: true, entityType: true } });
    expect(rows.length).toBeGreaterThan(0);
    for (const locale of ["zh-CN", "en"] as const) {
      const t = createTranslator({ locale, messages: messagesFor(locale) as never, namespace: "auditNames" as never }) as unknown as Parameters<typeof auditActionLabel>[0];
      const unlabelled = rows.filter((r) => !r.action.startsWith("page.view:") && auditActionLabel(t, r.action) === r.action).map((r) => r.action);
      expect(unlabelled, locale).toEqual([]);
      expect(rows.filter((r) => !t.has(`entityTypes.${r.entityType}`)).map((r) => r.entityType), locale).toEqual([]);
    }
  });
});
