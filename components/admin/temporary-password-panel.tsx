"use client";
// The one-time temporary password after creating a user or resetting a password. It is
// never stored in clear: once this panel is gone it cannot be shown again.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Clipboard API where available (https/localhost); the old selection route on plain-http intranets. */
async function copyText(text: string, fallbackNode: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through */
  }
  if (!fallbackNode) return false;
  const range = document.createRange();
  range.selectNodeContents(fallbackNode);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

export function TemporaryPasswordPanel({ password, title, who, focusOnShow }: { password: string; title: string; who?: string; focusOnShow?: boolean }) {
  const t = useTranslations("users");
  const tCommon = useTranslations("common");
  const codeRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<"idle" | "done" | "failed">("idle");
  // The form it replaces is gone: move focus here so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow, password]);

  return (
    <section aria-labelledby="temporary-password-title" className="rounded-lg border-2 border-amber-300 bg-amber-50 p-4">
      <h2 id="temporary-password-title" ref={headingRef} tabIndex={-1} className="text-base font-semibold text-amber-950">{title}</h2>
      {who ? <p className="mt-1 text-sm text-amber-950">{who}</p> : null}
      <p className="mt-3 text-sm font-medium text-amber-950">{t("temporaryPassword")}</p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code ref={codeRef} data-testid="temporary-password" className="select-all break-all rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-2xl tracking-wider text-slate-900">
          {password}
        </code>
        <Button
          variant="secondary"
          onClick={async () => setCopy((await copyText(password, codeRef.current)) ? "done" : "failed")}
        >
          {copy === "done" ? tCommon("copied") : tCommon("copy")}
        </Button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-amber-950">
        {copy === "failed" ? t("copyFailed") : copy === "done" ? tCommon("copied") : ""}
      </p>
      <p className="mt-2 text-sm text-amber-950">{t("temporaryPasswordHint")}</p>
    </section>
  );
}
