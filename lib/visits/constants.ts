// The visit form's fixed lists and limits, without zod: the form renders with these and loads
// its schema (lib/visits/schemas.ts, which re-exports them) only when it first validates.
export const VISIT_KINDS = ["HOUSEHOLD", "ENTERPRISE", "FOLLOW_UP"] as const;
export const PLACE_TYPES = ["HOUSEHOLD", "ENTERPRISE"] as const;

export const MAX_PROBLEMS_PER_VISIT = 20;
export const MAX_SERVICES_PER_VISIT = 30;
