// The parts of the catalogue that go to the browser (docs/decisions/0020). Client components
// read their texts from the nearest NextIntlClientProvider, whose `messages` are serialised
// into every page that renders it; shipping the whole catalogue cost ~100 kB of HTML per page.
// So the root provider ships none, and each layout or page ships the namespaces of the client
// components it renders (components/i18n/client-messages.tsx). use-intl's provider REPLACES
// the messages of the one above it, so a nested provider merges what it ships into what it
// inherits (mergeMessageTrees, on the client) and only the difference crosses the wire.
// Client-safe: the merge runs in the browser.
import type { Messages } from "./messages";

/**
 * The namespaces of `catalogue` named in `namespaces` ("visits", or "points.config" for one
 * branch), nested as in the catalogue. "ns.*" is the strings directly in "ns" without its
 * branches: "validation.*" is the field messages every form shows, "validation.hotline" the
 * hotline's own, shipped only where a hotline form is. A name the catalogue lacks throws: a
 * typo would otherwise show raw keys only at run time (tests/unit/client-messages.test.ts
 * checks them all).
 */
export function pickMessages(catalogue: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const own = namespace.endsWith(".*");
    const path = (own ? namespace.slice(0, -2) : namespace).split(".");
    let value: unknown = catalogue;
    for (const part of path) value = isTree(value) ? value[part] : undefined;
    if (own && isTree(value)) value = Object.fromEntries(Object.entries(value).filter(([, v]) => !isTree(v)));
    if (value === undefined) throw new Error(`messages: no namespace "${namespace}" to ship to the client`);
    let target = picked;
    path.slice(0, -1).forEach((part) => {
      if (!isTree(target[part])) target[part] = {};
      target = target[part] as Messages;
    });
    const last = path[path.length - 1];
    // "newYear" after "newYear.calendarYear": the wider branch wins.
    target[last] = isTree(target[last]) && isTree(value) ? mergeMessageTrees(target[last] as Messages, value) : value;
  }
  return picked;
}

/** `inherited` with `shipped` laid over it, branch by branch (neither is changed). */
export function mergeMessageTrees(inherited: Messages, shipped: Messages): Messages {
  const merged: Messages = { ...inherited };
  for (const [key, value] of Object.entries(shipped)) {
    const below = merged[key];
    merged[key] = isTree(below) && isTree(value) ? mergeMessageTrees(below, value) : value;
  }
  return merged;
}

function isTree(value: unknown): value is Messages {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
