"use client";
// A judge's score sheet for one entry: 现场叙事 and 书面叙事 criteria with their maximum, the
// weighted total shown as the judge types. The server refuses the judge's own entry, a
// declared conflict, and any write once the session has closed.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { saveScoreSheetAction } from "@/lib/showcases/actions";
import { judgeTotal } from "@/lib/showcases/scoring";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Criterion = { id: string; dimension: "LIVE" | "WRITTEN"; name: string; weight: number; maxScore: number };

export function ScoreSheet({ entryId, criteria, initial, nextHref }: { entryId: string; criteria: Criterion[]; initial: Record<string, number>; nextHref: string | null }) {
  const t = useTranslations("showcase");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(criteria.map((c) => [c.id, initial[c.id] === undefined ? "" : String(initial[c.id])])));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const numbers = new Map(Object.entries(values).filter(([, v]) => v.trim() !== "" && !Number.isNaN(Number(v))).map(([k, v]) => [k, Number(v)]));
  const total = judgeTotal(criteria, numbers);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    const result = await saveScoreSheetAction({ entryId, scores: criteria.map((c) => ({ criterionId: c.id, score: values[c.id] ?? "" })) }).catch(() => null);
    setPending(false);
    if (!result) return setMessage({ tone: "error", text: t("network") });
    if (!result.ok) {
      setFieldErrors(result.fieldErrors ?? {});
      return setMessage({ tone: "error", text: result.error });
    }
    setMessage({ tone: "success", text: t("scoreSaved") });
    router.refresh();
  };

  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4" aria-label={t("scoreSheet")}>
      {(["LIVE", "WRITTEN"] as const).map((dim) => (
        <fieldset key={dim} className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-brand-800">{t(`dimension.${dim}`)}</legend>
          {criteria.filter((c) => c.dimension === dim).map((c) => {
            const i = criteria.indexOf(c);
            return (
              <Field key={c.id} id={`score-${c.id}`} label={t("criterionLabel", { name: c.name, max: c.maxScore, weight: c.weight })} error={fieldErrors[`scores.${i}.score`]?.[0]} required>
                {(p) => <Input {...p} type="number" inputMode="decimal" min={0} max={c.maxScore} step="0.5" value={values[c.id] ?? ""} onChange={(e) => setValues((v) => ({ ...v, [c.id]: e.target.value }))} />}
              </Field>
            );
          })}
        </fieldset>
      ))}
      <p className="text-base text-slate-800" aria-live="polite">{total === null ? t("totalPending") : t("totalNow", { total: total.toFixed(2) })}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? tCommon("saving") : t("saveScores")}</Button>
        {nextHref && message?.tone === "success" ? <Button variant="secondary" onClick={() => router.push(nextHref)}>{t("nextEntry")}</Button> : null}
      </div>
    </form>
  );
}
