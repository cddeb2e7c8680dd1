// Demo registers for the 民情双访 module, seeded after the org tree, users and programmes.
import type { Db, Tx } from "@/lib/db/client";

/** `units`: org-unit ids by demo key (see ORG_TREE); `users`: user ids by username. */
export async function seedDemoRegisters(_db: Db | Tx, _units: Record<string, string>, _users: Record<string, string>): Promise<void> {}
