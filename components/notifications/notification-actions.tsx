"use client";
// The buttons of the notification centre: open (marks read, then follows the link), mark read,
// mark all read. Failures show the action's message next to the button.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/platform/notifications/actions";

export function OpenNotificationButton({ id, href, unread, label }: { id: string; href: string; unread: boolean; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <a
      href={href}
      aria-busy={pending}
      className="block min-w-0 rounded hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      onClick={(event) => {
        if (!unread || event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        start(async () => {
          await markNotificationReadAction({ id });
          router.push(href);
        });
      }}
    >
      {label}
    </a>
  );
}

export function MarkReadButton({ id }: { id: string }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await markNotificationReadAction({ id });
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        {t("markRead")}
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}

export function MarkAllReadButton({ disabled = false }: { disabled?: boolean }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        disabled={pending || disabled}
        onClick={() =>
          start(async () => {
            const result = await markAllNotificationsReadAction({});
            setMessage(result.ok ? { ok: true, text: t("markedAllRead", { count: result.data.count }) } : { ok: false, text: result.error });
            if (result.ok) router.refresh();
          })
        }
      >
        {t("markAllRead")}
      </Button>
      {message ? (
        <span role="status" className={message.ok ? "text-sm text-slate-600" : "text-sm text-red-700"}>{message.text}</span>
      ) : null}
    </span>
  );
}
