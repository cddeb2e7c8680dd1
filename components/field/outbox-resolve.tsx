"use client";
// What the officer decides for an outbox item the server did not simply accept (issue 16, part
// 5 — "conflicts and duplicates, not last-write-wins"). The outbox list renders it for items in
// state "duplicate" or "conflict":
// - duplicate (household.create / enterprise.create): the register's possible matches, masked
//   as on screen; "是同一户，合并" drops the item and points what was recorded offline against
//   the local record at the chosen one; "不是，新建一户" sends it again with confirmedNew. A key
//   held outside the officer's area is only named, never shown — the officer changes the key.
// - conflict (problem.transition at a stale version): the server's current record, fetched now,
//   field by field beside the officer's values, a choice per field, then "按我的选择提交" (at the
//   server's version). Nothing is sent without a choice for every differing field; when the
//   server already holds exactly what the officer wanted, the item is marked sent without asking.
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { DuplicateCandidate } from "@/lib/field/schemas";
import {
  alreadyApplied, mergeProblemTransition, problemConflictRows,
  type ConflictChoice, type ConflictField, type ProblemServerState, type QueuedTransition,
} from "@/lib/field/problem-conflict";
import { dropLocalPlace } from "@/lib/field/local/local-places";
import { discardItem, duplicatesOf, markAccepted, resolveConflict, resolveDuplicate, type OutboxItem } from "@/lib/field/local/outbox";
import { kickOutbox } from "@/lib/field/local/sync-runner";
import { Button, LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";

export function OutboxResolve({ item }: { item: OutboxItem }) {
  if (item.state === "duplicate") return <DuplicateChoice item={item} />;
  if (item.state === "conflict" && item.kind === "problem.transition") return <ProblemConflict item={item} />;
  return null;
}

function DuplicateChoice({ item }: { item: OutboxItem }) {
  const t = useTranslations("field.resolve");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = duplicatesOf(item);
  const enterprise = item.kind === "enterprise.create";
  const blocked = candidates.find((c) => c.outOfScope);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch {
      setError(t("storageFailed"));
    } finally {
      setBusy(false);
    }
  };

  if (blocked) {
    return (
      <div className="space-y-2">
        <Alert tone="warning">{t(`outOfScope.${blocked.matchedOn[0] === "creditCode" ? "creditCode" : "householdKey"}`)}</Alert>
        {item.fixHref ? <LinkButton href={item.fixHref} variant="secondary" size="sm">{t("fix")}</LinkButton> : null}
      </div>
    );
  }

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-900">{t("duplicateHeading")}</p>
      <ul className="space-y-2">
        {candidates.map((c) => (
          <li key={c.id} className="rounded-md border border-slate-200 p-2 text-sm">
            <CandidateLine candidate={c} />
            <Button
              size="sm" variant="secondary" className="mt-2" disabled={busy}
              onClick={() => run(async () => {
                await resolveDuplicate(item.id, { mergeInto: c.id });
                await dropLocalPlace(item.id);
              })}
            >
              {t(enterprise ? "mergeEnterprise" : "mergeHousehold")}
            </Button>
          </li>
        ))}
      </ul>
      <Button
        size="sm" disabled={busy}
        onClick={() => run(async () => {
          await resolveDuplicate(item.id, { confirmedNew: true });
          // Queued again: send now rather than at the next timer.
          void kickOutbox(item.userId);
        })}
      >
        {t(enterprise ? "newEnterprise" : "newHousehold")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

function CandidateLine({ candidate: c }: { candidate: DuplicateCandidate }) {
  const t = useTranslations("field.resolve");
  return (
    <div className="space-y-0.5">
      <p className="font-medium text-slate-900">
        {c.name}
        {c.phoneMasked ? <span className="ml-2 tabular-nums text-slate-600">{c.phoneMasked}</span> : null}
      </p>
      <p className="text-slate-600">{[c.orgUnitName, c.address].filter(Boolean).join(" · ")}</p>
      <p className="text-xs text-amber-800">{c.matchedOn.map((m) => t(`matchedOn.${c.type === "ENTERPRISE" && m === "nameAddress" ? "enterpriseNameAddress" : m}` as never)).join("、")}</p>
    </div>
  );
}

type Fetched =
  | { state: "loading" }
  | { state: "failed" }
  | { state: "gone" }
  | { state: "ok"; server: ProblemServerState };

function ProblemConflict({ item }: { item: OutboxItem }) {
  const t = useTranslations("field.resolve");
  const tStatus = useTranslations("problems.status");
  const ids = useId();
  const mine = item.input as QueuedTransition;
  const [fetched, setFetched] = useState<Fetched>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  const [choices, setChoices] = useState<Partial<Record<ConflictField, ConflictChoice>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const res = await fetch(`/api/field/problems/${encodeURIComponent(mine.id)}`, { cache: "no-store" });
        if (!live) return;
        if (res.status === 404 || res.status === 403) return setFetched({ state: "gone" });
        if (!res.ok) return setFetched({ state: "failed" });
        const server = (await res.json()) as ProblemServerState;
        if (!live) return;
        // The first send committed and only its answer was lost: nothing to ask.
        if (alreadyApplied(mine, server)) {
          await markAccepted(item.id, server.id);
          // Items that waited on it may go now.
          void kickOutbox(item.userId);
        }
        else setFetched({ state: "ok", server });
      } catch {
        if (live) setFetched({ state: "failed" });
      }
    })();
    return () => {
      live = false;
    };
    // Fetched once per item and per "try again"; the input of a conflict item does not change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item.id, attempt]);

  const retry = () => {
    setFetched({ state: "loading" });
    setAttempt((n) => n + 1);
  };
  const discard = async () => {
    setBusy(true);
    try {
      await discardItem(item.id);
    } catch {
      setError(t("storageFailed"));
      setBusy(false);
    }
  };

  if (fetched.state === "loading") return <p className="text-sm text-slate-600">{t("loadingServer")}</p>;
  if (fetched.state === "failed") {
    return (
      <div className="space-y-2">
        <Alert tone="warning">{t("serverUnavailable")}</Alert>
        <Button size="sm" variant="secondary" onClick={retry}>{t("retry")}</Button>
      </div>
    );
  }
  if (fetched.state === "gone") {
    return (
      <div className="space-y-2">
        <Alert tone="warning">{t("problemGone")}</Alert>
        <Button size="sm" variant="danger" disabled={busy} onClick={discard}>{t("discard")}</Button>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    );
  }

  const server = fetched.server;
  const rows = problemConflictRows(mine, server);
  const show = (field: ConflictField, value: string) => (field === "status" && value ? tStatus(value as never) : value || t("empty"));
  const statusKept = choices.status === "server" || server.status === mine.to;
  // Every differing field needs a choice; once the server's status is kept, the rest cannot be sent anyway.
  const complete = statusKept || rows.every((r) => choices[r.field]);
  const submit = async () => {
    const outcome = mergeProblemTransition(mine, server, choices);
    setBusy(true);
    setError(null);
    try {
      if (outcome.kind === "drop") await discardItem(item.id);
      else {
        await resolveConflict(item.id, outcome.input);
        // Queued again: send now rather than at the next timer.
        void kickOutbox(item.userId);
      }
    } catch {
      setError(t("storageFailed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-slate-900">{t("conflictHeading")}</p>
      {server.status === mine.to ? <Alert tone="info">{t("sameStatus", { status: show("status", server.status) })}</Alert> : null}
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1 pr-2 font-normal">{t("field")}</th>
            <th className="py-1 pr-2 font-normal">{t("mine")}</th>
            <th className="py-1 font-normal">{t("server")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const disabled = r.field !== "status" && statusKept;
            return (
              <tr key={r.field} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-2 pr-2 text-left font-medium text-slate-700">{t(`fields.${r.field}`)}</th>
                {(["mine", "server"] as const).map((side) => (
                  <td key={side} className="py-2 pr-2">
                    <label className="flex min-h-11 items-start gap-2">
                      <input
                        type="radio" name={`${ids}-${r.field}`} value={side} disabled={disabled}
                        checked={choices[r.field] === side} onChange={() => setChoices((c) => ({ ...c, [r.field]: side }))}
                        className="mt-0.5 size-5 shrink-0 accent-brand-700"
                      />
                      <span className="whitespace-pre-wrap break-words">{show(r.field, side === "mine" ? r.mine : r.server)}</span>
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button size="sm" disabled={busy || !complete} onClick={submit}>{statusKept ? t("keepServer") : t("submitChoices")}</Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
