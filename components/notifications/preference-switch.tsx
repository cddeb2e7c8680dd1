"use client";
// One switch of /account/notifications: one kind of notice on one external channel. Saved on
// change (there is nothing else to fill in); on a refusal the switch goes back and says why.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setNotificationPreferenceAction } from "@/lib/platform/notifications/preference-actions";

export function PreferenceSwitch({ kind, channel, enabled, label }: { kind: string; channel: string; enabled: boolean; label: string }) {
  const t = useTranslations("notificationSettings");
  const [on, setOn] = useState(enabled);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const id = `pref-${kind}-${channel}`.replace(/[^a-zA-Z0-9-]/g, "-");
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <label htmlFor={id} className="inline-flex min-h-11 cursor-pointer items-center gap-2 text-sm text-slate-700">
        <input
          id={id}
          type="checkbox"
          role="switch"
          aria-checked={on}
          aria-label={label}
          checked={on}
          disabled={pending}
          className="h-5 w-5 accent-brand-700"
          onChange={(event) => {
            const next = event.target.checked;
            setOn(next);
            setError(null);
            start(async () => {
              const result = await setNotificationPreferenceAction({ kind, channel, enabled: next });
              if (!result.ok) {
                setOn(!next);
                setError(result.error);
              }
            });
          }}
        />
        <span aria-hidden="true">{on ? t("on") : t("off")}</span>
      </label>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
