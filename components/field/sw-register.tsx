"use client";
// Stub (issue 16): filled in by the PWA work.
export function ServiceWorkerRegistration() {
  return null;
}
