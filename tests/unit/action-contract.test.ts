// Action contracts (lib/platform/contract.ts): a form gets its schema from the contract its
// action was built from, and tsc refuses a form given another contract's action. The
// `@ts-expect-error` lines below are the proof: were the pairing not checked, tsc would
// report them as unused.
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { useActionForm } from "@/components/forms/use-action-form";
import type { action } from "@/lib/platform/action";
import { bindAction, defineAction, type ContractAction, type ContractValues } from "@/lib/platform/contract";
import { pickedId } from "@/lib/platform/schema-fields";
import type * as visitActions from "@/lib/visits/actions";
import { createVisitContract, updateVisitContract } from "@/lib/visits/schemas";
import * as visitFormContracts from "@/lib/visits/form-contracts";

type UseActionForm = typeof useActionForm;
// Type-level only: never called (a hook outside a component), and the server actions are
// imported as types, so nothing here loads the server.
declare const formHook: UseActionForm;
declare const serverAction: typeof action;
declare const createVisitAction: typeof visitActions.createVisitAction;
declare const updateVisitAction: typeof visitActions.updateVisitAction;

/** Compiled, never run: each call is checked by tsc. */
export function pairings() {
  formHook(createVisitContract, createVisitAction, { defaultValues: {} });
  formHook(updateVisitContract, updateVisitAction, { defaultValues: {} });
  // Offline (issue 16): only a contract the outbox can send (its name an OutboxKind).
  const offline = { userId: "u", label: () => "走访", fixHref: "/visits/new?outbox=<id>" };
  formHook(createVisitContract, createVisitAction, { defaultValues: {}, offline });
  // @ts-expect-error visit.update is not an outbox kind: it cannot be queued offline
  formHook(updateVisitContract, updateVisitAction, { defaultValues: {}, offline });
  // @ts-expect-error the update action does not belong to the create contract
  formHook(createVisitContract, updateVisitAction, { defaultValues: {} });
  // @ts-expect-error nor the create action to the update contract
  formHook(updateVisitContract, createVisitAction, { defaultValues: {} });
  bindAction(createVisitContract, createVisitAction);
  // @ts-expect-error a binding checks the pairing too
  bindAction(updateVisitContract, createVisitAction);
  // @ts-expect-error a bare function carries no contract
  bindAction(createVisitContract, async (_input: unknown) => ({ ok: true as const, data: { id: "x" } }));
}

/** The older call styles, name and schema given apart from a contract, are gone. */
export function noContractNoAction() {
  const schema = z.strictObject({ id: z.string() });
  // @ts-expect-error an action is built from a contract only
  serverAction({ name: "thing.touch", schema }, async () => ({ id: "x" }));
  // @ts-expect-error a form takes a contract and its action, not a schema and any action
  formHook({ schema, action: async (_input: unknown) => ({ ok: true as const, data: {} }), defaultValues: {} });
  // The server-only `after` hook sees the parsed input (what the handler sees).
  const contract = defineAction({ name: "thing.touch", schema: z.strictObject({ n: z.coerce.number() }) });
  serverAction(contract, { after: async (input) => { expectTypeOf(input).toEqualTypeOf<{ n: number }>(); } }, async () => ({ id: "x" }));
}

describe("action contracts", () => {
  it("keeps name, schema and idempotency, and validates forms with the schema itself by default", () => {
    const schema = z.strictObject({ name: z.string().min(1) });
    const contract = defineAction({ name: "thing.create", schema, idempotent: true });
    expect(contract).toEqual({ name: "thing.create", schema, formSchema: schema, idempotent: true });
    expect(defineAction({ name: "thing.rename", schema }).idempotent).toBe(false);
  });

  it("derives a form schema once, from the server's, for form-only messages", () => {
    const schema = z.strictObject({ orgUnitId: z.string().min(1).max(64) });
    const contract = defineAction({ name: "thing.move", schema, formSchema: (s) => s.extend({ orgUnitId: pickedId }) });
    const formIssue = contract.formSchema.safeParse({ orgUnitId: "" }).error?.issues[0];
    expect(formIssue?.message).toBe("@required");
    // The server's own schema (and its messages) is unchanged.
    expect(contract.schema.safeParse({ orgUnitId: "" }).error?.issues[0]?.message).not.toBe("@required");
  });

  it("types a form's values as the schema's input and an action's by its contract", () => {
    expectTypeOf<ContractValues<typeof createVisitContract>>().toEqualTypeOf<z.input<typeof createVisitContract.schema>>();
    expectTypeOf<typeof visitActions.createVisitAction>().toExtend<ContractAction<typeof createVisitContract, { id: string }>>();
  });

  it("a lazily loaded contract names the contract it loads, with the same idempotency (the form decides the outbox and the key before loading it)", async () => {
    const lazy = Object.values(visitFormContracts);
    expect(lazy.length).toBeGreaterThan(0);
    for (const ref of lazy) {
      const loaded = await ref.load();
      expect({ name: ref.name, idempotent: ref.idempotent }).toEqual({ name: loaded.name, idempotent: loaded.idempotent });
    }
    expect((await visitFormContracts.createVisitForm.load()).formSchema).toBe(createVisitContract.formSchema);
    // The action's type still checks against the contract behind the reference.
    expectTypeOf(bindAction(visitFormContracts.createVisitForm, {} as typeof visitActions.createVisitAction)).not.toBeNever();
  });
});

