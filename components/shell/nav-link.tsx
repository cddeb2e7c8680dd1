"use client";
import { useLinkStatus } from "next/link";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/**
 * Navigation feedback while the next page renders on the server. There is no app-wide
 * loading.tsx: a Suspense boundary above the pages would start the response before a page
 * can answer 404/403 (docs/decisions/0012-status-codes-without-loading-boundary.md).
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      className={cn("ml-1.5 inline-block size-1.5 rounded-full bg-current align-middle", pending ? "animate-pulse opacity-100" : "opacity-0")}
    />
  );
}

/** A nav entry: not prefetched in the viewport (components/ui/link.tsx), pending while the page renders. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium",
        active ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {children}
      <PendingMark />
    </Link>
  );
}
