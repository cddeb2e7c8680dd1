"use client";
// Finds a register enterprise by name or credit code (at most 10, no phone numbers), in the
// user's area or the programme owner's. The box is the platform's one register search.
import { useTranslations } from "next-intl";
import { lookupEnterprisesAction } from "@/lib/investment/actions";
import { RegisterSearch, type RegisterMatch } from "@/components/search/register-search";

export function EnterpriseLookup({ programmeId, selected, onSelect, inputId, error }: {
  programmeId: string; selected: RegisterMatch | null; onSelect: (m: RegisterMatch | null) => void; inputId: string; error?: string;
}) {
  const t = useTranslations("investment");
  return (
    <RegisterSearch
      inputId={inputId}
      selected={selected}
      onSelect={onSelect}
      error={error}
      scope={programmeId}
      search={(q) => lookupEnterprisesAction({ programmeId, q })}
      labels={{ placeholder: t("searchEnterprise"), searching: t("searching"), noMatch: t("noMatches"), change: t("change") }}
    />
  );
}
