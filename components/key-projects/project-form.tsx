"use client";
// Create a key project: owner enterprise (lookup), investment in 万元/亿元, unit, liaison
// officer (专班专员) and the planned date of each milestone.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createKeyProjectAction } from "@/lib/key-projects/actions";
import { MILESTONE_KINDS, type CreateKeyProjectValues, createKeyProjectContract } from "@/lib/key-projects/schemas";
import type { EnterpriseMatch } from "@/lib/investment/queries";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/button";
import { indentedName, type OrgOption } from "@/components/admin/org-options";
import { AmountField } from "@/components/investment/amount-input";
import { EnterpriseLookup } from "@/components/investment/enterprise-lookup";

export function KeyProjectForm({ programmeId, lookupProgrammeId, units, people }: {
  programmeId: string; lookupProgrammeId: string | null; units: OrgOption[]; people: { id: string; name: string; orgName: string }[];
}) {
  const t = useTranslations("keyProjects");
  const router = useRouter();
  const [owner, setOwner] = useState<EnterpriseMatch | null>(null);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(createKeyProjectContract, createKeyProjectAction, {
    defaultValues: {
      programmeId, name: "", orgUnitId: units.length === 1 ? units[0]!.id : "", ownerEnterpriseId: "", investmentAmount: "", investmentUnit: "YI",
      location: "", liaisonId: "", milestones: Object.fromEntries(MILESTONE_KINDS.map((k) => [k, ""])),
    } as CreateKeyProjectValues,
    onSuccess: (data) => router.push(`/key-projects/${data.id}?created=1`),
  });
  const { register, setValue } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newProject")} label={t("newProject")}
      secondary={<LinkButton href={`/key-projects?programme=${programmeId}`} variant="ghost">{t("back")}</LinkButton>}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("name")} error={errorOf("name")} required className="sm:col-span-2">{(p) => <Input {...p} autoComplete="off" {...register("name")} />}</Field>
        <AmountField id="investmentAmount" label={t("investment")} amountName="investmentAmount" unitName="investmentUnit" register={register} error={errorOf("investmentAmount")} required />
        <Field id="orgUnitId" label={t("unit")} error={errorOf("orgUnitId")} required>
          {(p) => <Select {...p} {...register("orgUnitId")}><option value="">{t("choose")}</option>{units.map((u) => <option key={u.id} value={u.id}>{indentedName(u)}</option>)}</Select>}
        </Field>
        <Field id="location" label={t("location")} error={errorOf("location")}>{(p) => <Input {...p} autoComplete="off" {...register("location")} />}</Field>
        <Field id="liaisonId" label={t("liaison")} error={errorOf("liaisonId")}>
          {(p) => <Select {...p} {...register("liaisonId")}><option value="">{t("noLiaison")}</option>{people.map((u) => <option key={u.id} value={u.id}>{`${u.name}（${u.orgName}）`}</option>)}</Select>}
        </Field>
        {lookupProgrammeId ? (
          <div className="space-y-1 sm:col-span-2">
            <label htmlFor="owner-lookup" className="block text-sm font-medium text-slate-700">{t("owner")} <span className="font-normal text-slate-500">（{t("optional")}）</span></label>
            <EnterpriseLookup programmeId={lookupProgrammeId} inputId="owner-lookup" selected={owner} error={errorOf("ownerEnterpriseId")}
              onSelect={(m) => { setOwner(m); setValue("ownerEnterpriseId", m?.id ?? ""); }} />
          </div>
        ) : null}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">{t("milestones")}</legend>
        <p className="text-xs text-slate-500">{t("milestonesHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          {MILESTONE_KINDS.map((k) => (
            <Field key={k} id={`ms-${k}`} label={`${t(`milestone.${k}`)} · ${t("plannedOn")}`} error={errorOf(`milestones.${k}`)}>
              {(p) => <Input {...p} type="date" {...register(`milestones.${k}`)} />}
            </Field>
          ))}
        </div>
      </fieldset>
    </FormShell>
  );
}
