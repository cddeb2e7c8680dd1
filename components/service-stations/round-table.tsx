"use client";
// 圆桌协同审批 on a case: opening one (the departments the case's items need are pre-filled,
// at least two; another can be added), and the table itself — each department's seat shows
// its answer, or a form to record it. A 不同意 is shown as such; the staff then decide the
// outcome when they finish the case.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { answerRoundTableAction, openRoundTableAction } from "@/lib/service-stations/actions";
import { ROUND_TABLE_VERDICTS } from "@/lib/service-stations/schemas";
import { translateFieldError } from "@/lib/platform/i18n/zod";
import { QuickForm } from "@/components/forms/quick-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

type Verdict = (typeof ROUND_TABLE_VERDICTS)[number];
const VERDICT_TONE: Record<Verdict, "green" | "amber" | "red"> = { AGREE: "green", AGREE_WITH_CONDITIONS: "amber", DISAGREE: "red" };

export function VerdictBadge({ verdict, label }: { verdict: Verdict; label: string }) {
  return <Badge tone={VERDICT_TONE[verdict]}>{label}</Badge>;
}

/** Open a round-table: topic, the departments at the table (pre-filled from the case's items). */
export function OpenRoundTableForm({ caseId, version, departments }: { caseId: string; version: number; departments: string[] }) {
  const t = useTranslations("serviceStation.roundTable");
  const tValidation = useTranslations("validation");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState("");
  const [offered, setOffered] = useState(departments);
  const [chosen, setChosen] = useState<Set<string>>(new Set(departments));
  const [extra, setExtra] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const toggle = (d: string) => setChosen((s) => {
    const next = new Set(s);
    if (next.has(d)) next.delete(d);
    else next.add(d);
    return next;
  });
  const addExtra = () => {
    const d = extra.trim();
    if (!d) return;
    if (!offered.includes(d)) setOffered((o) => [...o, d]);
    setChosen((s) => new Set(s).add(d));
    setExtra("");
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const r = await openRoundTableAction({ caseId, version, topic, departments: offered.filter((d) => chosen.has(d)) }).catch(() => null);
    setPending(false);
    if (!r) return setError(tErrors("network"));
    if (!r.ok) {
      setError(r.error);
      return setFieldErrors(r.fieldErrors ?? {});
    }
    setOpen(false);
    router.refresh();
  };
  const fieldError = (name: string) => {
    const m = fieldErrors[name]?.[0] ?? Object.entries(fieldErrors).find(([k]) => k.startsWith(`${name}.`))?.[1][0];
    return m ? translateFieldError(m, tValidation) : undefined;
  };

  if (!open) return <Button variant="secondary" onClick={() => setOpen(true)} aria-expanded={false}>{t("open")}</Button>;
  return (
    <form method="post" onSubmit={submit} noValidate aria-label={t("open")} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <Field id={`${id}-topic`} label={t("topic")} error={fieldError("topic")} required>
        {(p) => <Input {...p} value={topic} onChange={(e) => setTopic(e.target.value)} placeholder={t("topicPlaceholder")} />}
      </Field>
      <fieldset className="space-y-1" aria-describedby={fieldError("departments") ? `${id}-dep-error` : `${id}-dep-hint`}>
        <legend className="text-sm font-medium text-slate-700">{t("departments")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></legend>
        <p id={`${id}-dep-hint`} className="text-xs text-slate-500">{t("departmentsHint")}</p>
        {offered.map((d) => (
          <label key={d} className="flex min-h-11 items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" className="size-5" checked={chosen.has(d)} onChange={() => toggle(d)} />
            {d}
          </label>
        ))}
        <div className="flex gap-2">
          <label htmlFor={`${id}-extra`} className="sr-only">{t("addDepartment")}</label>
          <input id={`${id}-extra`} value={extra} onChange={(e) => setExtra(e.target.value)} placeholder={t("addDepartment")} maxLength={60}
            onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); addExtra(); } }}
            className="block h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base" />
          <Button variant="secondary" onClick={addExtra}>{t("add")}</Button>
        </div>
        {fieldError("departments") ? <p id={`${id}-dep-error`} className="text-sm text-red-700">{fieldError("departments")}</p> : null}
      </fieldset>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} aria-busy={pending}>{t("openSubmit")}</Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>{t("close")}</Button>
      </div>
    </form>
  );
}

export type RoundTableView = {
  id: string;
  topic: string;
  status: "OPEN" | "CONCLUDED";
  openedAt: Date;
  concludedAt: Date | null;
  openedBy: { name: string };
  opinions: { id: string; department: string; verdict: Verdict | null; comment: string; answeredAt: Date | null; answeredBy: { name: string } | null }[];
};

/** One round-table: its seats, each answered or (while open, for those who may) with its form. */
export function RoundTablePanel({ table, mayAnswer }: { table: RoundTableView; mayAnswer: boolean }) {
  const t = useTranslations("serviceStation.roundTable");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" });
  const waiting = table.opinions.filter((o) => !o.verdict).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={table.status === "OPEN" ? "amber" : "slate"}>{t(`status.${table.status}`)}</Badge>
        <span className="font-medium text-slate-900">{table.topic}</span>
      </div>
      <p className="text-xs text-slate-500">
        {t("openedLine", { name: table.openedBy.name, time: when(table.openedAt) })}
        {table.concludedAt ? ` · ${t("concludedLine", { time: when(table.concludedAt) })}` : ` · ${t("waiting", { n: waiting })}`}
      </p>
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {table.opinions.map((o) => (
          <li key={o.id} className="space-y-2 p-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-800">{o.department}</span>
              {o.verdict ? <VerdictBadge verdict={o.verdict} label={t(`verdicts.${o.verdict}`)} /> : <Badge>{t("notAnswered")}</Badge>}
            </div>
            {o.verdict ? (
              <>
                {o.comment ? <p className="whitespace-pre-wrap text-sm text-slate-700">{o.comment}</p> : null}
                <p className="text-xs text-slate-500">{t("answeredLine", { name: o.answeredBy?.name ?? "", time: o.answeredAt ? when(o.answeredAt) : "" })}</p>
              </>
            ) : table.status === "OPEN" && mayAnswer ? (
              <QuickForm
                action={answerRoundTableAction} hidden={{ roundTableId: table.id, department: o.department }} collapsed={t("answer")} submitLabel={t("answerSubmit")}
                label={t("answerFor", { department: o.department })} className="w-full sm:w-96"
                fields={[
                  { name: "verdict", label: t("verdict"), type: "select", required: true, defaultValue: "AGREE", options: ROUND_TABLE_VERDICTS.map((v) => ({ value: v, label: t(`verdicts.${v}`) })) },
                  { name: "comment", label: t("comment"), type: "textarea", maxLength: 1000, hint: t("commentHint") },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
