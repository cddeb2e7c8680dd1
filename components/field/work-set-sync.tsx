"use client";
// Stub (issue 16): filled in by the work-set work.
export function WorkSetSync(_props: { userId: string }) {
  return null;
}
