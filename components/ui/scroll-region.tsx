import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A box that scrolls sideways on its own (a wide table on a phone) so the page never does.
 * It is a named, focusable region: a keyboard user can only scroll what can take focus, and
 * a table without links in it has nothing else to focus (axe: scrollable-region-focusable).
 */
export function ScrollRegion({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("overflow-x-auto", className)}>
      {children}
    </div>
  );
}
