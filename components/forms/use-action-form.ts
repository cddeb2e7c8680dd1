"use client";
// react-hook-form bound to one of our server actions (lib/platform/action.ts) through its
// contract (lib/platform/contract.ts): the form validates with the contract's schema, the one
// the action parses, and the action's type must carry that same contract, so form and server
// cannot drift; server field errors land on their fields,
// the general message on the form. Values are never cleared on an error, and with a
// `draftKey` they survive a reload or a dropped connection (kept in localStorage until the
// submit succeeds). A refused submit moves focus to the first red field in the page's order
// and scrolls it into view (on a phone it may be far above the button).
// With `offline` (issue 16), a submit without network goes into the device's outbox instead
// (lib/field/local/outbox.ts) with the same idempotency key, and `outboxItemId` opens a queued
// item the server refused, to fix and send it again without retyping.
import { useEffect, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { loadContract, type ActionContract, type ActionResult, type ContractAction, type FormBinding, type FormContract } from "@/lib/platform/contract";
import type { z } from "zod";
import { toLocale } from "@/lib/platform/i18n/locales";
import { translateFieldError } from "@/lib/platform/i18n/field-errors";
import { OUTBOX_KINDS, type OutboxKind } from "@/lib/field/constants";
import type { OutboxItem } from "@/lib/field/local/db";
import { newIdempotencyKey } from "./idempotency";
import { afterPageSettles } from "@/components/field/after-load";
import { isOffline, probeConnectivity } from "@/lib/field/local/connectivity";

/** The outbox part, loaded on first use: forms without `offline` never download Dexie. */
const loadOutbox = () => Promise.all([import("@/lib/field/local/outbox"), import("@/lib/field/local/sync-runner")]);

/**
 * The validation part, loaded after the page is idle (and awaited by the first validation): zod
 * and its resolver are not in any form page's first load, and with a lazyContract neither is
 * the schema (issue 16's budget).
 */
const loadResolver = () => import("./zod-resolver");

export type OfflineOption<TValues> = {
  /** The signed-in user: the item is theirs (sent only under their session, wiped with their sign-out). */
  userId: string;
  /** The item's line in the outbox ("走访 · 张三户 · 12-03 10:20"). */
  label: (values: TValues) => string;
  /** The form that fixes the item; "<id>" becomes its id ("/visits/new?outbox=<id>"). */
  fixHref: string;
  /** Kept with the item for the fixing form (not sent): e.g. the picked place's label. */
  context?: (values: TValues) => Record<string, unknown>;
  /** After the values went into the outbox (the draft is cleared and the form reset by then). */
  onQueued?: (id: string, values: TValues) => void | Promise<void>;
};

type Options<TValues extends FieldValues, TData, N extends string = string> = {
  defaultValues: DefaultValues<TValues>;
  /** localStorage key under which unsent input is kept. */
  draftKey?: string;
  onSuccess?: (data: TData) => void;
  /**
   * Without network, keep the submit in the device's outbox (issue 16). Only for actions the
   * outbox can send: the contract's name must be an OutboxKind (lib/field/schemas.ts).
   */
  offline?: [N] extends [OutboxKind] ? OfflineOption<TValues> : never;
  /**
   * Opens this outbox item (the fix flow, "/visits/new?outbox=<id>"): its input fills the form,
   * its server message shows; a submit sends it with the item's own key (online) or updates
   * the item (offline). Needs `offline`.
   */
  outboxItemId?: string | null;
};

/** What the implementation sees: the overloads have checked `offline` against the contract. */
type AnyOptions<TValues extends FieldValues, TData> = Omit<Options<TValues, TData>, "offline"> & { offline?: OfflineOption<TValues> };

/**
 * A binding may be one of two actions (create or edit): `offline` is allowed when one of them is
 * an outbox kind, and applies only while the bound one is (checked at run time).
 */
type BindingOptions<TValues extends FieldValues, TData, N extends string> = Omit<Options<TValues, TData>, "offline"> & {
  offline?: [Extract<N, OutboxKind>] extends [never] ? never : OfflineOption<TValues>;
};

/**
 * `useActionForm(contract, serverAction, { defaultValues, … })`. The values are the contract's
 * form-schema input; an action built from another contract does not compile. An idempotent
 * contract (create forms) sends an idempotency key with the values.
 */
export function useActionForm<N extends string, S extends z.ZodType, TValues extends FieldValues, TData>(
  contract: FormContract<ActionContract<N, S, TValues>>,
  action: ContractAction<ActionContract<NoInfer<N>, NoInfer<S>, NoInfer<TValues>>, TData>,
  options: Options<NoInfer<TValues>, TData, NoInfer<N>>,
): ActionForm<TValues>;
/**
 * A form that serves two actions (create and edit) passes the one it needs, bound to its
 * contract (`bindAction`), and declares the values it holds (the two inputs differ).
 */
export function useActionForm<TValues extends FieldValues, TData, N extends string = string>(
  binding: FormBinding<unknown, TData, N>,
  options: BindingOptions<TValues, TData, N>,
): ActionForm<TValues>;
export function useActionForm<TValues extends FieldValues, TData>(
  ...args:
    | [contract: FormContract<ActionContract<string, z.ZodType, TValues>>, action: (input: unknown) => Promise<ActionResult<TData>>, options: AnyOptions<TValues, TData>]
    | [binding: FormBinding<unknown, TData>, options: AnyOptions<TValues, TData>]
): ActionForm<TValues> {
  const [contract, action, options]: [FormContract<ActionContract<string, z.ZodType, unknown>>, (input: unknown) => Promise<ActionResult<TData>>, AnyOptions<TValues, TData>] =
    args.length === 3 ? args : [args[0].contract, args[0].action, args[1]];
  const locale = toLocale(useLocale());
  const tErrors = useTranslations("errors");
  const tValidation = useTranslations("validation");
  // The contract's form schema as a resolver, once loaded. A load that fails (offline before
  // the worker cached the chunk) validates nothing in the browser and is tried again next
  // time: the server parses every submit with the same schema, and its field errors land on
  // the fields as always (online, or when the outbox sends the item).
  const resolver = useRef<Promise<Resolver<TValues> | null> | null>(null);
  const loadValidation = () =>
    (resolver.current ??= Promise.all([loadContract(contract), loadResolver()])
      // What the form holds is TValues: checked against the schema in the typed overload,
      // declared by the form with a binding.
      .then(([loaded, { contractResolver }]) => contractResolver(loaded.formSchema as z.ZodType<unknown, TValues>, locale))
      .catch(() => {
        resolver.current = null;
        return null;
      }));
  useEffect(
    () => afterPageSettles(() => void loadValidation(), 0),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const form = useForm<TValues>({
    resolver: async (values, context, resolverOptions) => {
      const validate = await loadValidation();
      return validate ? validate(values, context, resolverOptions) : { values, errors: {} };
    },
    defaultValues: options.defaultValues,
    // Errors appear on submit, then update as the user corrects them. (Validating on blur
    // made an error line appear under the last field just as the user reached for the
    // button, moving it away from the tap.)
    mode: "onSubmit",
    reValidateMode: "onChange",
    // react-hook-form focuses the first *registered* field with an error, in registration
    // order: not the page's order, and never a custom control. We focus after the render
    // that marks the fields instead (below).
    shouldFocusError: false,
  });
  const [rootError, setRootError] = useState<string | null>(null);
  const [draftRestored, setDraftRestored] = useState(false);
  const keyRef = useRef<string | null>(null);
  const { draftKey, outboxItemId } = options;
  // The overloads checked the contract's name is an OutboxKind (a binding: one of its two may be).
  const offline = OUTBOX_KINDS.includes(contract.name as OutboxKind) ? options.offline : undefined;
  const [outboxItem, setOutboxItem] = useState<OutboxItem | null>(null);

  // Which form to search for the first invalid field, and a request to do so after the
  // render that sets aria-invalid (client and server errors alike; custom controls take
  // part by carrying aria-invalid themselves).
  const formElement = useRef<HTMLFormElement | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest === 0) return;
    const focusFirstInvalid = () => {
      const root = formElement.current;
      const field = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
      if (!field) return false;
      field.focus({ preventScroll: true });
      field.scrollIntoView({ block: "center", behavior: "instant" });
      return true;
    };
    // Fields whose error appears one render later (nested fields shown once submitted).
    if (!focusFirstInvalid()) requestAnimationFrame(() => focusFirstInvalid());
  }, [focusRequest]);
  const requestFocus = () => setFocusRequest((n) => n + 1);

  useEffect(() => {
    if (!draftKey) return;
    try {
      const saved = localStorage.getItem(draftKey);
      if (saved) {
        form.reset({ ...options.defaultValues, ...JSON.parse(saved) });
        // localStorage is only readable after mounting (the server has none), so this
        // state cannot be initialised during render.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setDraftRestored(true);
      }
    } catch {
      /* a corrupt draft is just ignored */
    }
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        try {
          localStorage.setItem(draftKey, JSON.stringify(values));
        } catch {
          /* storage full or disabled: the form still works */
        }
      },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);

  // An offline form loads the outbox code while it can (online, or from the worker's cache), so
  // a submit after the signal dropped does not wait for a chunk that cannot arrive.
  const wantsOutbox = !!offline;
  useEffect(() => (wantsOutbox ? afterPageSettles(() => void loadOutbox().catch(() => {}), 0) : undefined), [wantsOutbox]);

  // The fix flow: the refused item's values, its key, its server message and field errors.
  useEffect(() => {
    if (!outboxItemId) return;
    let live = true;
    void loadOutbox().then(async ([outbox]) => {
      const item = await outbox.getItem(outboxItemId);
      if (!live || !item || item.state === "sent") return;
      const { idempotencyKey: _key, ...values } = item.input;
      keyRef.current = item.id;
      form.reset({ ...options.defaultValues, ...values } as TValues);
      setOutboxItem(item);
      if (item.error) setRootError(item.error);
      for (const [path, messages] of Object.entries(item.fieldErrors ?? {})) {
        if (path === "_form" || path === "idempotencyKey" || !messages[0]) continue;
        form.setError(path as Path<TValues>, { type: "server", message: messages[0] });
      }
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outboxItemId]);

  /** Puts the submit into the outbox (or updates the item being fixed), clears the draft, resets the form. */
  const queue = async (values: TValues, payload: Record<string, unknown>): Promise<boolean> => {
    if (!offline) return false;
    try {
      const [outbox, runner] = await loadOutbox();
      const { idempotencyKey: _key, ...input } = payload;
      let id: string;
      if (outboxItem) {
        await outbox.updateItem(outboxItem.id, input, { label: offline.label(values), context: offline.context?.(values) });
        id = outboxItem.id;
      } else {
        id = await outbox.enqueue({
          userId: offline.userId,
          kind: contract.name as OutboxKind,
          input,
          label: offline.label(values),
          fixHref: offline.fixHref,
          context: offline.context?.(values),
          // The same key the failed call carried: if it did reach the server, the resend is the same record.
          id: keyRef.current ?? undefined,
        });
      }
      keyRef.current = null;
      setOutboxItem(null);
      if (draftKey) localStorage.removeItem(draftKey);
      setDraftRestored(false);
      form.reset(options.defaultValues);
      setRootError(null);
      // Awaited: what onQueued writes (a registration's local place, a visit's photos) must be
      // on the device before the sender may send and prune the item it belongs to.
      await offline.onQueued?.(id, values);
      void runner.kickOutbox(offline.userId);
      return true;
    } catch {
      // No IndexedDB (private mode) or the chunk is not cached: say so; the draft keeps the values.
      return false;
    }
  };

  const discardDraft = () => {
    if (draftKey) localStorage.removeItem(draftKey);
    form.reset(options.defaultValues);
    setDraftRestored(false);
  };

  const submitValues = async (values: TValues) => {
    setRootError(null);
    // One key per intended record: a retry of the same submit reuses it.
    // The outbox needs an id even for a kind without a key (it is the item's id then).
    if (contract.idempotent || offline) keyRef.current ??= newIdempotencyKey();
    const payload = contract.idempotent ? { ...values, idempotencyKey: keyRef.current } : values;
    // Known offline: straight to the outbox, without waiting for a request that cannot go.
    if (offline && isOffline()) {
      if (!(await queue(values, payload as Record<string, unknown>))) setRootError(tErrors("network"));
      return;
    }
    let result: ActionResult<TData>;
    try {
      result = await action(payload);
    } catch {
      // The request failed on the way (or its answer did): the outbox sends it again later, same key.
      // Whether the link is gone (or the server failed) is the probe's to say, not this catch's.
      void probeConnectivity();
      if (!(await queue(values, payload as Record<string, unknown>))) setRootError(tErrors("network"));
      return;
    }
    if (!result.ok) {
      for (const [path, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (path === "_form" || path === "idempotencyKey") continue;
        form.setError(path as Path<TValues>, { type: "server", message: messages[0] });
      }
      setRootError(result.error);
      requestFocus();
      return;
    }
    keyRef.current = null;
    if (draftKey) localStorage.removeItem(draftKey);
    setDraftRestored(false);
    if (outboxItem) {
      // The fixed item went through online: accepted (its photos then resolve its id), not queued.
      const item = outboxItem;
      setOutboxItem(null);
      const data = (result.data ?? {}) as { id?: unknown; number?: unknown; trackingCode?: unknown };
      const id = typeof data.id === "string" ? data.id : undefined;
      await loadOutbox()
        .then(([outbox, runner]) => outbox.markAccepted(item.id, id, data).then(() => runner.kickOutbox(item.userId)))
        .catch(() => {});
    }
    options.onSuccess?.(result.data);
  };
  // Field errors show on their fields; say so at the top too (on a phone the first bad field
  // may be off-screen, and a form-level issue has no field to show on).
  const onInvalid = () => {
    setRootError(tErrors("checkFields"));
    requestFocus();
  };
  const onSubmit = (event?: React.BaseSyntheticEvent) => {
    const target: unknown = event?.currentTarget ?? event?.target;
    const element = target instanceof HTMLFormElement ? target : target instanceof Element ? target.closest("form") : null;
    if (element) formElement.current = element;
    return form.handleSubmit(submitValues, onInvalid)(event);
  };

  /** The message for a field, translating client-side "@key" messages. */
  const errorOf = (path: string): string | undefined => {
    const parts = path.split(".");
    let node: unknown = form.formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    const message = (node as { message?: string } | undefined)?.message;
    return message ? translateFieldError(message, tValidation) : undefined;
  };

  return { form, onSubmit, rootError, setRootError, errorOf, pending: form.formState.isSubmitting, draftRestored, discardDraft, outboxItem };
}

export type ActionForm<TValues extends FieldValues> = {
  form: UseFormReturn<TValues>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  rootError: string | null;
  setRootError: (message: string | null) => void;
  errorOf: (path: string) => string | undefined;
  pending: boolean;
  draftRestored: boolean;
  discardDraft: () => void;
  /** The outbox item being fixed (`outboxItemId`), once loaded. */
  outboxItem: OutboxItem | null;
};
