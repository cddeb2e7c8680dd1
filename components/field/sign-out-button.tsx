"use client";
// Stub (issue 16): the outbox work adds the warning about unsent items and the wipe.
import { signOutAction } from "@/lib/account/actions";

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="rounded-md px-2 py-1 text-sm text-white/90 hover:bg-white/10">{label}</button>
    </form>
  );
}
