"use client";
// The "当前离线" banner (issue 16): shown while the browser says it has no network, so the officer
// knows records stay on the device until it returns. Hidden online (and during server rendering).
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

function subscribe(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

export function OfflineBanner() {
  const t = useTranslations("field.shell");
  const offline = useSyncExternalStore(subscribe, () => !navigator.onLine, () => false);
  if (!offline) return null;
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-900">
      {t("offline")}
    </div>
  );
}
