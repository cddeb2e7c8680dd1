"use client";
// A small form for one server action (status changes, plan edits, sign-offs, round-table
// answers …), used by several modules: the server validates with the action's schema; field
// errors land on their fields, the general message above the button, and the page refreshes
// on success. Typed values are kept on an error. With `collapsed`, the form sits behind a
// button (phones: one tap to open). Hidden fields carrying a record's version send the newest
// one known (useVersionedInput).
import { useId, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/platform/action";
import { useVersionedInput } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { useHydrated } from "./use-hydrated";

export type QuickField = {
  name: string;
  label: string;
  type: "text" | "textarea" | "date" | "number" | "select" | "checkbox";
  options?: { value: string; label: string }[];
  defaultValue?: string | boolean;
  required?: boolean;
  hint?: string;
  min?: number;
  max?: number;
  maxLength?: number;
};

type Props = {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  hidden: Record<string, string | number>;
  fields: QuickField[];
  submitLabel: string;
  /** The button that opens the form; without it the form is always shown. */
  collapsed?: string;
  tone?: "primary" | "secondary" | "danger";
  successMessage?: string;
  idempotent?: boolean;
  className?: string;
  label?: string;
  children?: ReactNode;
};

export function QuickForm({ action, hidden: renderedHidden, fields, submitLabel, collapsed, tone = "primary", successMessage, idempotent, className, label, children }: Props) {
  const tCommon = useTranslations("common");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [hidden, rememberVersion] = useVersionedInput(renderedHidden);
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, f.defaultValue ?? (f.type === "checkbox" ? false : "")]));
  const [values, setValues] = useState<Record<string, string | boolean>>(initial);
  const [open, setOpen] = useState(!collapsed);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  // The submit waits for hydration: before it, a tap would post the page to itself, empty.
  const hydrated = useHydrated();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    setDone(false);
    const idempotencyKey = idempotent ? (key ?? crypto.randomUUID()) : null;
    if (idempotencyKey) setKey(idempotencyKey);
    let result: ActionResult<unknown>;
    try {
      result = await action({ ...hidden, ...values, ...(idempotencyKey ? { idempotencyKey } : {}) });
    } catch {
      setPending(false);
      setError(tErrors("network"));
      return;
    }
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      setFieldErrors(result.fieldErrors ?? {});
      return;
    }
    rememberVersion(result.data);
    setKey(null);
    setValues(initial());
    setDone(true);
    if (collapsed) setOpen(false);
    router.refresh();
  };

  if (!open) {
    return (
      <div className={className}>
        {done && successMessage ? <Alert tone="success" className="mb-2">{successMessage}</Alert> : null}
        <Button variant={tone === "danger" ? "secondary" : tone} size="sm" onClick={() => setOpen(true)} aria-expanded={false}>
          {collapsed}
        </Button>
      </div>
    );
  }

  return (
    <form method="post" onSubmit={submit} noValidate aria-label={label ?? submitLabel} className={cn("space-y-3", collapsed && "rounded-md border border-slate-200 bg-slate-50 p-3", className)}>
      {children}
      {fields.map((f) => {
        const fid = `${id}-${f.name}`;
        const err = fieldErrors[f.name]?.[0];
        if (f.type === "checkbox") {
          return (
            <label key={f.name} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" className="size-5" checked={values[f.name] === true} onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.checked }))} />
              {f.label}
            </label>
          );
        }
        return (
          <Field key={f.name} id={fid} label={f.label} error={err} hint={f.hint} required={f.required}>
            {(p) => {
              const common = { ...p, value: String(values[f.name] ?? ""), onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [f.name]: e.target.value })) };
              if (f.type === "textarea") return <Textarea {...common} limit={f.maxLength ?? 2000} />;
              if (f.type === "select") {
                return (
                  <Select {...common}>
                    {(f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </Select>
                );
              }
              return <Input {...common} type={f.type} min={f.min} max={f.max} inputMode={f.type === "number" ? "decimal" : undefined} />;
            }}
          </Field>
        );
      })}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done && successMessage && !collapsed ? <Alert tone="success">{successMessage}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" variant={tone} disabled={pending || !hydrated} aria-busy={pending}>{pending ? tCommon("saving") : submitLabel}</Button>
        {collapsed ? <Button size="sm" variant="ghost" onClick={() => { setOpen(false); setError(null); setFieldErrors({}); }}>{tCommon("cancel")}</Button> : null}
      </div>
    </form>
  );
}
