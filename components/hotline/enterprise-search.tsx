"use client";
// The intake form's enterprise lookup: type a name or credit code; up to 10 matches from the
// user's own area (no phone numbers). The box is the platform's one register search; offline
// it searches the device's work set.
import { useTranslations } from "next-intl";
import { searchEnterprisesAction } from "@/lib/hotline/actions";
import { searchWithLocalFallback } from "@/lib/field/local/place-search";
import { RegisterSearch, type RegisterMatch } from "@/components/search/register-search";

export type EnterpriseMatch = RegisterMatch;

type Props = { selected: EnterpriseMatch | null; onSelect: (m: EnterpriseMatch | null) => void; error?: string; inputId: string };

export function EnterpriseSearch({ selected, onSelect, error, inputId }: Props) {
  const t = useTranslations("hotline");
  const tLocal = useTranslations("field.workSet.search");
  return (
    <RegisterSearch
      inputId={inputId}
      selected={selected}
      onSelect={onSelect}
      error={error}
      // Offline (or the call never answered): the device's work set, said as such.
      search={(q) => searchWithLocalFallback("ENTERPRISE", q, () => searchEnterprisesAction({ q }))}
      labels={{ placeholder: t("enterpriseSearch"), searching: t("enterpriseSearching"), noMatch: t("enterpriseNoMatch"), change: t("changeEnterprise"), local: tLocal("localResults") }}
    />
  );
}
