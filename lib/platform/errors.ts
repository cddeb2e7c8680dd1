// Expected errors: the action wrapper turns these into clear messages for the user. Anything
// else is unexpected and becomes a generic message plus a server log line with a request id.
// `messageKey` points into the "errors" namespace of messages/*.json.

export class DomainError extends Error {
  constructor(
    readonly messageKey: string,
    readonly values: Record<string, string | number> = {},
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(messageKey);
    this.name = new.target.name;
  }
}

/** What a refused lookup aimed at: kept for the audit row, never shown to the user. */
export type RefusedTarget = { entityType: string; entityId?: string | null };

/**
 * Not found, or not in the user's org subtree: the two are indistinguishable on purpose (the
 * user sees one message). The target, when the loader names it, goes into the DENIED audit
 * row so an admin can see who probed which record (lib/platform/audit/refusal.ts).
 */
export class NotFoundError extends DomainError {
  constructor(readonly target?: RefusedTarget) {
    super("notFound");
  }
}

export class ForbiddenError extends DomainError {
  constructor(readonly permission?: string) {
    super("forbidden");
  }
}

export class UnauthenticatedError extends DomainError {
  constructor() {
    super("unauthenticated");
  }
}

/** Someone else saved the record first (optimistic concurrency), or a state moved on. */
export class ConflictError extends DomainError {
  constructor(messageKey = "staleVersion", values: Record<string, string | number> = {}) {
    super(messageKey, values);
  }
}

/**
 * Input that passed the schema but breaks a rule only the database can check (a username
 * taken, a move into one's own subtree). With a field, the message lands on that field
 * (key in the "validation" namespace); without, it is the form's message ("errors").
 */
export class RuleViolation extends DomainError {
  /**
   * `refused`: when the rule is "that record is not in your area" (a scoped lookup of an id
   * the user chose), what was looked up, so the refusal is audited like a NotFoundError.
   */
  constructor(messageKey: string, field?: string, readonly refused?: RefusedTarget) {
    super(field ? "checkFields" : messageKey, {}, field ? { [field]: [`@${messageKey}`] } : undefined);
  }
}
