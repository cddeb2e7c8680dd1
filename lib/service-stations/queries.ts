// Scoped reads of the service stations. A station, and everything of it (catalogue, bundles,
// cases, round-tables), is visible in its org unit's subtree: the station's own staff and the
// managers above it. A forged id outside the subtree is "not found".
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import { NotFoundError } from "@/lib/platform/errors";
import { inSubtree } from "@/lib/platform/org/scope";

/** `where` for service_station rows the actor may see. */
export function stationScope(actor: Pick<Actor, "orgPath">) {
  return inSubtree(actor);
}

/** `where` for rows of a station (items, bundles): through their station. */
export function ofVisibleStation(actor: Pick<Actor, "orgPath">) {
  return { station: stationScope(actor) };
}

export async function listStations(actor: Actor, client: Client = db) {
  return client.serviceStation.findMany({
    where: stationScope(actor),
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, address: true, hours: true, active: true, version: true,
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true } },
    },
  });
}

/** A station in the actor's subtree (orgPath for assertCan), or NotFoundError. */
export async function getStationOrThrow(actor: Pick<Actor, "orgPath">, id: string, client: Client = db) {
  const station = await client.serviceStation.findFirst({
    where: { AND: [{ id }, stationScope(actor)] },
    include: {
      orgUnit: { select: { id: true, name: true, path: true } },
      programme: { select: { id: true, name: true, status: true, startDate: true, endDate: true } },
    },
  });
  if (!station) throw new NotFoundError({ entityType: "ServiceStation", entityId: id });
  return { ...station, orgPath: station.orgUnit.path };
}
