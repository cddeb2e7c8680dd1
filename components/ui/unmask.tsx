"use client";
// A personal datum shown masked to everyone (SECURITY.md 5: masked by default), with
// 查看完整号码 for a holder of "personalData.unmask". The full value is not in the page: the
// click asks the server, which checks scope and permission again and audits every look. Used
// for every unmask: a household's or an enterprise's phone, a talent's ID number, a hotline
// caller's phone. Each module's unmask action is "personalData.unmask" and answers { value }.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/platform/contract";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/forms/use-hydrated";

export function Unmask({ id, masked, unmask }: {
  /** The record whose value is asked for. */
  id: string;
  masked: string;
  /** The module's unmask action; absent for a user without the permission. */
  unmask?: (input: { id: string }) => Promise<ActionResult<{ value: string }>>;
}) {
  const t = useTranslations("common");
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  // Greyed until hydrated: a tap before the script ran would do nothing and say nothing.
  const hydrated = useHydrated();
  const reveal = (action: NonNullable<typeof unmask>) => start(async () => {
    try {
      const r = await action({ id });
      if (r.ok) { setShown(r.data.value); setError(null); } else setError(r.error);
    } catch {
      setError(t("unmaskNetwork"));
    }
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono">{shown ?? masked}</span>
      {unmask && shown === null ? (
        <>
          <Button size="sm" variant="ghost" disabled={pending || !hydrated} onClick={() => reveal(unmask)}>{t("unmask")}</Button>
          {/* Said before the click, not only after: the look is what gets recorded. */}
          <span className="text-xs text-slate-500">{t("unmaskHint")}</span>
        </>
      ) : null}
      {shown !== null ? <span className="text-xs text-slate-500">{t("unmaskAudited")}</span> : null}
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </span>
  );
}
