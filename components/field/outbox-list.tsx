"use client";
// The outbox on /field (issue 16): every record kept on this device and not yet accepted by the
// server, oldest first, each with its state in words. A refused one shows the server's message
// and a 修改 link to the form that fixes it; a conflict or a possible duplicate shows the choice
// (components/field/outbox-resolve.tsx). "立即同步" sends what is due now; 放弃 asks first.
// Strings: field.outbox (and field.resolve for the resolution panel).
import { useState } from "react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { discardCount, discardItem, useOutbox, type OutboxItem } from "@/lib/field/local/outbox";
import { outboxCounts } from "@/lib/field/local/outbox-machine";
import { flushOutbox } from "@/lib/field/local/sync-runner";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge, EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { OutboxResolve } from "./outbox-resolve";

const STATE_TONE = { queued: "amber", sending: "blue", refused: "red", conflict: "red", duplicate: "red", sent: "green" } as const;

export function OutboxList({ userId }: { userId: string }) {
  const t = useTranslations("field.outbox");
  const items = useOutbox(userId);
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<{ tone: "info" | "success" | "warning"; text: string } | null>(null);
  const [discarding, setDiscarding] = useState<{ item: OutboxItem; count: number } | null>(null);
  const [discardPending, setDiscardPending] = useState(false);

  if (items === undefined) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  const { pending, needsAction } = outboxCounts(items);

  const syncNow = async () => {
    setNotice(null);
    if (navigator.onLine === false) {
      setNotice({ tone: "warning", text: t("offlineNow") });
      return;
    }
    setSyncing(true);
    const result = await flushOutbox({ userId, skipBackoff: true });
    setSyncing(false);
    if (result.locked) setNotice({ tone: "info", text: t("alreadySyncing") });
    else if (result.failed) setNotice({ tone: "warning", text: t("syncFailed", { sent: result.sent }) });
    else setNotice({ tone: "success", text: t("synced", { sent: result.sent }) });
  };

  const askDiscard = async (item: OutboxItem) => setDiscarding({ item, count: await discardCount(item.id) });
  const confirmDiscard = async () => {
    if (!discarding) return;
    setDiscardPending(true);
    await discardItem(discarding.item.id);
    setDiscardPending(false);
    setDiscarding(null);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700">
          {pending + needsAction === 0 ? t("allSynced") : t("summary", { pending, needsAction })}
        </p>
        <Button onClick={() => void syncNow()} disabled={syncing || pending === 0}>
          {syncing ? t("syncing") : t("syncNow")}
        </Button>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label={t("listLabel")}>
          {items.map((item) => (
            <li key={item.id} className="space-y-2 p-3" data-state={item.state}>
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="break-words font-medium text-slate-900">{item.label}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                    <Badge tone={STATE_TONE[item.state]}>{t(`state.${item.state}`)}</Badge>
                    {item.state === "queued" && item.retryReason ? (
                      <span className="text-slate-600">{t(`retry.${item.retryReason}`)}</span>
                    ) : null}
                  </p>
                </div>
                {item.state !== "sent" && item.state !== "sending" ? (
                  <Button variant="ghost" size="sm" onClick={() => void askDiscard(item)} aria-label={t("discardLabel", { label: item.label })}>
                    {t("discard")}
                  </Button>
                ) : null}
              </div>
              {item.state === "refused" ? (
                <Alert tone="error">
                  <span className="block">{item.error ?? t("refusedNoMessage")}</span>
                  {Object.entries(item.fieldErrors ?? {}).map(([field, messages]) => (
                    <span key={field} className="block text-sm">{messages.join("；")}</span>
                  ))}
                  {item.fixHref ? (
                    <Link href={item.fixHref} className="mt-2 inline-block font-medium underline">{t("fix")}</Link>
                  ) : null}
                </Alert>
              ) : null}
              {item.state === "queued" && item.retryReason === "server" && item.error ? (
                <p className="text-xs text-slate-500">{item.error}</p>
              ) : null}
              {item.state === "conflict" || item.state === "duplicate" ? <OutboxResolve item={item} /> : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={discarding !== null}
        title={t("discardTitle")}
        message={discarding ? (discarding.count > 1 ? t("discardBodyWithDependants", { label: discarding.item.label, others: discarding.count - 1 }) : t("discardBody", { label: discarding.item.label })) : ""}
        confirmLabel={t("discardConfirm")}
        tone="danger"
        pending={discardPending}
        onConfirm={() => void confirmDiscard()}
        onCancel={() => setDiscarding(null)}
      />
    </div>
  );
}
