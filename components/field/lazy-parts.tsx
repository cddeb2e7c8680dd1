"use client";
// The field shell's IndexedDB parts, loaded after the page is interactive (issue 16's budget:
// ≤ 150 kB gzip of first-load JS on the officer pages). The outbox badge and the work-set
// refresh bring Dexie and the sync schemas (zod) — ≈ 100 kB gzip measured on every signed-in
// page when imported directly (bench row pwa, bench/README.md). Neither has anything to render
// on the server: both read the device's database.
import dynamic from "next/dynamic";

export const LazyWorkSetSync = dynamic(() => import("./work-set-sync").then((m) => m.WorkSetSync), { ssr: false });
export const LazyOutboxBadge = dynamic(() => import("./outbox-badge").then((m) => m.OutboxBadge), { ssr: false });
