// Campaign events (活动), scoped: a user sees the events held in units of their subtree.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { inSubtree } from "@/lib/platform/org/scope";

export async function listCampaignEvents(actor: Actor, programmeId: string, options: { take?: number } = {}, client: Db | Tx = db) {
  const where = { programmeId, ...inSubtree(actor) };
  const [rows, total] = await Promise.all([
    client.campaignEvent.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      take: options.take ?? 200,
      select: {
        id: true, type: true, title: true, heldOn: true, participants: true, notes: true, createdAt: true,
        orgUnit: { select: { id: true, name: true } },
        organiser: { select: { id: true, name: true } },
      },
    }),
    client.campaignEvent.count({ where }),
  ]);
  return { rows, total };
}
