import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui/cn";

const ITEMS = [
  { key: "overview", href: "/investment" },
  { key: "taskForces", href: "/investment/task-forces" },
  { key: "trips", href: "/investment/trips" },
  { key: "leads", href: "/investment/leads" },
  { key: "prospects", href: "/investment/prospects" },
] as const;

/** The module's tabs; scrolls sideways on a phone instead of wrapping. */
export async function InvestmentNav({ current, programmeId }: { current: (typeof ITEMS)[number]["key"]; programmeId?: string }) {
  const t = await getTranslations("investment.nav");
  const q = programmeId ? `?programme=${programmeId}` : "";
  return (
    <nav aria-label={t("overview")} className="mb-4 overflow-x-auto">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {ITEMS.map((i) => (
          <li key={i.key}>
            <Link
              href={`${i.href}${q}`}
              aria-current={current === i.key ? "page" : undefined}
              className={cn(
                "inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium",
                current === i.key ? "border-brand-700 text-brand-800" : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t(i.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Switches between programmes when the user sees more than one. */
export function ProgrammeSwitch({ all, current, base, label }: { all: { id: string; name: string }[]; current: string; base: string; label: string }) {
  if (all.length < 2) return null;
  return (
    <nav aria-label={label} className="mb-3 flex flex-wrap gap-2 text-sm">
      {all.map((p) => (
        <Link key={p.id} href={`${base}?programme=${p.id}`} aria-current={p.id === current ? "page" : undefined}
          className={cn("rounded-full border px-3 py-1.5", p.id === current ? "border-brand-700 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700")}>
          {p.name}
        </Link>
      ))}
    </nav>
  );
}
