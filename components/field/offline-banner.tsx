"use client";
// Stub (issue 16): filled in by the PWA work.
export function OfflineBanner() {
  return null;
}
