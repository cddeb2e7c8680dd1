import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";

/**
 * Says which of the URL's filters a list ignored because their values were invalid
 * (lib/platform/url-filters.ts); nothing when none was. `labels` are the filter form's own
 * field labels, so the notice names the field the user sees.
 */
export async function IgnoredFilters({ ignored, labels }: { ignored: readonly string[]; labels: Record<string, string> }) {
  if (ignored.length === 0) return null;
  const t = await getTranslations("listFilters");
  // The keyset cursors ("after", "before") and the year links of a yearly list have no field of their own.
  const fields = ignored.map((name) => labels[name] ?? (name === "after" || name === "before" ? t("page") : name === "year" ? t("year") : name)).join(t("separator"));
  return (
    <Alert tone="warning" className="mb-3">
      {t("ignored", { fields })}
    </Alert>
  );
}
