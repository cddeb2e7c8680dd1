"use client";
// Registers the field app's service worker (issue 16; built by `next build`, served at /sw.js).
// Production builds only: under `next dev` there is no /sw.js, and a worker caching dev chunks
// would serve stale code.
import { useEffect } from "react";
import { afterPageSettles } from "./after-load";

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    // After the page's own loading, so the worker's precache never competes with it on a weak link.
    return afterPageSettles(() => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {}), 0);
  }, []);
  return null;
}
