"use client";
// One step of a workflow (submit, approve, return with a reason, cancel …): a button, an
// optional confirmation with a reason field, the action's error, then a refresh. An input
// carrying a record's version sends the newest one known (useVersionedInput), so two quick
// steps on one record never collide.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/platform/action";
import { useVersionedInput } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Props = {
  label: string;
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  input: Record<string, unknown>;
  /** Ask for a reason (sent as `note`); required when `reasonRequired`. */
  reason?: { label: string; required?: boolean; field?: string };
  confirm?: { title: string; message: string };
  variant?: "primary" | "secondary" | "danger" | "ghost";
  idempotent?: boolean;
};

export function StepButton({ label, action, input: renderedInput, reason, confirm, variant = "primary", idempotent }: Props) {
  const [input, rememberVersion] = useVersionedInput(renderedInput);
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      setError(null);
      const payload = { ...input, ...(reason ? { [reason.field ?? "note"]: note } : {}), ...(idempotent ? { idempotencyKey: crypto.randomUUID() } : {}) };
      const r = await action(payload).catch(() => null);
      if (!r) return setError(tErrors("network"));
      if (!r.ok) return setError(r.fieldErrors?.[reason?.field ?? "note"]?.[0] ?? r.error);
      rememberVersion(r.data);
      setOpen(false);
      setNote("");
      router.refresh();
    });

  const needsDialog = !!(reason || confirm);
  return (
    <>
      <Button variant={variant} onClick={() => (needsDialog ? setOpen(true) : run())} disabled={pending} aria-busy={pending}>{label}</Button>
      {!needsDialog && error ? <Alert tone="error" className="basis-full">{error}</Alert> : null}
      {needsDialog ? (
        <ConfirmDialog
          open={open}
          title={confirm?.title ?? label}
          message={confirm?.message ?? ""}
          confirmLabel={label}
          tone={variant === "danger" ? "danger" : "primary"}
          pending={pending}
          onConfirm={() => {
            if (reason?.required && !note.trim()) return setError(reason.label);
            run();
          }}
          onCancel={() => { setOpen(false); setError(null); }}
        >
          {reason ? (
            <label className="mt-3 block text-sm font-medium text-slate-700">
              {reason.label}
              <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base" />
            </label>
          ) : null}
          {error ? <Alert tone="error" className="mt-3">{error}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
