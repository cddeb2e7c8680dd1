"use client";
// Fields both register forms ask the same way (households and enterprises): the unit select
// with the address under it, the "（选填）" mark, the phone that keeps its masked value.
import { useTranslations } from "next-intl";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import { indentedName, type OrgOption } from "@/components/admin/org-options";

/** "（选填）" after an optional field's label. */
export function Optional() {
  const t = useTranslations("registers");
  return <span className="font-normal text-slate-500">（{t("optional")}）</span>;
}

/** The record's unit (村/社区 for a household, 网格 for an enterprise) and its address. */
export function UnitAndAddressFields({ unitLabel, options, reg, errorOf }: {
  unitLabel: string; options: OrgOption[]; reg: UseFormRegister<FieldValues>; errorOf: (path: string) => string | undefined;
}) {
  const t = useTranslations("registers");
  return (
    <>
      <Field id="orgUnitId" label={unitLabel} error={errorOf("orgUnitId")} required>
        {(p) => (
          <Select {...p} {...reg("orgUnitId")}>
            <option value="">{t("choose")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>{indentedName(o)}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="address" label={<>{t("address")} <Optional /></>} error={errorOf("address")} className="sm:col-span-2">
        {(p) => <Input {...p} autoComplete="off" {...reg("address")} />}
      </Field>
    </>
  );
}

export function PhoneField({ masked, error, inputProps, clearProps, label, id = "phone" }: {
  masked: string; error?: string; label: string; id?: string;
  inputProps: React.ComponentProps<"input">; clearProps: React.ComponentProps<"input">;
}) {
  const t = useTranslations("registers");
  return (
    <div className="space-y-2">
      <Field id={id} label={<>{label} <Optional /></>} error={error} hint={masked ? t("phoneKeepHint", { masked }) : t("phoneNoneHint")}>
        {(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" placeholder={masked || undefined} {...inputProps} />}
      </Field>
      {masked ? (
        <label className="flex min-h-11 items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" className="size-5" {...clearProps} />
          {t("clearPhone")}
        </label>
      ) : null}
    </div>
  );
}
