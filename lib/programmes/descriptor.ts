// What a programme module tells the rest of the app about itself: one typed descriptor per
// programme type (lib/<module>/index.ts), listed once in lib/programmes/registry.ts. Jobs, the
// navigation, the indicator catalogue, the dashboards and the message catalogue read the
// registry instead of hand-kept central lists (docs/decisions/0014-platform-and-modules.md).
//
// Also the one loader every module uses for "its" programme: the same select, the same scope
// (lib/programmes/queries visibleProgrammes) and the same NotFound answer for "no such
// programme", "a programme of another type" and "outside the actor's area".
import "server-only";
import type { z } from "zod";
import { db, type Client } from "@/lib/platform/db/client";
import type { Actor } from "@/lib/platform/authz/can";
import type { Permission } from "@/lib/platform/authz/permissions";
import { NotFoundError } from "@/lib/platform/errors";
import type { FolderMessages } from "@/lib/platform/i18n/messages";
import type { JobDefinition } from "@/lib/platform/jobs/registry";
import type { ContactResolver } from "@/lib/platform/notifications/contacts";
import type { NotificationKindSpec } from "@/lib/platform/notifications/kinds";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import { visibleProgrammes } from "./queries";


/** An indicator a programme of this type suggests; names are in messages under "indicators.<code>". */
export type IndicatorTemplate = {
  code: string;
  unit: string;
  /** The dashboard indicator (lib/dashboards/indicators.ts key) that computes it, if one does. */
  computedBy?: string;
};

/**
 * A navigation entry: data only (the shell renders it), so a descriptor never drags a
 * component into a server module nor server code into a client bundle.
 */
export type NavEntry = {
  href: string;
  /** Label key in the "nav" namespace. */
  key: string;
  permission: Permission;
  group: "work" | "programmes";
  /** Position in the sidebar among all entries (components/shell/nav-items.ts). */
  order: number;
  /** Offered only while a programme of the module's type is in use for the user (lib/programmes/in-use.ts). */
  onlyWhenInUse: boolean;
};

/** An export the module offers: the route that streams it and its audited name (route({ name })). */
export type ExportEntry = { route: string; name: string };

/** A programme type's settings (Programme.settings JSON): schema, reader with defaults, defaults. */
export type ProgrammeSettings<S> = {
  schema: z.ZodType<S>;
  /** Stored JSON → settings; anything missing or malformed falls back to the defaults. */
  read: (value: unknown) => S;
  defaults: S;
};

/** The type and settings of a programme kind: all the common loader needs. */
export type ProgrammeKind<S> = { type: ProgrammeType; settings?: ProgrammeSettings<S> };

const PROGRAMME_SELECT = {
  id: true, type: true, name: true, description: true, status: true, startDate: true, endDate: true,
  settings: true, version: true, orgUnitId: true,
  orgUnit: { select: { id: true, name: true, path: true, depth: true } },
  participants: { select: { orgUnit: { select: { id: true, path: true } } } },
} as const;

type ProgrammeRow = Awaited<ReturnType<typeof selectProgrammes>>[number];

function selectProgrammes(client: Client, where: object) {
  return client.programme.findMany({ where, orderBy: [{ status: "asc" }, { startDate: "desc" }], select: PROGRAMME_SELECT });
}

/**
 * One shape for every kind: the programme row, `orgPath` (its owner's path, for permission
 * checks), `reach` (the owner's and each participating unit's subtree), `settings` parsed with
 * the kind's defaults, and `rawSettings` as stored (writers merge into it, keeping unknown keys).
 */
export type LoadedProgramme<S> = Omit<ProgrammeRow, "settings"> & { orgPath: string; reach: string[]; settings: S; rawSettings: unknown };

function shape<S>(kind: ProgrammeKind<S>, row: ProgrammeRow): LoadedProgramme<S> {
  const settings = (kind.settings ? kind.settings.read(row.settings) : {}) as S;
  return {
    ...row,
    orgPath: row.orgUnit.path,
    reach: [row.orgUnit.path, ...row.participants.map((p) => p.orgUnit.path)],
    settings,
    rawSettings: row.settings,
  };
}

/** The visible programmes of a kind, running ones first (status, then newest start). */
export async function programmesOfKind<S>(kind: ProgrammeKind<S>, actor: Pick<Actor, "orgPath">, client: Client = db): Promise<LoadedProgramme<S>[]> {
  const rows = await selectProgrammes(client, { AND: [visibleProgrammes(actor), { type: kind.type }] });
  return rows.map((r) => shape(kind, r));
}

/** A visible programme of `kind`, or NotFoundError (also for another type's id: the same answer). */
export async function loadProgrammeOrThrow<S>(kind: ProgrammeKind<S>, actor: Pick<Actor, "orgPath">, id: string, client: Client = db): Promise<LoadedProgramme<S>> {
  const [row] = await selectProgrammes(client, { AND: [{ id, type: kind.type }, visibleProgrammes(actor)] });
  if (!row) throw new NotFoundError({ entityType: "Programme", entityId: id });
  return shape(kind, row);
}

/** The kind's getProgrammeOrThrow, for its descriptor. */
export function programmeLoader<S>(kind: ProgrammeKind<S>) {
  return (actor: Pick<Actor, "orgPath">, id: string, client: Client = db) => loadProgrammeOrThrow(kind, actor, id, client);
}

/** The programme to show when none is chosen: `requested` if visible, else the first active one, else the newest. */
export async function pickProgramme<S>(kind: ProgrammeKind<S>, actor: Pick<Actor, "orgPath">, requested?: string, client: Client = db) {
  const all = await programmesOfKind(kind, actor, client);
  const chosen = all.find((p) => p.id === requested) ?? all.find((p) => p.status === "ACTIVE") ?? all[0] ?? null;
  return { all, chosen };
}

/** One programme module, as lib/<module>/index.ts exports it. */
export type ProgrammeModule<S = unknown> = ProgrammeKind<S> & {
  /** The module's folder: lib/<folder>, messages/<folder>. */
  folder: string;
  getProgrammeOrThrow: (actor: Pick<Actor, "orgPath">, id: string, client?: Client) => Promise<LoadedProgramme<S>>;
  /** Indicators a new programme of this type is offered (INDICATOR_CATALOGUE). */
  indicators: readonly IndicatorTemplate[];
  /** Background jobs the module's work needs (handed to the workers by the composition roots). */
  jobs: readonly JobDefinition[];
  nav: readonly NavEntry[];
  /**
   * The module's messages/<folder>/<locale>.json: the top-level namespaces it owns, per locale
   * (lib/programmes/messages.ts merges them with the platform's into the catalogue).
   */
  messages: FolderMessages;
  exports: readonly ExportEntry[];
  /** Kinds of notice the module raises, with their default rules (admin: per-programme rules). */
  notificationKinds?: readonly NotificationKindSpec[];
  /**
   * Contacts of the module's records who are not users (a hotline request's caller), by
   * recipientType: the SMS channel asks for the address at send time (never stored on the
   * delivery). Registered by the composition roots like the jobs.
   */
  contacts?: Readonly<Record<string, ContactResolver>>;
  /**
   * Is the module in use for the actor although no ACTIVE programme of its type is visible to
   * them (the hotline: a request reaching the user through a department's queue)?
   */
  alsoInUse?: (actor: Actor) => Promise<boolean>;
};

/** Identity with inference: `export const hotlineModule = programmeModule({ … })` checks S once. */
export function programmeModule<S>(m: ProgrammeModule<S>): ProgrammeModule<S> {
  return m;
}
