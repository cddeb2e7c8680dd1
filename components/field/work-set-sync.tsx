"use client";
// The work set's background refresh (issue 16), mounted on every page for users who record
// visits: on page load when the device's copy is older than 15 minutes (or missing, or another
// user's), when the network comes back, and every 15 minutes while the page stays open (lib/field/local/place-match.ts: WORK_SET_REFRESH_MS). It
// never blocks the page and shows nothing; the status lives on /field (work-set-status.tsx).
import { useEffect } from "react";
import { refreshWorkSet, refreshWorkSetIfStale } from "@/lib/field/local/work-set";
import { afterPageSettles } from "./after-load";

const CHECK_MS = 60_000;
const FIRST_CHECK_DELAY_MS = 3_000;

export function WorkSetSync({ userId }: { userId: string }) {
  useEffect(() => {
    // Let the page finish loading first: the download competes with it on a weak link, and
    // writing thousands of places into IndexedDB takes the main thread for a while.
    const cancelFirst = afterPageSettles(() => void refreshWorkSetIfStale(userId), FIRST_CHECK_DELAY_MS);
    const onOnline = () => void refreshWorkSet();
    window.addEventListener("online", onOnline);
    // A cheap look (one IndexedDB read) each minute: the copy is refreshed within a minute of
    // turning 15 minutes old, whichever tab did the last refresh.
    const timer = setInterval(() => void refreshWorkSetIfStale(userId), CHECK_MS);
    return () => {
      cancelFirst();
      clearInterval(timer);
      window.removeEventListener("online", onOnline);
    };
  }, [userId]);
  return null;
}
