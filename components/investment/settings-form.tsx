"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { updateInvestmentSettingsAction } from "@/lib/investment/actions";
import { useLatestVersion } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The programme's lead-sharing switch (managers of the programme's owner unit). */
export function InvestmentSettingsForm({ programmeId, version: renderedVersion, shareLeads }: { programmeId: string; version: number; shareLeads: boolean }) {
  const t = useTranslations("investment");
  // A second save right after the first sends the version the first returned.
  const [version, rememberVersion] = useLatestVersion(programmeId, renderedVersion);
  const router = useRouter();
  const [value, setValue] = useState(shareLeads);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const save = async () => {
    setPending(true);
    setMessage(null);
    try {
      const r = await updateInvestmentSettingsAction({ programmeId, version, shareLeads: value });
      if (r.ok) rememberVersion(r.data);
      setMessage(r.ok ? { tone: "success", text: t("settingsSaved") } : { tone: "error", text: r.error });
      router.refresh();
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-3">
      <label className="flex min-h-11 cursor-pointer items-start gap-3">
        <input type="checkbox" className="mt-1 size-5" checked={value} onChange={(e) => setValue(e.target.checked)} />
        <span>
          <span className="block font-medium text-slate-900">{t("shareLeads")}</span>
          <span className="block text-sm text-slate-600">{t("shareLeadsHint")}</span>
        </span>
      </label>
      <Button variant="secondary" onClick={save} disabled={pending || value === shareLeads} aria-busy={pending}>{t("saveSettings")}</Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
