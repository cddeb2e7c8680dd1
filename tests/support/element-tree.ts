// Reading a server component's returned element tree without a renderer: pages are async
// functions returning elements, so a test can call one and look for what it would show.
// Only what the page itself returns is walked (nested async components are not run).
import { isValidElement, type ReactElement, type ReactNode } from "react";

/** Every element under `node` (props included, so slots and children both count) that matches. */
export function findElements(node: unknown, match: (e: ReactElement) => boolean, out: ReactElement[] = []): ReactElement[] {
  if (Array.isArray(node)) node.forEach((n) => findElements(n, match, out));
  else if (isValidElement(node)) {
    if (match(node)) out.push(node);
    for (const value of Object.values(node.props as Record<string, unknown>)) findElements(value, match, out);
  }
  return out;
}

/** The text of an element tree, as its children spell it. */
export function elementText(node: ReactNode): string {
  if (node == null || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(elementText).join("");
  if (isValidElement(node)) return elementText((node.props as { children?: ReactNode }).children);
  return "";
}

/** Every string (and number) anywhere in a page's element tree: text, props, props' arrays and objects — what
 *  the page would send, shown or not (a prop of a client component is in the RSC payload). */
export function elementStrings(node: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof node === "string" || typeof node === "number") out.push(String(node));
  else if (node && typeof node === "object" && !seen.has(node)) {
    seen.add(node);
    const values = isValidElement(node) ? [node.props] : Array.isArray(node) ? node : Object.values(node);
    for (const v of values) elementStrings(v, out, seen);
  }
  return out;
}
