// THE list of programme modules: one line per module. Everything that used to keep its own
// list of programme types (jobs, navigation, indicator catalogue, dashboards, messages) reads
// this one. Adding a programme type = a new lib/<module>/ folder with an index.ts exporting its
// descriptor (lib/programmes/descriptor.ts) + one line here; tests/integration/programme-registry.test.ts
// checks every ProgrammeType is listed exactly once and every descriptor's parts exist.
// Server-only (the descriptors carry loaders and jobs): client components get what they need
// from a server page as props.
import type { ContactResolver } from "@/lib/platform/notifications/contacts";
import type { NotificationKindSpec } from "@/lib/platform/notifications/kinds";
import "server-only";
import type { ProgrammeType } from "@/lib/generated/prisma/enums";
import type { JobDefinition } from "@/lib/platform/jobs/registry";
import type { IndicatorTemplate, ProgrammeModule } from "./descriptor";
import { mentorshipModule } from "@/lib/mentorship";
import { visitsModule } from "@/lib/visits";
import { hotlineModule } from "@/lib/hotline";
import { talentModule } from "@/lib/talent";
import { showcasesModule } from "@/lib/showcases";
import { investmentModule } from "@/lib/investment";
import { keyProjectsModule } from "@/lib/key-projects";
import { serviceStationsModule } from "@/lib/service-stations";

export const PROGRAMME_MODULES: readonly ProgrammeModule[] = [
  mentorshipModule,
  visitsModule,
  hotlineModule,
  talentModule,
  showcasesModule,
  investmentModule,
  keyProjectsModule,
  serviceStationsModule,
];

const BY_TYPE = new Map<ProgrammeType, ProgrammeModule>(PROGRAMME_MODULES.map((m) => [m.type, m]));

/** The module of a programme type (every type has one: the registry test checks it). */
export function moduleOf(type: ProgrammeType): ProgrammeModule {
  const m = BY_TYPE.get(type);
  if (!m) throw new Error(`no programme module for type ${type}`);
  return m;
}

/** Every module's job definitions, for the workers (instrumentation.ts, scripts/worker.ts). */
export function programmeJobs(): JobDefinition[] {
  return PROGRAMME_MODULES.flatMap((m) => m.jobs);
}

/** Every module's contact resolvers (lib/platform/notifications/contacts.ts), for the composition roots. */
export function programmeContacts(): Record<string, ContactResolver> {
  return Object.assign({}, ...PROGRAMME_MODULES.map((m) => m.contacts ?? {}));
}

/** The notice kinds of each programme type, with their default rules (admin rules page). */
export function notificationKindsOf(type: ProgrammeType): readonly NotificationKindSpec[] {
  return moduleOf(type).notificationKinds ?? [];
}

/**
 * Indicators a new programme of each type is offered (names: messages "indicators.<code>").
 * The programme form is a client component: its pages pass this as a prop.
 */
export const INDICATOR_CATALOGUE = Object.fromEntries(
  PROGRAMME_MODULES.map((m) => [m.type, m.indicators.map(({ code, unit }) => ({ code, unit }))]),
) as Record<ProgrammeType, IndicatorTemplate[]>;

/** Programme indicator code → the dashboard indicator (lib/dashboards/indicators.ts key) that computes it. */
export const TARGET_CODE_TO_KEY: Record<string, string> = Object.fromEntries(
  PROGRAMME_MODULES.flatMap((m) => m.indicators.flatMap((i) => (i.computedBy ? [[i.code, i.computedBy] as const] : []))),
);
