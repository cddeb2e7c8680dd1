import { getTranslations } from "next-intl/server";
import { LinkButton } from "./button";

/**
 * "First page / next page" for keyset-paged lists (no page numbers: counting a large table
 * on every view is what keyset paging avoids). Renders nothing on a single page.
 */
export async function KeysetPager({ firstHref, nextHref, label }: { firstHref?: string; nextHref?: string; label: string }) {
  if (!firstHref && !nextHref) return null;
  const t = await getTranslations("common");
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {firstHref ? <LinkButton href={firstHref} variant="secondary">{t("first")}</LinkButton> : null}
      {nextHref ? <LinkButton href={nextHref} variant="secondary">{t("next")}</LinkButton> : null}
    </nav>
  );
}
