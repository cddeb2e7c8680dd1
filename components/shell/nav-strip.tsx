"use client";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

/**
 * The phone's menu strip: a row that scrolls sideways. After a page loads (a full load starts
 * the row at its left end) and after each navigation, the current page's item is brought
 * into view, centred where the row allows, so the officer sees where he is. Only the row
 * scrolls (scrollLeft), never the page. Without JavaScript it is the same row, unscrolled.
 */
export function NavStrip({ children }: { children: React.ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    const row = list.current;
    const current = row?.querySelector<HTMLElement>('[aria-current="page"]')?.closest("li");
    if (!row || !current) return;
    row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  return (
    <ul ref={list} className="relative flex gap-1 overflow-x-auto px-2 py-1.5" data-testid="nav-strip">
      {children}
    </ul>
  );
}
