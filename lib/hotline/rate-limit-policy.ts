// The public hotline's limits, apart from the code that enforces them (rate-limit.ts, which
// touches the database and is server-only), so tests and the e2e specs that must stay within
// them can read the same numbers.

/** At most `max` hits in any `windowSeconds`, given back gradually (one every window/max). */
export type Limit = { name: string; windowSeconds: number; max: number };

/** 5 submissions an hour from one address, 3 a day for one phone number. */
export const PUBLIC_INTAKE_PER_IP: Limit = { name: "hotline.intake.ip", windowSeconds: 3600, max: 5 };
export const PUBLIC_INTAKE_PER_PHONE: Limit = { name: "hotline.intake.phone", windowSeconds: 86_400, max: 3 };
/** Wrong number/code pairs: enough for typos, far too few to guess a code. */
export const PUBLIC_LOOKUP_FAILURES_PER_IP: Limit = { name: "hotline.lookup.ip", windowSeconds: 3600, max: 20 };
export const PUBLIC_FEEDBACK_PER_IP: Limit = { name: "hotline.feedback.ip", windowSeconds: 3600, max: 10 };
