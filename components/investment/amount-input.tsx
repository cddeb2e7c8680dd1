"use client";
// An amount typed in 万元 or 亿元: a number box with its unit select beside it. The value is
// sent as typed; the server converts it to 万元 exactly (lib/platform/money.ts).
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { AMOUNT_UNITS } from "@/lib/platform/money";

export function AmountField<T extends FieldValues>({ id, label, amountName, unitName, register, error, required, className }: {
  id: string; label: string; amountName: Path<T>; unitName: Path<T>; register: UseFormRegister<T>; error?: string; required?: boolean; className?: string;
}) {
  const t = useTranslations("investment");
  return (
    <Field id={id} label={label} error={error} required={required} className={className}>
      {(p) => (
        <div className="flex gap-2">
          <Input {...p} inputMode="decimal" autoComplete="off" {...register(amountName)} className={cn(p.className, "min-w-0 flex-1")} />
          <Select aria-label={`${label} · ${t("unitOfAmount")}`} {...register(unitName)} className={cn(p.className, "w-28 shrink-0")}>
            {AMOUNT_UNITS.map((u) => <option key={u} value={u}>{t(`units.${u}`)}</option>)}
          </Select>
        </div>
      )}
    </Field>
  );
}
