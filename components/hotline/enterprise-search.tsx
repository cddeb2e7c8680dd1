"use client";
// The intake form's enterprise lookup: type a name or credit code; up to 10 matches from the
// user's own area (no phone numbers).
import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { searchEnterprisesAction } from "@/lib/hotline/actions";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export type EnterpriseMatch = { id: string; label: string; detail: string };

type Props = { selected: EnterpriseMatch | null; onSelect: (m: EnterpriseMatch | null) => void; error?: string; inputId: string };

export function EnterpriseSearch({ selected, onSelect, error, inputId }: Props) {
  const t = useTranslations("hotline");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<EnterpriseMatch[] | null>(null);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const listId = useId();
  const errorId = `${inputId}-error`;

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const result = await searchEnterprisesAction({ q });
        if (ticket === latest.current) setMatches(result.ok ? result.data : []);
      } catch {
        if (ticket === latest.current) setMatches([]);
      } finally {
        if (ticket === latest.current) setSearching(false);
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  if (selected) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-600 bg-brand-50 p-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{selected.label}</p>
          {selected.detail ? <p className="text-sm text-slate-600">{selected.detail}</p> : null}
        </div>
        <Button variant="secondary" size="sm" className="h-11" onClick={() => { onSelect(null); setQuery(""); setMatches(null); }}>
          {t("changeEnterprise")}
        </Button>
      </div>
    );
  }
  const q = query.trim();
  return (
    <div className="space-y-2">
      <input
        id={inputId}
        type="search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value.trim()) setMatches(null);
        }}
        placeholder={t("enterpriseSearch")}
        autoComplete="off"
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
        aria-controls={listId}
        className={cn(controlClass, "h-11")}
      />
      <div id={listId} aria-live="polite">
        {searching ? <p className="text-sm text-slate-500">{t("enterpriseSearching")}</p> : null}
        {!searching && q && matches && matches.length === 0 ? <p className="text-sm text-slate-500">{t("enterpriseNoMatch")}</p> : null}
        {q && matches && matches.length > 0 ? (
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-md border border-slate-200">
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" onClick={() => onSelect(m)} className="block min-h-11 w-full px-3 py-2 text-left hover:bg-brand-50 focus:bg-brand-50">
                  <span className="block font-medium text-slate-900">{m.label}</span>
                  {m.detail ? <span className="block text-sm text-slate-600">{m.detail}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {error ? <p id={errorId} className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}
