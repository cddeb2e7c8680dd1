"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "./use-hydrated";

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
  // The button waits for hydration (./use-hydrated.ts). POST all the same: should a submit
  // still happen before (Enter in a field), it posts back to the page instead of putting
  // every field, personal data included, into the URL.
  const hydrated = useHydrated();
  return (
    // On a phone the submit row sticks to the bottom of the screen, so a long form can be saved
    // from anywhere; scroll-margin keeps a focused control from scrolling under it.
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={label}
      className="space-y-4 max-sm:[&_input]:scroll-mb-24 max-sm:[&_select]:scroll-mb-24 max-sm:[&_textarea]:scroll-mb-24"
    >
      {draftRestored ? (
        <Alert tone="info" className="flex flex-wrap items-center justify-between gap-2">
          <span>{t("draftRestored")}</span>
          {onDiscardDraft ? <Button variant="ghost" size="sm" onClick={onDiscardDraft}>{t("discardDraft")}</Button> : null}
        </Alert>
      ) : null}
      {rootError ? <Alert tone="error">{rootError}</Alert> : null}
      {children}
      <div
        data-submit-row
        className="sticky bottom-0 z-20 flex flex-wrap gap-2 border-t border-slate-200 bg-white/95 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:static sm:border-0 sm:bg-transparent sm:pt-2 sm:pb-0 sm:backdrop-blur-none"
      >
        <Button type="submit" disabled={pending || !hydrated} aria-busy={pending}>{pending ? t("saving") : submitLabel}</Button>
        {secondary}
      </div>
    </form>
  );
}
