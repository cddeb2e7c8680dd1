// Addresses of people who are not users of the app (the caller of a hotline request), looked
// up at send time by the record they belong to. A module declares its resolvers in its
// descriptor (ProgrammeModule.contacts); the composition roots (instrumentation.ts,
// scripts/worker.ts) and tests register them here, as they do the modules' jobs. The address
// lives only in the module's own row: never in a delivery row, a job's data or a log.
import "server-only";
import type { Client } from "@/lib/platform/db/client";

export type Contact = { phone: string | null };
export type ContactResolver = (recipientId: string, client: Client) => Promise<Contact | null>;

const globalForContacts = globalThis as unknown as { __contactResolvers?: Map<string, ContactResolver> };
const resolvers: Map<string, ContactResolver> = (globalForContacts.__contactResolvers ??= new Map());

export function registerContactResolvers(map: Readonly<Record<string, ContactResolver>>): void {
  for (const [type, fn] of Object.entries(map)) resolvers.set(type, fn);
}

export function contactResolver(recipientType: string): ContactResolver | undefined {
  return resolvers.get(recipientType);
}
