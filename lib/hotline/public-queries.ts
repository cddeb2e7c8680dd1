// Reads for the public pages: only what an anonymous visitor may know.
import "server-only";
import { db, type Db, type Tx } from "@/lib/platform/db/client";
import { parseHotlineSettings } from "./settings";

/** Active hotlines taking online requests: their name and categories, nothing else. */
export async function publicProgrammes(client: Db | Tx = db) {
  const rows = await client.programme.findMany({
    where: { type: "HOTLINE", status: "ACTIVE" },
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
    select: { id: true, name: true, settings: true },
    take: 20,
  });
  return rows.map((p) => ({ id: p.id, name: p.name, categories: parseHotlineSettings(p.settings).categories }));
}
