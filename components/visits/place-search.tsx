"use client";
// Quick search for the household or enterprise visited: type a name, household number or
// credit code; at most 10 matches from the user's own area come back (no phone numbers).
// The box is the platform's one register search; offline it searches the device's work set.
import { useTranslations } from "next-intl";
import { searchPlacesAction } from "@/lib/visits/actions";
import { searchWithLocalFallback } from "@/lib/field/local/place-search";
import { RegisterSearch, type RegisterMatch } from "@/components/search/register-search";

type Props = {
  placeType: "HOUSEHOLD" | "ENTERPRISE";
  selected: RegisterMatch | null;
  onSelect: (place: RegisterMatch | null) => void;
  error?: string;
  inputId: string;
};

export function PlaceSearch({ placeType, selected, onSelect, error, inputId }: Props) {
  const t = useTranslations("visits");
  const tLocal = useTranslations("field.workSet.search");
  return (
    <RegisterSearch
      inputId={inputId}
      selected={selected}
      onSelect={onSelect}
      error={error}
      scope={placeType}
      // Offline (or the call never answered): the device's work set, said as such.
      search={(q) => searchWithLocalFallback(placeType, q, () => searchPlacesAction({ placeType, q }))}
      labels={{
        placeholder: placeType === "HOUSEHOLD" ? t("searchHousehold") : t("searchEnterprise"),
        searching: t("searching"),
        noMatch: t("noMatches"),
        change: t("changePlace"),
        local: tLocal("localResults"),
      }}
    />
  );
}
