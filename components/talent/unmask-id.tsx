"use client";
// Shows the full ID number on request, for users holding "personalData.unmask" (the server
// checks again and writes an audit row for every look).
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { unmaskTalentIdAction } from "@/lib/talent/actions";
import { Button } from "@/components/ui/button";

export function UnmaskId({ talentId, masked, canUnmask }: { talentId: string; masked: string; canUnmask: boolean }) {
  const t = useTranslations("talent");
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono">{shown ?? masked}</span>
      {canUnmask && !shown ? (
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => start(async () => {
          const r = await unmaskTalentIdAction({ id: talentId });
          if (r.ok) setShown(r.data.idNumber); else setError(r.error);
        })}>{t("unmask")}</Button>
      ) : null}
      {shown ? <span className="text-xs text-slate-500">{t("unmaskAudited")}</span> : null}
      {error ? <span className="text-sm text-red-700">{error}</span> : null}
    </span>
  );
}
