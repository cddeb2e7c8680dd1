"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The frame every form uses: its general error, a restored-draft notice, and the submit row. */
export function FormShell({
  onSubmit, rootError, pending, submitLabel, draftRestored, onDiscardDraft, children, secondary, label,
}: {
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  rootError: string | null;
  pending: boolean;
  submitLabel: string;
  draftRestored?: boolean;
  onDiscardDraft?: () => void;
  children: ReactNode;
  secondary?: ReactNode;
  label?: string;
}) {
  const t = useTranslations("common");
  // POST, so a submit before hydration posts back to the page (which just renders it again)
  // instead of putting every field, personal data included, into the URL.
  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label={label} className="space-y-4">
      {draftRestored ? (
        <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
          <span>{t("draftRestored")}</span>
          {onDiscardDraft ? <Button variant="ghost" size="sm" onClick={onDiscardDraft}>{t("discardDraft")}</Button> : null}
        </Alert>
      ) : null}
      {rootError ? <Alert tone="error">{rootError}</Alert> : null}
      {children}
      <div className="flex flex-wrap gap-2 pt-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? t("saving") : submitLabel}</Button>
        {secondary}
      </div>
    </form>
  );
}
