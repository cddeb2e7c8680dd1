// Labelled form controls with their error and hint tied to the control (aria-describedby),
// so screen readers announce them and a tap on the label focuses the input.
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { CharCount } from "./char-count";

const control =
  "block w-full rounded-md border bg-white px-3 text-base text-slate-900 placeholder:text-slate-400 disabled:bg-slate-100 aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50/40";

type FieldProps = {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string; className: string }) => ReactNode;
};

export function Field({ id, label, error, hint, required, className, children }: FieldProps) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? <span aria-hidden="true" className="ml-0.5 text-red-600">*</span> : null}
      </label>
      {children({ id, "aria-invalid": !!error, "aria-describedby": describedBy, className: cn(control, "border-slate-300") })}
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

/**
 * `limit`: the schema's maximum length. Shown as a counter under the control instead of a
 * maxLength attribute, which would cut a paste silently (see char-count.tsx). Needs an id.
 */
type Limited = { limit?: number };

const lengthOf = (v: unknown) => (typeof v === "string" ? v.length : 0);

function describedWithCount(props: { id?: string; "aria-describedby"?: string }, limit?: number) {
  if (!limit || !props.id) return props["aria-describedby"];
  return [props["aria-describedby"], `${props.id}-count`].filter(Boolean).join(" ");
}

export function Input({ className, limit, ...props }: ComponentProps<"input"> & Limited) {
  const input = <input className={cn("h-11", className)} {...props} aria-describedby={describedWithCount(props, limit)} />;
  if (!limit || !props.id) return input;
  return (
    <>
      {input}
      <CharCount forId={props.id} limit={limit} initial={lengthOf(props.value ?? props.defaultValue)} />
    </>
  );
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn("h-11", className)} {...props} />;
}

export function Textarea({ className, limit, ...props }: ComponentProps<"textarea"> & Limited) {
  const textarea = <textarea className={cn("min-h-24 py-2", className)} {...props} aria-describedby={describedWithCount(props, limit)} />;
  if (!limit || !props.id) return textarea;
  return (
    <>
      {textarea}
      <CharCount forId={props.id} limit={limit} initial={lengthOf(props.value ?? props.defaultValue)} />
    </>
  );
}

export const controlClass = cn(control, "border-slate-300");
