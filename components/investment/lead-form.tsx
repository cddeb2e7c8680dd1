"use client";
// Enter a lead (招商线索): from a trip meeting, or directly for a register enterprise or a
// prospect; planned investment typed in 万元 or 亿元.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createLeadAction } from "@/lib/investment/actions";
import { type CreateLeadValues, createLeadContract } from "@/lib/investment/schemas";
import type { EnterpriseMatch } from "@/lib/investment/queries";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/button";
import { AmountField } from "./amount-input";
import { EnterpriseLookup } from "./enterprise-lookup";

export function LeadForm({ programmeId, taskForces, meeting, draftKey }: {
  programmeId: string;
  taskForces: { id: string; name: string }[];
  meeting: { id: string; taskForceId: string; label: string; sector: string } | null;
  draftKey: string;
}) {
  const t = useTranslations("investment");
  const router = useRouter();
  const [picked, setPicked] = useState<EnterpriseMatch | null>(null);
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createLeadContract, createLeadAction, {
    draftKey: meeting ? undefined : draftKey,
    defaultValues: {
      taskForceId: meeting?.taskForceId ?? (taskForces.length === 1 ? taskForces[0]!.id : ""),
      source: meeting ? "MEETING" : "PROSPECT", tripMeetingId: meeting?.id ?? "", enterpriseId: "", prospectId: "", prospectName: "", prospectCity: "",
      title: "", sector: meeting?.sector ?? "", plannedAmount: "", plannedUnit: "WAN",
    } as CreateLeadValues,
    onSuccess: (data) => router.push(`/investment/leads/${data.id}?created=1`),
  });
  const { register, watch, setValue } = form;
  const source = watch("source");
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newLead")} label={t("newLead")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft}
      secondary={<LinkButton href={`/investment/leads?programme=${programmeId}`} variant="ghost">{t("back")}</LinkButton>}>
      <div className="grid gap-4 sm:grid-cols-2">
        {meeting ? (
          <div className="sm:col-span-2">
            <p className="text-sm font-medium text-slate-700">{t("taskForce")}</p>
            <p className="text-sm text-slate-800">{taskForces.find((tf) => tf.id === meeting.taskForceId)?.name}</p>
          </div>
        ) : <Field id="taskForceId" label={t("taskForce")} error={errorOf("taskForceId")} required className="sm:col-span-2">
          {(p) => (
            <Select {...p} {...register("taskForceId")}>
              <option value="">{t("choose")}</option>
              {taskForces.map((tf) => <option key={tf.id} value={tf.id}>{tf.name}</option>)}
            </Select>
          )}
        </Field>}
        {meeting ? (
          <div className="sm:col-span-2">
            <p className="text-sm font-medium text-slate-700">{t("source")}</p>
            <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{meeting.label}</p>
          </div>
        ) : (
          <>
            <fieldset className="sm:col-span-2">
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("source")}</legend>
              <div className="flex flex-wrap gap-2">
                {(["PROSPECT", "ENTERPRISE"] as const).map((s) => (
                  <label key={s} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                    <input type="radio" value={s} className="size-4" {...register("source")} />
                    {t(`sourceKind.${s}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {source === "ENTERPRISE" ? (
              <div className="space-y-1 sm:col-span-2">
                <label htmlFor="lead-enterprise" className="block text-sm font-medium text-slate-700">{t("enterprise")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></label>
                <EnterpriseLookup programmeId={programmeId} inputId="lead-enterprise" selected={picked} error={errorOf("enterpriseId")}
                  onSelect={(m) => { setPicked(m); setValue("enterpriseId", m?.id ?? "", { shouldValidate: !!m }); }} />
              </div>
            ) : (
              <>
                <Field id="prospectName" label={t("prospectName")} error={errorOf("prospectName")} required>
                  {(p) => <Input {...p} autoComplete="off" {...register("prospectName")} />}
                </Field>
                <Field id="prospectCity" label={t("prospectCity")} error={errorOf("prospectCity")}>
                  {(p) => <Input {...p} autoComplete="off" {...register("prospectCity")} />}
                </Field>
              </>
            )}
          </>
        )}
        <Field id="title" label={t("leadTitle")} error={errorOf("title")} required className="sm:col-span-2">
          {(p) => <Input {...p} autoComplete="off" {...register("title")} />}
        </Field>
        <Field id="sector" label={t("sector")} error={errorOf("sector")}>
          {(p) => <Input {...p} autoComplete="off" {...register("sector")} />}
        </Field>
        <AmountField id="plannedAmount" label={t("plannedAmount")} amountName="plannedAmount" unitName="plannedUnit" register={register} error={errorOf("plannedAmount")} required />
      </div>
    </FormShell>
  );
}
