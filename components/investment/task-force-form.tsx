"use client";
// Create or edit a task force (突击队/攻坚队): kind in the 4+8+21 matrix, unit, leader,
// members from several units, focus sectors, targets (investment in 万元 or 亿元).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createTaskForceAction, updateTaskForceAction } from "@/lib/investment/actions";
import { createTaskForceContract, TASK_FORCE_KINDS, updateTaskForceContract } from "@/lib/investment/schemas";
import { bindAction, type ContractValues } from "@/lib/platform/contract";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion } from "@/components/forms/use-version";
import { Field, Input, Select } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/button";
import { indentedName, type OrgOption } from "@/components/admin/org-options";
import { AmountField } from "./amount-input";

type Person = { id: string; name: string; orgName: string };
export type TaskForceValues = {
  name: string; kind: (typeof TASK_FORCE_KINDS)[number]; orgUnitId: string; leaderId: string; memberIds: string[]; sectors: string;
  targetTrips: string; targetEnterprises: string; targetProjects: string; targetInvestment: string; targetInvestmentUnit: "WAN" | "YI";
};

export function TaskForceForm({ programmeId, units, people, existing }: {
  programmeId: string; units: OrgOption[]; people: Person[];
  existing?: { id: string; version: number; active: boolean; values: TaskForceValues };
}) {
  const t = useTranslations("investment");
  const router = useRouter();
  const blank: TaskForceValues = {
    name: "", kind: "STREET_PLATFORM", orgUnitId: units.length === 1 ? units[0]!.id : "", leaderId: "", memberIds: [], sectors: "",
    targetTrips: "0", targetEnterprises: "0", targetProjects: "0", targetInvestment: "", targetInvestmentUnit: "YI",
  };
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm<ContractValues<typeof createTaskForceContract>, { id: string }>(
    existing ? bindAction(updateTaskForceContract, updateTaskForceAction) : bindAction(createTaskForceContract, createTaskForceAction), {
    defaultValues: (existing ? { id: existing.id, version: existing.version, active: existing.active, ...existing.values } : { programmeId, ...blank }) as never,
    onSuccess: (data: { id: string }) => {
      if (!existing) return router.push(`/investment/task-forces/${data.id}`);
      // The form stays open: its next save carries the version this one returned.
      keepVersion(existing.id, data, (v) => form.setValue("version" as never, v as never));
      router.refresh();
    },
  });
  const { register } = form;
  const person = (p: Person) => `${p.name}（${p.orgName}）`;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={existing ? t("editTaskForce") : t("newTaskForce")}
      secondary={<LinkButton href={`/investment/task-forces?programme=${programmeId}`} variant="ghost">{t("back")}</LinkButton>}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("name")} error={errorOf("name")} required className="sm:col-span-2">
          {(p) => <Input {...p} autoComplete="off" {...register("name")} />}
        </Field>
        <Field id="kind" label={t("kindLabel")} error={errorOf("kind")} required>
          {(p) => <Select {...p} {...register("kind")}>{TASK_FORCE_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}</Select>}
        </Field>
        <Field id="orgUnitId" label={t("unit")} error={errorOf("orgUnitId")} required>
          {(p) => (
            <Select {...p} {...register("orgUnitId")}>
              <option value="">{t("choose")}</option>
              {units.map((u) => <option key={u.id} value={u.id}>{indentedName(u)}</option>)}
            </Select>
          )}
        </Field>
        <Field id="leaderId" label={t("leader")} error={errorOf("leaderId")} required>
          {(p) => (
            <Select {...p} {...register("leaderId")}>
              <option value="">{t("choose")}</option>
              {people.map((u) => <option key={u.id} value={u.id}>{person(u)}</option>)}
            </Select>
          )}
        </Field>
        <Field id="memberIds" label={t("members")} hint={t("membersHint")} error={errorOf("memberIds")}>
          {(p) => (
            <select {...p} multiple size={Math.min(6, Math.max(3, people.length))} className={`${p.className} py-1`} {...register("memberIds")}>
              {people.map((u) => <option key={u.id} value={u.id}>{person(u)}</option>)}
            </select>
          )}
        </Field>
        <Field id="sectors" label={t("sectors")} hint={t("sectorsHint")} error={errorOf("sectors")} className="sm:col-span-2">
          {(p) => <Input {...p} autoComplete="off" {...register("sectors")} />}
        </Field>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("targets")}</legend>
        <Field id="targetTrips" label={t("targetTrips")} error={errorOf("targetTrips")}>{(p) => <Input {...p} inputMode="numeric" {...register("targetTrips")} />}</Field>
        <Field id="targetEnterprises" label={t("targetEnterprises")} error={errorOf("targetEnterprises")}>{(p) => <Input {...p} inputMode="numeric" {...register("targetEnterprises")} />}</Field>
        <Field id="targetProjects" label={t("targetProjects")} error={errorOf("targetProjects")}>{(p) => <Input {...p} inputMode="numeric" {...register("targetProjects")} />}</Field>
        <AmountField id="targetInvestment" label={t("targetInvestment")} amountName="targetInvestment" unitName="targetInvestmentUnit" register={register} error={errorOf("targetInvestment")} />
        {existing ? (
          <label className="flex min-h-11 items-center gap-2 text-sm"><input type="checkbox" className="size-4" {...register("active" as never)} />{t("activeLabel")}</label>
        ) : null}
      </fieldset>
    </FormShell>
  );
}
