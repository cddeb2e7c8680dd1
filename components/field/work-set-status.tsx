"use client";
// The work set's status on /field (issue 16): when the device's copy was last refreshed and
// what it holds, an "立即更新" button, the note when the area was too large to keep whole, and
// why the last refresh did not happen (offline: the device's copy is used).
import { useEffect, useRef, useState } from "react";
import { liveQuery } from "dexie";
import { useTranslations } from "next-intl";
import { nowMs } from "@/lib/platform/clock";
import { WORK_SET_PLACES_CAP } from "@/lib/field/schemas";
import { readWorkSetMeta, refreshWorkSet, type RefreshResult, type WorkSetMeta } from "@/lib/field/local/work-set";
import { Button } from "@/components/ui/button";
import { isOffline } from "@/lib/field/local/connectivity";

const SHANGHAI = "Asia/Shanghai";

/** "14:05" today, "12-01 14:05" on another day (the device's view of Shanghai time). */
function refreshedLabel(at: number, now: number): string {
  const day = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: SHANGHAI, year: "numeric", month: "2-digit", day: "2-digit" }).format(ms);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: SHANGHAI, hour: "2-digit", minute: "2-digit", hour12: false }).format(at);
  return day(at) === day(now) ? time : `${day(at).slice(5)} ${time}`;
}

/** `userId` is the page's user (the copy's owner is checked by every refresh, not here). */
export function WorkSetStatus(_props: { userId?: string }) {
  const t = useTranslations("field.workSet");
  // undefined: still reading; null: nothing on the device yet.
  const [meta, setMeta] = useState<WorkSetMeta | null | undefined>(undefined);
  // When the meta row was read: "today" for the label, without reading the clock while rendering.
  const [readAt, setReadAt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Exclude<RefreshResult, { ok: true }>["reason"] | null>(null);

  useEffect(() => {
    const sub = liveQuery(() => readWorkSetMeta()).subscribe({
      next: (value) => {
        setReadAt(nowMs());
        setMeta(value);
      },
      error: () => setMeta(null),
    });
    return () => sub.unsubscribe();
  }, []);

  const refresh = async () => {
    setBusy(true);
    const result = await refreshWorkSet();
    setProblem(result.ok ? null : result.reason);
    setBusy(false);
  };

  // Nothing on the device when the page opened: the officer came here to see it, so download
  // now rather than when the shell's background refresh gets to it (after the page settles).
  // Only the first read: a copy that disappears later (sign-out's wipe) is not fetched again.
  const firstRead = useRef(false);
  useEffect(() => {
    if (meta === undefined || firstRead.current) return;
    firstRead.current = true;
    // The refresh's "busy" state is the point of it here: the officer sees it downloading.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (meta === null && !isOffline()) void refresh();
  }, [meta]);

  return (
    <section aria-labelledby="work-set-status" className="space-y-2 rounded-md border border-slate-200 bg-white p-4">
      <p id="work-set-status" className="text-sm text-slate-800" data-testid="work-set-status">
        {meta === undefined
          ? t("loading")
          : meta === null
            ? t("never")
            : t("updatedAt", {
                time: refreshedLabel(meta.refreshedAt, readAt),
                households: meta.counts.households,
                enterprises: meta.counts.enterprises,
                problems: meta.counts.problems,
              })}
      </p>
      {meta?.capped ? <p className="text-sm text-amber-800">{t("capped", { cap: WORK_SET_PLACES_CAP })}</p> : null}
      {problem ? (
        <p role="status" className={problem === "offline" ? "text-sm text-slate-600" : "text-sm text-red-700"}>
          {t(problem)}
        </p>
      ) : null}
      <Button variant="secondary" size="sm" className="h-11" disabled={busy} onClick={() => void refresh()}>
        {busy ? t("refreshing") : t("refreshNow")}
      </Button>
    </section>
  );
}
