"use client";
// Stub (issue 16): the work-set work fills this in (when the device's copy was last refreshed,
// what it holds). Rendered by app/(app)/field/page.tsx.
export function WorkSetStatus(_props: { userId: string }) {
  return null;
}
