import type { ReactNode } from "react";
import { Card } from "./card";
import { cn } from "./cn";
import { ScrollRegion } from "./scroll-region";

export type Column = { key: string; label: ReactNode; className?: string; srOnly?: boolean };

/**
 * The desktop table of a list page, in a card that scrolls sideways on its own (the page
 * never does). On phones, list pages show a card list instead and hide this (md:block).
 */
export function TableCard({ caption, columns, children, className }: { caption: string; columns: Column[]; children: ReactNode; className?: string }) {
  return (
    <Card className={cn("hidden md:block", className)}>
      <ScrollRegion label={caption} className="-m-4">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={cn("px-3 py-2 font-medium", c.className)}>
                  {c.srOnly ? <span className="sr-only">{c.label}</span> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          {children}
        </table>
      </ScrollRegion>
    </Card>
  );
}
