"use client";
// New 三争一实 session: quarter, date, place, the trimming threshold, and the criteria (现场叙事 /
// 书面叙事, weights and maximums), starting from the defaults.
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import { createSessionAction } from "@/lib/showcases/actions";
import { DEFAULT_CRITERIA, DIMENSIONS, type CreateSessionFormValues, createSessionContract } from "@/lib/showcases/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

export function SessionForm({ programmeId, defaultQuarter, defaultDate }: { programmeId: string; defaultQuarter: string; defaultDate: string }) {
  const t = useTranslations("showcase");
  const router = useRouter();
  const defaults: CreateSessionFormValues = { programmeId, quarter: defaultQuarter, heldOn: defaultDate, place: "", trimMinJudges: 5, criteria: DEFAULT_CRITERIA };
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createSessionContract, createSessionAction, {
    defaultValues: defaults,
    draftKey: `showcase-session:${programmeId}`,
    onSuccess: (data) => router.push(`/showcases/${(data as { id: string }).id}`),
  });
  const { register, control } = form;
  const criteria = useFieldArray({ control, name: "criteria" });
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("createSession")} label={t("newSession")} draftRestored={draftRestored} onDiscardDraft={discardDraft}>
      <input type="hidden" {...register("programmeId")} />
      <div className="grid grid-cols-2 gap-3">
        <Field id="session-quarter" label={t("quarter")} error={errorOf("quarter")} hint={t("quarterHint")} required>{(p) => <Input {...p} {...register("quarter")} />}</Field>
        <Field id="session-date" label={t("heldOn")} error={errorOf("heldOn")} required>{(p) => <Input {...p} type="date" {...register("heldOn")} />}</Field>
      </div>
      <Field id="session-place" label={t("place")} error={errorOf("place")}>{(p) => <Input {...p} {...register("place")} />}</Field>
      <Field id="session-trim" label={t("trimMinJudges")} error={errorOf("trimMinJudges")} hint={t("trimHint")} required>{(p) => <Input {...p} type="number" min={3} max={50} {...register("trimMinJudges")} />}</Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("criteria")}</legend>
        {criteria.fields.map((f, i) => (
          <div key={f.id} className="grid grid-cols-2 gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[8rem_1fr_6rem_6rem_auto] sm:items-end">
            <Field id={`c-dim-${i}`} label={t("dimensionLabel")} error={errorOf(`criteria.${i}.dimension`)}>
              {(p) => <Select {...p} {...register(`criteria.${i}.dimension`)}>{DIMENSIONS.map((d) => <option key={d} value={d}>{t(`dimension.${d}`)}</option>)}</Select>}
            </Field>
            <Field id={`c-name-${i}`} label={t("criterionName")} error={errorOf(`criteria.${i}.name`)}>{(p) => <Input {...p} {...register(`criteria.${i}.name`)} />}</Field>
            <Field id={`c-weight-${i}`} label={t("weight")} error={errorOf(`criteria.${i}.weight`)}>{(p) => <Input {...p} type="number" step="0.01" {...register(`criteria.${i}.weight`)} />}</Field>
            <Field id={`c-max-${i}`} label={t("maxScore")} error={errorOf(`criteria.${i}.maxScore`)}>{(p) => <Input {...p} type="number" {...register(`criteria.${i}.maxScore`)} />}</Field>
            <Button variant="ghost" size="sm" onClick={() => criteria.remove(i)} disabled={criteria.fields.length <= 1}>{t("removeCriterion")}</Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => criteria.append({ dimension: "LIVE", name: "", weight: 10, maxScore: 100 })}>{t("addCriterion")}</Button>
      </fieldset>
    </FormShell>
  );
}
