// The table behind a chart: scrolls sideways inside its card on a phone with the unit column
// kept in view; unit names drill down when the unit has sub-units.
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import type { Cell } from "@/lib/dashboards/view";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type DataRow = { key: string; href?: string | null; cells: Cell[]; emphasis?: boolean };

export function DataTable({ caption, headers, rows, format }: { caption: string; headers: string[]; rows: DataRow[]; format: (c: Cell, col: number) => ReactNode }) {
  return (
    <ScrollRegion label={caption} className="-mx-4">
      <table className="w-full min-w-max text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          <tr>
            {headers.map((h, i) => (
              <th key={h} scope="col" className={i === 0 ? "sticky left-0 bg-slate-50 px-3 py-2 font-medium" : "px-3 py-2 text-right font-medium"}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key} className={r.emphasis ? "bg-slate-50 font-semibold" : undefined}>
              <th scope="row" className={`sticky left-0 px-3 py-2 text-left font-normal ${r.emphasis ? "bg-slate-50 font-semibold" : "bg-white"}`}>
                {r.href ? (
                  <Link href={r.href} className="inline-flex min-h-10 items-center text-brand-700 underline-offset-2 hover:underline">
                    {r.cells[0]} <span aria-hidden="true" className="ml-1">›</span>
                  </Link>
                ) : (
                  <span className="inline-flex min-h-10 items-center">{r.cells[0]}</span>
                )}
              </th>
              {r.cells.slice(1).map((c, i) => (
                <td key={i} className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-900">{format(c, i + 1)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
