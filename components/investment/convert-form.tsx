"use client";
// A landed prospect becomes a register enterprise (一企一档): credit code checked with the
// same check digit as the register; its leads and trip meetings move to the enterprise.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { convertProspectAction } from "@/lib/investment/actions";
import { convertProspectContract } from "@/lib/investment/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { indentedName, type OrgOption } from "@/components/admin/org-options";

export function ConvertProspectForm({ prospect, units }: { prospect: { id: string; version: number; name: string; sector: string; creditCode: string }; units: OrgOption[] }) {
  const t = useTranslations("investment");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(convertProspectContract, convertProspectAction, {
    defaultValues: { id: prospect.id, version: prospect.version, name: prospect.name, creditCode: prospect.creditCode, orgUnitId: "", address: "", industry: prospect.sector, size: "SMALL_MICRO" },
    onSuccess: () => router.refresh(),
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("convert")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("prospectName")} error={errorOf("name")} required className="sm:col-span-2">{(p) => <Input {...p} {...register("name")} />}</Field>
        <Field id="creditCode" label={t("creditCode")} error={errorOf("creditCode")} required>
          {(p) => <Input {...p} autoComplete="off" autoCapitalize="characters" spellCheck={false} {...register("creditCode")} className={cn(p.className, "font-mono uppercase")} />}
        </Field>
        <Field id="orgUnitId" label={t("grid")} error={errorOf("orgUnitId")} required>
          {(p) => (
            <Select {...p} {...register("orgUnitId")}>
              <option value="">{t("choose")}</option>
              {units.map((u) => <option key={u.id} value={u.id}>{indentedName(u)}</option>)}
            </Select>
          )}
        </Field>
        <Field id="address" label={t("address")} error={errorOf("address")} className="sm:col-span-2">{(p) => <Input {...p} {...register("address")} />}</Field>
        <Field id="industry" label={t("industry")} error={errorOf("industry")}>{(p) => <Input {...p} {...register("industry")} />}</Field>
        <Field id="size" label={t("size")} error={errorOf("size")}>
          {(p) => <Select {...p} {...register("size")}>{(["ABOVE_SCALE", "SMALL_MICRO"] as const).map((s) => <option key={s} value={s}>{t(`sizes.${s}`)}</option>)}</Select>}
        </Field>
      </div>
    </FormShell>
  );
}
