"use client";
// The calendar admin forms: one day (add or change), a pasted list (with a live preview of
// what will be loaded and which lines cannot be read), and removing a day.
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { bulkLoadCalendarAction, confirmCalendarYearAction, deleteCalendarDayAction, saveCalendarDayAction, unconfirmCalendarYearAction } from "@/lib/platform/calendar/actions";
import { bulkLoadCalendarContract, saveCalendarDayContract } from "@/lib/platform/calendar/schemas";
import { parseCalendarList } from "@/lib/platform/calendar/holidays-cn";

type DayValues = { date: string; kind: "HOLIDAY" | "WORKDAY"; name: string };

export function CalendarDayForm({ initial }: { initial: DayValues }) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const tYear = useTranslations("newYear.calendarYear");
  const [reconfirm, setReconfirm] = useState<string | null>(null);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveCalendarDayContract, saveCalendarDayAction, {
    defaultValues: initial,
    onSuccess: (data) => {
      setDone(t("saved", { date: data.id }));
      setReconfirm(data.unconfirmedYears.length ? tYear("mustReconfirm", { years: data.unconfirmedYears.join("、") }) : null);
      router.refresh();
    },
  });
  const kind = form.watch("kind");
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("save")} label={t("add")}>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {reconfirm ? <Alert tone="warning">{reconfirm}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="cal-date" label={t("date")} error={errorOf("date")} required>
          {(p) => <Input type="date" {...p} {...form.register("date")} className={`${p.className} h-11`} />}
        </Field>
        <Field id="cal-kind" label={t("kindLabel")} error={errorOf("kind")} hint={t(`kindHint.${kind}`)} required>
          {(p) => (
            <Select {...p} {...form.register("kind")} className={`${p.className} h-11`}>
              <option value="HOLIDAY">{t("kind.HOLIDAY")}</option>
              <option value="WORKDAY">{t("kind.WORKDAY")}</option>
            </Select>
          )}
        </Field>
        <Field id="cal-name" label={t("name")} error={errorOf("name")} className="sm:col-span-2">
          {(p) => <Input {...p} {...form.register("name")} placeholder={t("namePlaceholder")} className={`${p.className} h-11`} />}
        </Field>
      </div>
    </FormShell>
  );
}

/** `initialText`: a list to start from (the provisional generator's), instead of a saved draft. */
export function BulkCalendarForm({ initialText = "" }: { initialText?: string }) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const tYear = useTranslations("newYear.calendarYear");
  const [reconfirm, setReconfirm] = useState<string | null>(null);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(bulkLoadCalendarContract, bulkLoadCalendarAction, {
    defaultValues: { text: initialText },
    draftKey: initialText ? undefined : "draft:calendar-bulk",
    onSuccess: (data) => {
      setDone(t("bulkDone", { added: data.added, updated: data.updated }));
      setReconfirm(data.unconfirmedYears.length ? tYear("mustReconfirm", { years: data.unconfirmedYears.join("、") }) : null);
      form.reset({ text: "" });
      router.refresh();
    },
  });
  const tLines = useTranslations("newYear.calendarYear.lineReasons");
  const text = form.watch("text");
  const preview = useMemo(() => parseCalendarList(text ?? ""), [text]);
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("bulkSubmit")} label={t("bulkTitle")}>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {reconfirm ? <Alert tone="warning">{reconfirm}</Alert> : null}
      <Field id="cal-bulk" label={t("bulkText")} error={errorOf("text")} hint={t("bulkIntro")} required>
        {(p) => <Textarea {...p} {...form.register("text")} rows={8} placeholder={t("bulkPlaceholder")} className={`${p.className} py-2 font-mono text-sm`} />}
      </Field>
      {text?.trim() ? (
        <p role="status" className="text-sm">
          <span className="text-slate-700">{t("bulkPreview", { count: preview.entries.length })}</span>
          {preview.errors.length > 0 ? (
            <span className="ml-2 text-red-700">
              {t("bulkBadLines", { lines: preview.errors.map((e) => e.line).join("、") })}
              {/* Why each line is refused, so a duplicate or a 2月30日 is found without guessing. */}
              {preview.errors.map((e) => (
                <span key={e.line} className="block">{tLines(e.reason, { line: e.line, first: e.firstLine ?? 0 })}</span>
              ))}
            </span>
          ) : null}
        </p>
      ) : null}
    </FormShell>
  );
}

export function RemoveDayButton({ date, name, what }: { date: string; name: string; what: string }) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reconfirm, setReconfirm] = useState<string | null>(null);
  const tYear = useTranslations("newYear.calendarYear");
  const [pending, start] = useTransition();
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`${t("remove")} ${date}`}>{t("remove")}</Button>
      {reconfirm ? <Alert tone="warning" className="mt-1">{reconfirm}</Alert> : null}
      <ConfirmDialog
        open={open}
        title={t("remove")}
        message={t("removeConfirm", { date, name: name || "—", what })}
        confirmLabel={t("remove")}
        pending={pending}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        onConfirm={() =>
          start(async () => {
            const result = await deleteCalendarDayAction({ date });
            if (result.ok) {
              setOpen(false);
              setReconfirm(result.data.unconfirmedYears.length ? tYear("mustReconfirm", { years: result.data.unconfirmedYears.join("、") }) : null);
              router.refresh();
            } else setError(result.error);
          })
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
      </ConfirmDialog>
    </>
  );
}

/** Confirms a year's calendar (after checking it against the notice), or withdraws the confirmation. */
export function ConfirmYearButton({ year, confirmed }: { year: number; confirmed: boolean }) {
  const t = useTranslations("newYear.calendarYear");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const label = confirmed ? t("unconfirm") : t("confirm", { year });
  return (
    <>
      <Button variant={confirmed ? "secondary" : "primary"} onClick={() => setOpen(true)}>{label}</Button>
      <ConfirmDialog
        open={open}
        title={label}
        message={confirmed ? t("unconfirmDialog", { year }) : t("confirmDialog", { year })}
        confirmLabel={label}
        tone={confirmed ? "danger" : "primary"}
        pending={pending}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        onConfirm={() =>
          start(async () => {
            const result = await (confirmed ? unconfirmCalendarYearAction : confirmCalendarYearAction)({ year });
            if (result.ok) {
              setOpen(false);
              router.refresh();
            } else setError(result.fieldErrors?.year?.[0] ?? result.error);
          })
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
      </ConfirmDialog>
    </>
  );
}
