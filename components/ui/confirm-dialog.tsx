"use client";
// Confirmation for destructive or consequential actions, on the native <dialog> (focus is
// trapped and restored by the browser, Esc cancels). Controlled: the caller owns `open`
// and keeps it true while the confirmed action runs (`pending`), then closes it.
import { useEffect, useId, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";

type Props = {
  open: boolean;
  title: ReactNode;
  message: ReactNode;
  confirmLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** "danger" for deactivating, resetting, deleting; "primary" for harmless confirmations. */
  tone?: "danger" | "primary";
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Extra content under the message (e.g. an error from a failed attempt). */
  children?: ReactNode;
};

export function ConfirmDialog({ open, title, message, confirmLabel, cancelLabel, tone = "danger", pending = false, onConfirm, onCancel, children }: Props) {
  const t = useTranslations("common");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const cancel = () => {
    if (!pending) onCancel();
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={messageId}
      // Esc: let the caller decide (keeps `open` the single source of truth).
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
      // A tap on the backdrop (outside the panel) cancels.
      onClick={(e) => {
        if (e.target === e.currentTarget) cancel();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl"
    >
      <div className="p-5">
        <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
        <div id={messageId} className="mt-2 text-sm text-slate-700">{message}</div>
        {children ? <div className="mt-3">{children}</div> : null}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          {/* Focus starts on the harmless choice. */}
          <Button variant="secondary" onClick={cancel} disabled={pending} autoFocus>
            {cancelLabel ?? t("cancel")}
          </Button>
          <Button variant={tone === "danger" ? "danger" : "primary"} onClick={onConfirm} disabled={pending} aria-busy={pending}>
            {pending ? t("saving") : (confirmLabel ?? t("confirm"))}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
