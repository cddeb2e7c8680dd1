// A programme's notice rules: the kinds its type raises (the module's descriptor,
// notificationKinds) with the module's defaults, overridden per programme by
// ProgrammeNotificationRule rows. Here rather than in lib/platform/notifications because it
// reads the programme registry, which the platform may not import.
import "server-only";
import { db, type Client } from "@/lib/platform/db/client";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { notificationKindsOf } from "./registry";

export type NotificationRuleRow = {
  kind: string;
  external: boolean;
  urgent: boolean;
  /** The module's defaults, shown beside the programme's choice. */
  defaults: { external: boolean; urgent: boolean };
  /** A row exists for this programme (null: the defaults apply). */
  updatedAt: Date | null;
  updatedBy: string | null;
};

export async function programmeNotificationRules(programme: { id: string; type: ProgrammeType }, client: Client = db): Promise<NotificationRuleRow[]> {
  const kinds = notificationKindsOf(programme.type);
  if (kinds.length === 0) return [];
  const rows = await client.programmeNotificationRule.findMany({
    where: { programmeId: programme.id },
    select: { kind: true, external: true, urgent: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return kinds.map((k) => {
    const row = byKind.get(k.kind);
    return {
      kind: k.kind,
      external: row?.external ?? k.external,
      urgent: row?.urgent ?? k.urgent,
      defaults: { external: k.external, urgent: k.urgent },
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy?.name ?? null,
    };
  });
}

/** The distinct notice kinds of several programme types, in registry order (a user's settings page). */
export function notificationKindsOfTypes(types: Iterable<ProgrammeType>): { kind: string; urgent: boolean; external: boolean }[] {
  const seen = new Map<string, { kind: string; urgent: boolean; external: boolean }>();
  for (const type of types) for (const k of notificationKindsOf(type)) if (!seen.has(k.kind)) seen.set(k.kind, { ...k });
  return [...seen.values()];
}
