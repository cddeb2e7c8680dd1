"use client";
// The "当前离线" banner (issue 16): shown while the app cannot reach its server
// (lib/field/local/connectivity.ts: the device offline, or a request that failed on the way), so
// the officer knows records stay on the device until it returns. A page the service worker
// controls may have come from its cache, so it asks the server once on load. Hidden online (and
// during server rendering).
import { useEffect, useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import { isOffline, probeConnectivity, subscribeConnectivity } from "@/lib/field/local/connectivity";

export function OfflineBanner() {
  const t = useTranslations("field.shell");
  const offline = useSyncExternalStore(subscribeConnectivity, isOffline, () => false);
  useEffect(() => {
    if (navigator.onLine !== false && navigator.serviceWorker?.controller) void probeConnectivity();
  }, []);
  if (!offline) return null;
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-sm text-amber-900">
      {t("offline")}
    </div>
  );
}
