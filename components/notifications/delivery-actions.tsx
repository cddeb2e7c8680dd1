"use client";
// The admin page's buttons (/admin/notifications): retry one failed delivery, retry all.
// The result (how many were queued again, or the refusal) shows beside the button.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { retryAllFailedDeliveriesAction, retryDeliveryAction } from "@/lib/platform/notifications/admin-actions";

function useRetry(run: () => ReturnType<typeof retryAllFailedDeliveriesAction>) {
  const t = useTranslations("notificationAdmin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onClick = () =>
    start(async () => {
      const result = await run();
      setMessage(result.ok ? { ok: true, text: t("requeued", { count: result.data.requeued }) } : { ok: false, text: result.error });
      if (result.ok) router.refresh();
    });
  return { pending, message, onClick };
}

function Result({ message }: { message: { ok: boolean; text: string } | null }) {
  return message ? <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-xs text-slate-600" : "text-xs text-red-700"}>{message.text}</span> : null;
}

export function RetryDeliveryButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("notificationAdmin");
  const { pending, message, onClick } = useRetry(() => retryDeliveryAction({ id }));
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="secondary" size="sm" disabled={pending} onClick={onClick} aria-label={t("retryOne", { what: label })}>
        {t("retry")}
      </Button>
      <Result message={message} />
    </span>
  );
}

export function RetryAllButton({ count }: { count: number }) {
  const t = useTranslations("notificationAdmin");
  const { pending, message, onClick } = useRetry(() => retryAllFailedDeliveriesAction({}));
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button variant="primary" disabled={pending || count === 0} onClick={onClick}>
        {t("retryAll")}
      </Button>
      <Result message={message} />
    </span>
  );
}
