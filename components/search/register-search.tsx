"use client";
// The one search-as-you-type box over the household and enterprise registers (the visit
// form, the hotline's intake and link, investment's and key projects' enterprise lookups).
// Each module binds its own read action and words; this keeps the behaviour the same
// everywhere: a 250 ms pause before asking, only the latest answer shown, "searching…",
// "nothing found", a failure said as a failure (not as "nothing found"), and a combobox
// the keyboard can drive (↓/↑ move through the matches, Enter picks, Esc closes). Matches
// stay buttons so a tap or a click picks them as before.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/platform/action";
import type { RegisterMatch } from "@/lib/platform/search/registers";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export type { RegisterMatch };

export const SEARCH_DEBOUNCE_MS = 250;

export type RegisterSearchLabels = {
  placeholder: string;
  searching: string;
  noMatch: string;
  /** The button that drops the pick and searches again. */
  change: string;
  /** Said beside matches found on the device rather than the server (offline, issue 16). */
  local?: string;
};

type Props = {
  inputId: string;
  selected: RegisterMatch | null;
  onSelect: (match: RegisterMatch | null) => void;
  /** The module's read action bound to its purpose (it carries that purpose's permission). */
  search: (q: string) => Promise<ActionResult<RegisterMatch[]> & { local?: boolean }>;
  /** What else the answer depends on (place type, programme): a change asks again for the same text. */
  scope?: string;
  labels: RegisterSearchLabels;
  error?: string;
};

/** `failure: null` is a request that never got an answer (the network). */
type Answer = { matches: RegisterMatch[]; local?: boolean } | { failure: string | null };

export function RegisterSearch({ inputId, selected, onSelect, search, scope, labels, error }: Props) {
  const tErrors = useTranslations("errors");
  const [query, setQuery] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);
  // The callers pass a fresh arrow each render; the effect must not re-ask for that alone.
  const searchRef = useRef(search);
  useEffect(() => { searchRef.current = search; }, [search]);
  const listId = useId();
  const errorId = `${inputId}-error`;
  const optionId = (i: number) => `${listId}-${i}`;

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const result = await searchRef.current(q);
        if (ticket === latest.current) setAnswer(result.ok ? { matches: result.data, local: result.local } : { failure: result.error });
      } catch {
        if (ticket === latest.current) setAnswer({ failure: null });
      } finally {
        if (ticket === latest.current) {
          setSearching(false);
          setActive(-1);
        }
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, scope]);

  const reset = () => {
    latest.current++;
    setQuery("");
    setAnswer(null);
    setSearching(false);
    setActive(-1);
  };

  if (selected) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-brand-600 bg-brand-50 p-3">
        <div className="min-w-0">
          <p className="font-medium text-slate-900">{selected.label}</p>
          {selected.detail ? <p className="text-sm text-slate-600">{selected.detail}</p> : null}
        </div>
        <Button variant="secondary" size="sm" className="h-11" onClick={() => { onSelect(null); reset(); }}>
          {labels.change}
        </Button>
      </div>
    );
  }

  const q = query.trim();
  const matches = q && answer && "matches" in answer ? answer.matches : [];
  const failure = q && answer && "failure" in answer ? (answer.failure ?? tErrors("searchNetwork")) : null;
  const open = matches.length > 0;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && open) {
      e.preventDefault();
      setActive((i) => (i + 1) % matches.length);
    } else if (e.key === "ArrowUp" && open) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? matches.length - 1 : i - 1));
    } else if (e.key === "Enter" && q) {
      // Enter in a search box never submits the surrounding form; on a match it picks it.
      e.preventDefault();
      if (open && active >= 0) onSelect(matches[active]!);
    } else if (e.key === "Escape" && (open || q)) {
      e.preventDefault();
      if (open) {
        setAnswer(null);
        setActive(-1);
      } else reset();
    }
  };

  return (
    <div className="space-y-2">
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          if (!e.target.value.trim()) {
            latest.current++;
            setAnswer(null);
            setSearching(false);
          }
        }}
        onKeyDown={onKeyDown}
        placeholder={labels.placeholder}
        autoComplete="off"
        aria-invalid={!!error}
        aria-describedby={error ? errorId : undefined}
        className={cn(controlClass, "h-11")}
      />
      <div id={listId} aria-live="polite">
        {searching ? <p className="text-sm text-slate-500">{labels.searching}</p> : null}
        {!searching && failure ? <p role="alert" className="text-sm text-red-700">{failure}</p> : null}
        {!searching && q && answer && "matches" in answer && matches.length === 0 ? (
          <p className="text-sm text-slate-500">{labels.noMatch}{answer.local && labels.local ? labels.local : null}</p>
        ) : null}
        {!searching && open && answer && "matches" in answer && answer.local && labels.local ? <p className="text-sm text-slate-500">{labels.local}</p> : null}
        {open ? (
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-md border border-slate-200">
            {matches.map((m, i) => (
              <li key={m.id}>
                <button
                  type="button"
                  id={optionId(i)}
                  onClick={() => onSelect(m)}
                  onMouseEnter={() => setActive(i)}
                  className={cn("block min-h-11 w-full px-3 py-2 text-left hover:bg-brand-50 focus:bg-brand-50", i === active && "bg-brand-50 ring-2 ring-inset ring-brand-600")}
                >
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
