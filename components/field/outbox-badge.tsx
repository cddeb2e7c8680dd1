"use client";
// Stub (issue 16): filled in by the outbox work.
export function OutboxBadge(_props: { userId: string }) {
  return null;
}
