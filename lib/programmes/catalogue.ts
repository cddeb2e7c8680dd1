// Programme types and statuses as the forms and filters list them, client-safe (the programme
// form validates with lib/programmes/schemas in the browser). What each type suggests as
// indicators lives in its module's descriptor (lib/<module>/index.ts): the registry builds the
// catalogue (lib/programmes/registry.ts indicatorCatalogue()) and the pages pass it to the form.
// Admins may add their own indicators as well; those are tracked by hand until a module
// computes them.
import { ProgrammeType } from "@/lib/generated/prisma/enums";

/**
 * Every programme type, in the schema's order. The registry lists one module per type and
 * tests/integration/programme-registry.test.ts holds the two together, so this list cannot
 * name a type without a module (it stays here, not in the server-only registry, because the
 * programme form's schema needs it in the browser).
 */
export const PROGRAMME_TYPES = Object.values(ProgrammeType) as [ProgrammeType, ...ProgrammeType[]];
export const PROGRAMME_STATUSES = ["DRAFT", "ACTIVE", "CLOSED"] as const;

export type IndicatorTemplate = { code: string; unit: string };
/** Suggested indicators per programme type; names are in messages under "indicators.<code>". */
export type IndicatorCatalogue = Partial<Record<string, readonly IndicatorTemplate[]>>;

/** DRAFT → ACTIVE → CLOSED; nothing goes back (a closed programme's numbers are final). */
export const STATUS_TRANSITIONS: Record<string, readonly string[]> = {
  DRAFT: ["ACTIVE"],
  ACTIVE: ["CLOSED"],
  CLOSED: [],
};
