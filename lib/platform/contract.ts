// An action's contract: its audit name, its zod schema, whether create forms send an
// idempotency key, and (optionally) the stricter copy of the schema a form validates with.
// Defined once, beside the schema, in a module's client-safe schemas file; the server action
// is built from it (`action(contract, handler)`, lib/platform/action.ts) and the form hook takes
// it (`useActionForm(contract, serverAction, …)`, components/forms/use-action-form.ts).
//
// Why an object of its own rather than a property on the action: a "use server" file may
// export only async functions, and the browser receives a bare server reference, so nothing
// attached to the function on the server reaches the form. The schema reaches the client
// through this (client-safe) module instead, and the action's TYPE carries its contract, so
// a form handed another contract's action fails to compile (tests/unit/action-contract.test.ts).
// See docs/decisions/0015-action-contracts.md.
// zod as a type only: forms import this module for bindAction and lazyContract, and a runtime
// import would put zod (≈ 60 kB gzip) into every form page's first load.
import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> =
  | { ok: true; data: T; duplicate?: boolean }
  | {
      ok: false;
      error: string;
      fieldErrors?: FieldErrors;
      requestId?: string;
      /**
       * The record changed since the form loaded it (a stale version, or its state moved on):
       * the field app's outbox then shows the officer the server's values to choose from
       * (issue 16) instead of just a message.
       */
      conflict?: true;
    };

/** N: the name; S: the server's schema; V: the values its form holds (the form schema's input). */
export type ActionContract<N extends string = string, S extends z.ZodType = z.ZodType, V = unknown> = {
  /** Audit/log name, e.g. "orgUnit.rename"; also the idempotency key's scope. */
  readonly name: N;
  /** What the server parses. */
  readonly schema: S;
  /** What the form validates in the browser: the schema itself, or a copy with form-only messages. */
  readonly formSchema: z.ZodType<unknown, V>;
  /**
   * Create forms send an `idempotencyKey` beside their fields (not part of the schema): a
   * repeat submit returns the first result instead of creating a second record.
   */
  readonly idempotent: boolean;
};

/** Any contract, whatever its name and schemas. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyContract = ActionContract<string, z.ZodType, any>;

/** The values a contract's form holds: what its form schema accepts (before transforms). */
export type ContractValues<C extends AnyContract> = C extends ActionContract<string, z.ZodType, infer V> ? V : never;

// Type-only: no value carries this key. It ties an action's type to its contract.
declare const contractOf: unique symbol;

/**
 * A server action built from contract C. At run time just the function (on the client, a
 * server reference); the contract lives in its type only.
 */
export type ContractAction<C extends AnyContract, T> = ((input: unknown) => Promise<ActionResult<T>>) & {
  readonly [contractOf]: C;
};

export function defineAction<const N extends string, S extends z.ZodType, F extends z.ZodType = S>(contract: {
  name: N;
  schema: S;
  idempotent?: boolean;
  /**
   * A stricter copy for the form, derived from the schema (e.g. "@required" on a select the
   * user has not picked, where the server's own message would say "too short").
   */
  formSchema?: (schema: S) => F;
}): ActionContract<N, S, z.input<F>> {
  // Without a formSchema, F is S (its default), so either way this is F.
  const formSchema: z.ZodType = contract.formSchema ? contract.formSchema(contract.schema) : contract.schema;
  return {
    name: contract.name,
    schema: contract.schema,
    formSchema: formSchema as z.ZodType<unknown, z.input<F>>,
    idempotent: contract.idempotent ?? false,
  };
}


/**
 * A contract and its action, checked to belong together (another contract's action does not
 * compile). For a form that serves two actions (create and edit): it picks one binding, and
 * since the two schemas' inputs differ, it declares the values it holds itself.
 */
export type FormBinding<V, T, N extends string = string> = {
  readonly contract: FormContract<ActionContract<N, z.ZodType, V>>;
  readonly action: (input: unknown) => Promise<ActionResult<T>>;
};

export function bindAction<N extends string, S extends z.ZodType, V, T>(
  contract: FormContract<ActionContract<N, S, V>>,
  action: ContractAction<ActionContract<NoInfer<N>, NoInfer<S>, NoInfer<V>>, T>,
): FormBinding<V, T, N> {
  return { contract, action };
}

/**
 * A contract its form loads on first use instead of with the page: the form renders without
 * zod, and validates once the schemas module has arrived (prefetched as soon as the page is
 * idle, and again on the first submit). For the field app's pages, whose first load must stay
 * within 150 kB of JavaScript (issue 16; docs/decisions/0023-field-js-budget.md). Defined in a
 * zod-free module beside the schemas (lib/visits/form-contracts.ts); its name and idempotency
 * are checked against the loaded contract (tests/unit/action-contract.test.ts).
 */
export type LazyContract<C extends AnyContract> = {
  readonly name: C["name"];
  readonly idempotent: boolean;
  readonly load: () => Promise<C>;
};

/** What a form takes: the contract itself, or one it loads on first use. */
export type FormContract<C extends AnyContract> = C | LazyContract<C>;

export function lazyContract<C extends AnyContract>(name: C["name"], idempotent: boolean, load: () => Promise<C>): LazyContract<C> {
  return { name, idempotent, load };
}

export function loadContract<C extends AnyContract>(contract: FormContract<C>): Promise<C> {
  return "load" in contract ? contract.load() : Promise.resolve(contract);
}
