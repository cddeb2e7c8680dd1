// An enterprise's cases at the service stations, for its file (一企一档): only cases of
// stations the viewer sees (caseScope: the case carries its station's unit), whatever the enterprise's own unit — a shop of
// another street served at this street's station shows here to this street only.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { caseScope } from "./queries";

/** Newest first; capped, the file links each case to its page. */
export const ENTERPRISE_CASES_SHOWN = 50;

export async function enterpriseStationCases(actor: Pick<Actor, "orgPath">, enterpriseId: string, client: Client = db) {
  const where = { AND: [{ enterpriseId }, caseScope(actor)] };
  const [cases, total] = await Promise.all([
    client.serviceCase.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      take: ENTERPRISE_CASES_SHOWN,
      select: {
        id: true, number: true, status: true, outcome: true, finishedAt: true, savedMinutes: true, createdAt: true,
        station: { select: { id: true, name: true } },
        bundle: { select: { name: true } },
        items: { select: { item: { select: { name: true, sortOrder: true, code: true } } } },
      },
    }),
    client.serviceCase.count({ where }),
  ]);
  return {
    total,
    cases: cases.map((c) => ({
      ...c,
      // A bundle case names its bundle; otherwise its items in catalogue order.
      items: c.items.map((i) => i.item).sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)).map((i) => i.name),
    })),
  };
}
