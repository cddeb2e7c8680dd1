// Pieces shared by the two register list pages (server components).
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export async function ActiveBadge({ active }: { active: boolean }) {
  const t = await getTranslations("registers");
  return active ? <Badge tone="green">{t("statusActive")}</Badge> : <Badge tone="slate">{t("statusInactive")}</Badge>;
}

export function FilterField({ id, label, className, children }: { id: string; label: string; className?: string; children: React.ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      {children}
    </div>
  );
}

export const filterControl = cn(controlClass, "h-11");

export async function Pager({ base, params, after, nextCursor, count }: { base: string; params: URLSearchParams; after?: string; nextCursor?: string; count: number }) {
  const t = await getTranslations("registers");
  const tCommon = await getTranslations("common");
  const href = (cursor?: string) => {
    const p = new URLSearchParams(params);
    if (cursor) p.set("after", cursor);
    const s = p.toString();
    return s ? `${base}?${s}` : base;
  };
  return (
    <nav aria-label={t("pages")} className="mt-4 flex flex-wrap items-center gap-2">
      <span className="mr-2 text-sm text-slate-600">{t("pageCount", { count })}</span>
      {after ? <LinkButton href={href()} variant="secondary">{tCommon("first")}</LinkButton> : null}
      {nextCursor ? <LinkButton href={href(nextCursor)} variant="secondary">{tCommon("next")}</LinkButton> : null}
    </nav>
  );
}

export function RowLink({ href, children }: { href: string; children: React.ReactNode }) {
  return <Link href={href} className="text-brand-700 hover:underline">{children}</Link>;
}
