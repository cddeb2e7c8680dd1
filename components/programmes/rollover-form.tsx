"use client";
// The rollover (结转) form: name and dates of the next period, and each target period of the
// old programme re-keyed to the new one (prefilled: "2026" → "2027", "2026-Q4" → "2027-Q4").
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input } from "@/components/ui/field";
import { rolloverProgrammeAction } from "@/lib/programmes/rollover-actions";
import { rolloverProgrammeContract, type RolloverFormValues } from "@/lib/programmes/rollover-schema";

export function RolloverForm({ initial }: { initial: RolloverFormValues }) {
  const t = useTranslations("newYear.rollover");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(rolloverProgrammeContract, rolloverProgrammeAction, {
    defaultValues: initial,
    onSuccess: (data) => router.push(`/programmes/${data.id}?notice=rolledOver`),
  });
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("submit")} label={t("title")}>
      <Field id="ro-name" label={t("name")} error={errorOf("name")} required>
        {(p) => <Input {...p} {...form.register("name")} className={`${p.className} h-11`} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="ro-start" label={t("startDate")} error={errorOf("startDate")} required>
          {(p) => <Input type="date" {...p} {...form.register("startDate")} className={`${p.className} h-11`} />}
        </Field>
        <Field id="ro-end" label={t("endDate")} error={errorOf("endDate")} required>
          {(p) => <Input type="date" {...p} {...form.register("endDate")} className={`${p.className} h-11`} />}
        </Field>
      </div>
      {initial.periodMap.length > 0 ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("periods")}</legend>
          <p className="text-sm text-slate-600">{t("periodsHint")}</p>
          {initial.periodMap.map((p, i) => (
            <div key={p.from} className="grid grid-cols-[6rem_1fr] items-start gap-3">
              <span className="pt-3 font-mono text-sm text-slate-700">{p.from} →</span>
              <input type="hidden" {...form.register(`periodMap.${i}.from` as const)} />
              <Field id={`ro-period-${i}`} label={t("newPeriod", { from: p.from })} error={errorOf(`periodMap.${i}.to`) ?? errorOf(`periodMap.${i}.from`)}>
                {(fp) => <Input {...fp} {...form.register(`periodMap.${i}.to` as const)} placeholder="2027 / 2027-Q4 / 2027-11" className={`${fp.className} h-11 font-mono`} />}
              </Field>
            </div>
          ))}
        </fieldset>
      ) : null}
    </FormShell>
  );
}
