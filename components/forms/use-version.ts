"use client";
// The version a form sends for optimistic concurrency (the server refuses a write whose
// version is not the row's: "changed by someone else"). The page renders a record's version,
// but after the user's own successful step the re-rendered page can arrive well after the
// action's answer (a slow phone connection streams it in behind the result). A person acting
// quickly would then send the old version and be told someone else changed the record.
// So every successful action returns the row's new version and the component records it
// here at once; every component on the page showing the same record (keyed by its id, ids
// are unique across tables) sends the newer of that and what the page rendered. A real
// change by someone else still arrives only through the page, so it is still refused.
import { useCallback, useSyncExternalStore } from "react";

const latest = new Map<string, number>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function versionOf(returned: unknown): number | undefined {
  const version = typeof returned === "number" ? returned : (returned as { version?: unknown } | null | undefined)?.version;
  return typeof version === "number" && Number.isInteger(version) ? version : undefined;
}

/** Records the version an action returned (its result data, or the number) for `recordId`; ignored unless newer than the one held. */
export function rememberVersion(recordId: string, returned: unknown) {
  const version = versionOf(returned);
  if (version === undefined || version <= (latest.get(recordId) ?? Number.NEGATIVE_INFINITY)) return;
  latest.set(recordId, version);
  for (const listener of listeners) listener();
}

/**
 * For a form bound with useActionForm, in its onSuccess: records the returned version for
 * the record and gives it to the form's own `version` field (`apply`), so a second save from
 * the same, still mounted form does not send the version it was opened with.
 */
export function keepVersion(recordId: string, returned: unknown, apply: (version: number) => void) {
  const version = versionOf(returned);
  if (version === undefined) return;
  rememberVersion(recordId, version);
  apply(version);
}

/**
 * `[version, remember]`: the version to send for the record `recordId` — the newer of the
 * rendered one and the last one an action returned — and a function taking an action's
 * result data (or a version) to record its `version`.
 */
export function useLatestVersion(recordId: string, renderedVersion: number): [number, (returned: unknown) => void] {
  const returned = useSyncExternalStore(subscribe, () => latest.get(recordId), () => undefined);
  const remember = useCallback((data: unknown) => rememberVersion(recordId, data), [recordId]);
  return [returned === undefined ? renderedVersion : Math.max(renderedVersion, returned), remember];
}

/** Field names under which a version travels in an action's input. */
const VERSION_FIELDS = ["version", "planVersion"] as const;
/** Field names under which the record's id travels beside it. */
const ID_FIELDS = ["id", "planId", "pairingId", "memberId", "programmeId", "projectId", "caseId"] as const;

/**
 * For generic components that pass a record's `{ id, version }` (or `planId`/`planVersion` …)
 * through to an action: the same input with the newest known version, and `remember` for the
 * result. Inputs without a version pass through unchanged.
 */
export function useVersionedInput<T extends Record<string, unknown>>(input: T): [T, (returned: unknown) => void] {
  const versionField = VERSION_FIELDS.find((f) => typeof input[f] === "number" || (typeof input[f] === "string" && /^\d+$/.test(input[f] as string)));
  const idField = ID_FIELDS.find((f) => typeof input[f] === "string" && input[f]);
  const recordId = versionField && idField ? (input[idField] as string) : "";
  const [version, remember] = useLatestVersion(recordId, versionField ? Number(input[versionField]) : 0);
  if (!versionField || !idField) return [input, () => {}];
  return [{ ...input, [versionField]: version }, remember];
}
