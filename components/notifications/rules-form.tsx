"use client";
// A programme's notice rules (/programmes/[id]/notifications): per kind, "send to DingTalk/SMS"
// and "urgent", prefilled with the programme's rule or the module's default; saved together.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { saveNotificationRulesAction } from "@/lib/programmes/notification-rules-actions";

export type RuleFormRow = { kind: string; label: string; external: boolean; urgent: boolean; defaults: { external: boolean; urgent: boolean } };

export function NotificationRulesForm({ programmeId, rows, editable }: { programmeId: string; rows: RuleFormRow[]; editable: boolean }) {
  const t = useTranslations("programmes.notificationRules");
  const router = useRouter();
  const [rules, setRules] = useState(rows.map(({ kind, external, urgent }) => ({ kind, external, urgent })));
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (i: number, field: "external" | "urgent", value: boolean) =>
    setRules((current) => current.map((r, j) => (j === i ? { ...r, [field]: value } : r)));
  const yesNo = (v: boolean) => (v ? t("yes") : t("no"));

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        setMessage(null);
        start(async () => {
          const result = await saveNotificationRulesAction({ programmeId, rules });
          setMessage(result.ok ? { ok: true, text: t("saved") } : { ok: false, text: result.error });
          if (result.ok) router.refresh();
        });
      }}
    >
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
        {rows.map((row, i) => (
          <li key={row.kind} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">{row.label}</p>
              <p className="text-xs text-slate-500">
                {t("defaults", { external: yesNo(row.defaults.external), urgent: yesNo(row.defaults.urgent) })}
              </p>
            </div>
            <div className="flex flex-wrap gap-4">
              <label className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" className="h-5 w-5 accent-brand-700" checked={rules[i]!.external} disabled={!editable || pending}
                  onChange={(e) => set(i, "external", e.target.checked)} aria-label={t("switchLabel", { kind: row.label, what: t("external") })} />
                {t("external")}
              </label>
              <label className="inline-flex min-h-11 items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" className="h-5 w-5 accent-brand-700" checked={rules[i]!.urgent} disabled={!editable || pending}
                  onChange={(e) => set(i, "urgent", e.target.checked)} aria-label={t("switchLabel", { kind: row.label, what: t("urgent") })} />
                {t("urgent")}
              </label>
            </div>
          </li>
        ))}
      </ul>
      {editable ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>{t("save")}</Button>
          {message ? <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>{message.text}</span> : null}
        </div>
      ) : null}
    </form>
  );
}
