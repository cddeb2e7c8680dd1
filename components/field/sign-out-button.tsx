"use client";
// Sign-out (issue 16): the device's copy belongs to the signed-in officer, so signing out wipes
// it (lib/field/local/wipe.ts) — and with it any record not yet sent. When there are such
// records, the officer is told how many first and may stay signed in to let them sync.
// Strings: field.shell (every page ships it).
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/lib/account/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

async function unsentOnDevice(): Promise<number> {
  try {
    const { fieldDb } = await import("@/lib/field/local/db");
    return await fieldDb().outbox.filter((i) => i.state !== "sent").count();
  } catch {
    return 0;
  }
}

async function wipeDevice(): Promise<void> {
  try {
    const { wipeAll } = await import("@/lib/field/local/wipe");
    await wipeAll();
  } catch {
    // No IndexedDB here (private mode): nothing was kept, nothing to wipe.
  }
}

export function SignOutButton({ label }: { label: string }) {
  const t = useTranslations("field.shell");
  const formRef = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [unsent, setUnsent] = useState(0);
  const [pending, setPending] = useState(false);

  const signOut = async () => {
    setPending(true);
    await wipeDevice();
    confirmed.current = true;
    formRef.current?.requestSubmit();
  };

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    if (confirmed.current) return; // the wipe is done: let the form post
    event.preventDefault();
    const count = await unsentOnDevice();
    if (count > 0) setUnsent(count);
    else await signOut();
  };

  return (
    <>
      <form ref={formRef} action={signOutAction} onSubmit={onSubmit}>
        <button type="submit" className="rounded-md px-2 py-1 text-sm text-white/90 hover:bg-white/10">{label}</button>
      </form>
      <ConfirmDialog
        open={unsent > 0}
        title={t("unsentTitle")}
        message={t("unsentBody", { count: unsent })}
        confirmLabel={t("signOutAnyway")}
        tone="danger"
        pending={pending}
        onConfirm={() => void signOut()}
        onCancel={() => setUnsent(0)}
      />
    </>
  );
}
