"use client";
// "N 条待同步" in the shell of every signed-in officer's page (issue 16), red "N 条需处理" when
// the server refused something; both link to /field. It also runs the outbox's page-side
// triggers: a flush on load, when the network returns, when the officer comes back to the tab,
// and every 30 s while items wait (Background Sync, where the browser has it, covers closed tabs).
// Strings: field.shell (shipped on every page by app/(app)/layout.tsx).
import { useEffect } from "react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useOutbox } from "@/lib/field/local/outbox";
import { outboxCounts } from "@/lib/field/local/outbox-machine";
import { flushOutbox } from "@/lib/field/local/sync-runner";
import { isOffline, onReconnect } from "@/lib/field/local/connectivity";

/** While something waits: a retry this often (the back-off decides which items are due). */
const RETRY_EVERY_MS = 30_000;

export function OutboxBadge({ userId }: { userId: string }) {
  const t = useTranslations("field.shell");
  const items = useOutbox(userId);
  const { pending, needsAction } = outboxCounts(items ?? []);
  useOutboxTriggers(userId, pending > 0);

  return (
    <div aria-live="polite" className="mx-auto max-w-7xl px-3 sm:px-4">
      {pending > 0 || needsAction > 0 ? (
        <p className="flex flex-wrap gap-2 pt-2 text-sm">
          {needsAction > 0 ? (
            <Link href="/field" className="rounded-full bg-red-600 px-3 py-1 font-medium text-white hover:bg-red-700">
              {t("needsAction", { count: needsAction })}
            </Link>
          ) : null}
          {pending > 0 ? (
            <Link href="/field" className="rounded-full bg-amber-100 px-3 py-1 font-medium text-amber-900 hover:bg-amber-200">
              {t("pending", { count: pending })}
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

function useOutboxTriggers(userId: string, waiting: boolean) {
  useEffect(() => {
    const flush = () => {
      if (!isOffline()) void flushOutbox({ userId });
    };
    // The link is back (the device's "online", or the server answering again after a failure):
    // what waited out a back-off because the link was gone goes now.
    const stopReconnect = onReconnect(() => void flushOutbox({ userId, skipBackoff: true }));
    const onVisible = () => {
      if (document.visibilityState === "visible") flush();
    };
    flush();
    window.addEventListener("focus", flush);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopReconnect();
      window.removeEventListener("focus", flush);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [userId]);

  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      if (!isOffline()) void flushOutbox({ userId });
    }, RETRY_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [userId, waiting]);
}
