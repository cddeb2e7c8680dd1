"use client";
// The outbox on /field (issue 16): every record kept on this device and not yet accepted by the
// server, oldest first, each with its state in words. A refused one shows the server's message
// and a 修改 link to the form that fixes it; a conflict or a possible duplicate shows the choice
// (components/field/outbox-resolve.tsx). "立即同步" sends what is due now; 放弃 asks first.
// Below, "最近已同步": what the server accepted in the last days (outbox-machine.ts
// RECENT_KEPT_*), each with a link to its record and what to pass on — a hotline call taken
// offline gets its tracking code only when the server accepts it, and the officer reads it here.
// Strings: field.outbox (and field.resolve for the resolution panel).
import { useState } from "react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { discardCount, discardItem, useOutbox, type OutboxItem } from "@/lib/field/local/outbox";
import { outboxCounts, recentlySent } from "@/lib/field/local/outbox-machine";
import type { OutboxKind } from "@/lib/field/constants";
import { flushOutbox } from "@/lib/field/local/sync-runner";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Badge, EmptyState } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { OutboxResolve } from "./outbox-resolve";
import { isOffline, probeConnectivity } from "@/lib/field/local/connectivity";

const STATE_TONE = { queued: "amber", sending: "blue", refused: "red", conflict: "red", duplicate: "red", sent: "green" } as const;

/** Where an accepted item's record is (events and photos show on their campaign and visit). */
const RECORD_HREF: Partial<Record<OutboxKind, (id: string) => string>> = {
  "visit.create": (id) => `/visits/${id}`,
  "request.intake": (id) => `/hotline/${id}`,
  "household.create": (id) => `/registers/households/${id}`,
  "enterprise.create": (id) => `/registers/enterprises/${id}`,
  "problem.transition": (id) => `/problems/${id}`,
};

const timeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

export function OutboxList({ userId }: { userId: string }) {
  const t = useTranslations("field.outbox");
  const items = useOutbox(userId);
  const [syncing, setSyncing] = useState(false);
  const [notice, setNotice] = useState<{ tone: "info" | "success" | "warning"; text: string } | null>(null);
  const [discarding, setDiscarding] = useState<{ item: OutboxItem; count: number } | null>(null);
  const [discardPending, setDiscardPending] = useState(false);

  if (items === undefined) return <p className="text-sm text-slate-500">{t("loading")}</p>;
  const { pending, needsAction } = outboxCounts(items);
  const unsent = items.filter((i) => i.state !== "sent");
  const recent = recentlySent(items);

  const syncNow = async () => {
    setNotice(null);
    // Known offline? Ask the server first: the link may be back before the next probe.
    if (isOffline() && !(await probeConnectivity())) {
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
      {unsent.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label={t("listLabel")}>
          {unsent.map((item) => (
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
      {recent.length > 0 ? (
        <section aria-labelledby="outbox-recent" className="space-y-2 pt-2">
          <h3 id="outbox-recent" className="text-sm font-semibold text-slate-700">{t("recentHeading")}</h3>
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label={t("recentHeading")}>
            {recent.map((item) => {
              const href = item.resultId ? RECORD_HREF[item.kind]?.(item.resultId) : undefined;
              return (
                <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 p-3" data-state="sent">
                  <div className="min-w-0 space-y-1">
                    <p className="break-words font-medium text-slate-900">{item.label}</p>
                    <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <Badge tone="green">{t("state.sent")}</Badge>
                      <span className="tabular-nums">{t("sentAt", { time: timeFormat.format(item.sentAt ?? item.updatedAt) })}</span>
                    </p>
                    {item.receipt?.number ? <p className="text-sm tabular-nums text-slate-700">{t("receiptNumber", { number: item.receipt.number })}</p> : null}
                    {item.receipt?.trackingCode ? (
                      <p className="text-base font-semibold tabular-nums text-slate-900">{t("receiptCode", { code: item.receipt.trackingCode })}</p>
                    ) : null}
                  </div>
                  {href ? (
                    <Link href={href} className="shrink-0 py-1 text-sm font-medium text-brand-700 underline" aria-label={t("openRecordLabel", { label: item.label })}>
                      {t("openRecord")}
                    </Link>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="text-xs text-slate-500">{t("recentNote")}</p>
        </section>
      ) : null}
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
