// GET /api/field/work-set: the signed-in officer's work set for their device (issue 16,
// lib/field/work-set.ts). Plain JSON — the server/proxy gzips it — and never cached by anyone
// but the device's own IndexedDB: it is one user's data (private, no-store).
import { NextResponse } from "next/server";
import { route } from "@/lib/platform/read";
import { buildWorkSet } from "@/lib/field/work-set";

export const GET = route({ name: "field.workSet", permission: "visit.create" }, async ({ user }) => {
  const workSet = await buildWorkSet(user);
  return NextResponse.json(workSet, { headers: { "cache-control": "private, no-store" } });
});
