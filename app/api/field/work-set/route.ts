// GET /api/field/work-set: the signed-in officer's work set for their device (issue 16,
// lib/field/work-set.ts). Plain JSON — the server/proxy gzips it — and never cached by anyone
// but the device's own IndexedDB: it is one user's data (private, no-store).
import { NextResponse } from "next/server";
import { route } from "@/lib/platform/read";
import { appendAuditStandalone } from "@/lib/platform/audit/write";
import { buildWorkSet } from "@/lib/field/work-set";

export const GET = route({ name: "field.workSet", permission: "visit.create" }, async ({ user, meta }) => {
  const workSet = await buildWorkSet(user);
  // A bulk copy of the register (names, addresses, 户号) leaves for a device: audited like an
  // export, with what it held, so an admin can see who took how much and how often.
  const households = workSet.places.filter((p) => p.type === "HOUSEHOLD").length;
  await appendAuditStandalone(
    { actorId: user.id, actorName: user.name, requestId: meta.requestId, ip: meta.ip },
    {
      action: "field.workSet", entityType: "User", entityId: user.id, orgUnitId: user.orgUnitId,
      data: { households, enterprises: workSet.places.length - households, problems: workSet.problems.length, capped: workSet.capped },
    },
  );
  return NextResponse.json(workSet, { headers: { "cache-control": "private, no-store" } });
});
