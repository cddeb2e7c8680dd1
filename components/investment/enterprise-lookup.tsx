"use client";
// Finds a register enterprise by name or credit code (at most 10, no phone numbers).
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { lookupEnterprisesAction } from "@/lib/investment/actions";
import type { EnterpriseMatch } from "@/lib/investment/queries";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export function EnterpriseLookup({ programmeId, selected, onSelect, inputId, error }: {
  programmeId: string; selected: EnterpriseMatch | null; onSelect: (m: EnterpriseMatch | null) => void; inputId: string; error?: string;
}) {
  const t = useTranslations("investment");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<EnterpriseMatch[] | null>(null);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const r = await lookupEnterprisesAction({ programmeId, q });
        if (ticket === latest.current) setMatches(r.ok ? r.data : []);
      } catch {
        if (ticket === latest.current) setMatches([]);
      } finally {
        if (ticket === latest.current) setSearching(false);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [query, programmeId]);

  if (selected) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-600 bg-brand-50 p-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{selected.label}</p>
          <p className="text-sm text-slate-600">{selected.detail}</p>
        </div>
        <Button variant="secondary" size="sm" className="h-11" onClick={() => { onSelect(null); setQuery(""); setMatches(null); }}>{t("change")}</Button>
      </div>
    );
  }
  const q = query.trim();
  return (
    <div className="space-y-2">
      <input id={inputId} type="search" value={query} autoComplete="off" placeholder={t("searchEnterprise")}
        onChange={(e) => { setQuery(e.target.value); if (!e.target.value.trim()) setMatches(null); }}
        aria-invalid={!!error} aria-describedby={error ? `${inputId}-error` : undefined} className={cn(controlClass, "h-11")} />
      <div aria-live="polite">
        {searching ? <p className="text-sm text-slate-500">{t("searching")}</p> : null}
        {!searching && q && matches?.length === 0 ? <p className="text-sm text-slate-500">{t("noMatches")}</p> : null}
        {q && matches && matches.length > 0 ? (
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-md border border-slate-200">
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => onSelect(m)} className="block min-h-11 w-full px-3 py-2 text-left hover:bg-brand-50 focus:bg-brand-50">
                  <span className="block font-medium text-slate-900">{m.label}</span>
                  <span className="block text-sm text-slate-600">{m.detail}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {error ? <p id={`${inputId}-error`} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
