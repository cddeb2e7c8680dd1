"use client";
// The talent-points section's tabs; scrolls sideways on a phone. The row bleeds to the screen
// edge by exactly the shell's phone padding (px-3, components/shell/app-shell.tsx): a wider
// bleed made the whole page scroll sideways by the difference.
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type TalentTab = { href: string; key: string };

export function TalentNav({ tabs }: { tabs: TalentTab[] }) {
  const t = useTranslations("talent.nav");
  const pathname = usePathname();
  const others = tabs.filter((x) => x.href !== "/talent");
  const active = (href: string) => (href === "/talent" ? !others.some((x) => pathname.startsWith(x.href)) : pathname.startsWith(href));
  return (
    <nav aria-label={t("label")} className="-mx-3 mb-4 overflow-x-auto border-b border-slate-200 px-3 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={active(tab.href) ? "page" : undefined}
              className={cn(
                "inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium",
                active(tab.href) ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
