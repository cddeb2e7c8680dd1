"use client";
// react-hook-form bound to one of our server actions (lib/platform/action.ts) through its
// contract (lib/platform/contract.ts): the form validates with the contract's schema, the one
// the action parses, and the action's type must carry that same contract, so form and server
// cannot drift; server field errors land on their fields,
// the general message on the form. Values are never cleared on an error, and with a
// `draftKey` they survive a reload or a dropped connection (kept in localStorage until the
// submit succeeds). A refused submit moves focus to the first red field in the page's order
// and scrolls it into view (on a phone it may be far above the button).
import { useEffect, useRef, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import type { ActionContract, ActionResult, ContractAction, FormBinding } from "@/lib/platform/contract";
import type { z } from "zod";
import { toLocale } from "@/lib/platform/i18n/locales";
import { translateFieldError, zodErrorMap } from "@/lib/platform/i18n/zod";
import { newIdempotencyKey } from "./idempotency";

type Options<TValues extends FieldValues, TData> = {
  defaultValues: DefaultValues<TValues>;
  /** localStorage key under which unsent input is kept. */
  draftKey?: string;
  onSuccess?: (data: TData) => void;
};

/**
 * `useActionForm(contract, serverAction, { defaultValues, … })`. The values are the contract's
 * form-schema input; an action built from another contract does not compile. An idempotent
 * contract (create forms) sends an idempotency key with the values.
 */
export function useActionForm<N extends string, S extends z.ZodType, TValues extends FieldValues, TData>(
  contract: ActionContract<N, S, TValues>,
  action: ContractAction<ActionContract<NoInfer<N>, NoInfer<S>, NoInfer<TValues>>, TData>,
  options: Options<NoInfer<TValues>, TData>,
): ActionForm<TValues>;
/**
 * A form that serves two actions (create and edit) passes the one it needs, bound to its
 * contract (`bindAction`), and declares the values it holds (the two inputs differ).
 */
export function useActionForm<TValues extends FieldValues, TData>(
  binding: FormBinding<unknown, TData>,
  options: Options<TValues, TData>,
): ActionForm<TValues>;
export function useActionForm<TValues extends FieldValues, TData>(
  ...args:
    | [contract: ActionContract<string, z.ZodType, TValues>, action: (input: unknown) => Promise<ActionResult<TData>>, options: Options<TValues, TData>]
    | [binding: FormBinding<unknown, TData>, options: Options<TValues, TData>]
): ActionForm<TValues> {
  const [contract, action, options]: [ActionContract<string, z.ZodType, unknown>, (input: unknown) => Promise<ActionResult<TData>>, Options<TValues, TData>] =
    args.length === 3 ? args : [args[0].contract, args[0].action, args[1]];
  // What the form holds is TValues: checked against the schema in the typed overload, declared
  // by the form with a binding.
  const formSchema = contract.formSchema as z.ZodType<unknown, TValues>;
  const locale = toLocale(useLocale());
  const tErrors = useTranslations("errors");
  const tValidation = useTranslations("validation");
  const form = useForm<TValues>({
    // raw: submit what the user typed; the server action parses (and transforms) it again
    // with the same schema, so transformed output must not be sent.
    resolver: zodResolver(formSchema, { error: zodErrorMap(locale) }, { raw: true }),
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
  const { draftKey } = options;

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

  const discardDraft = () => {
    if (draftKey) localStorage.removeItem(draftKey);
    form.reset(options.defaultValues);
    setDraftRestored(false);
  };

  const submitValues = async (values: TValues) => {
    setRootError(null);
    // One key per intended record: a retry of the same submit reuses it.
    if (contract.idempotent) keyRef.current ??= newIdempotencyKey();
    const payload = contract.idempotent ? { ...values, idempotencyKey: keyRef.current } : values;
    let result: ActionResult<TData>;
    try {
      result = await action(payload);
    } catch {
      setRootError(tErrors("network"));
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

  return { form, onSubmit, rootError, setRootError, errorOf, pending: form.formState.isSubmitting, draftRestored, discardDraft };
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
};
