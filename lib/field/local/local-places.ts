// Households and enterprises registered offline, as places on this device (issue 16): queued in
// the outbox, the registration is also written to the work set's places table under
// "local:<outbox id>" (lib/field/schemas.ts localRef), so the visit form can pick it while
// offline — a visit to it carries that reference and is sent only after the registration (the
// outbox resolves "local:<id>" to the id the server gave it). Browser-only.
import { LOCAL_REF_PREFIX, localRef } from "@/lib/field/schemas";
import { maskPhone } from "@/lib/platform/privacy/mask";
import { fieldDb, type FieldDb, type PlaceRow } from "./db";

export type LocalRegistration = {
  type: PlaceRow["type"];
  name: string;
  address: string;
  orgUnitId: string;
  orgUnitName: string;
  /** 户号 or 统一社会信用代码, as typed. */
  code: string;
  phone: string;
};

/** After enqueue: the registration becomes a place the visit form lists. */
export async function addLocalPlace(outboxId: string, r: LocalRegistration): Promise<void> {
  const row: PlaceRow = {
    id: localRef(outboxId), type: r.type, name: r.name.trim(), address: r.address.trim(), orgUnitId: r.orgUnitId, orgUnitName: r.orgUnitName,
    code: r.code.trim(), phoneMasked: maskPhone(r.phone.trim()),
  };
  await fieldDb().places.put(row);
}

/**
 * The server accepted the registration as `serverId`: the place takes its real id, so a visit
 * picked from it later refers to the record itself, not to an outbox item that may be pruned.
 */
export async function promoteLocalPlace(outboxId: string, serverId: string): Promise<void> {
  const db = fieldDb();
  await db.transaction("rw", db.places, async () => {
    const row = await db.places.get(localRef(outboxId));
    if (!row) return;
    await db.places.delete(row.id);
    if (!(await db.places.get(serverId))) await db.places.put({ ...row, id: serverId });
  });
}

/** The registration was merged into an existing record or discarded: its local place goes. */
export async function dropLocalPlace(outboxId: string): Promise<void> {
  await fieldDb().places.delete(localRef(outboxId));
}

/**
 * The device's own places still waiting in the outbox, to put back when the work set's places
 * are replaced (refresh) or wiped (401, owner change): the registration outlives both, so the
 * household must stay pickable. Call inside a transaction over places and outbox.
 */
export async function unsentLocalPlaces(db: FieldDb): Promise<PlaceRow[]> {
  const rows = await db.places.where("id").startsWith(LOCAL_REF_PREFIX).toArray();
  const kept: PlaceRow[] = [];
  for (const row of rows) {
    const item = await db.outbox.get(row.id.slice(LOCAL_REF_PREFIX.length));
    if (item && item.state !== "sent") kept.push(row);
  }
  return kept;
}
