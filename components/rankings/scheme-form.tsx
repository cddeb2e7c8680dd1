"use client";
// The 赛马 scheme editor (admins): name, the parent whose children compete, and the weighted
// indicators with their thresholds (the direction is the indicator's own).
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { useTranslations } from "next-intl";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { type RankingSchemeInput, saveRankingSchemeContract } from "@/lib/rankings/schemas";
import { saveRankingSchemeAction } from "@/lib/rankings/actions";

type Option = { value: string; label: string };

export function RankingSchemeForm({ initial, units, indicators }: { initial: RankingSchemeInput; units: Option[]; indicators: (Option & { defaultThreshold: string })[] }) {
  const t = useTranslations("rankings");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(saveRankingSchemeContract, saveRankingSchemeAction, {
    defaultValues: initial,
    draftKey: `ranking-scheme:${initial.id || "new"}`,
    onSuccess: (data) => router.push(`/rankings?scheme=${data.id}`),
  });
  const weights = useFieldArray({ control: form.control, name: "weights" });
  const keys = form.watch("weights").map((w) => w.indicatorKey);
  const defaultOf = (i: number) => indicators.find((o) => o.value === keys[i])?.defaultThreshold ?? "";
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("save")} draftRestored={draftRestored} onDiscardDraft={discardDraft} label={t("configure")}>
      <Field id="name" label={t("name")} error={errorOf("name")} required>
        {(p) => <input {...p} {...form.register("name")} />}
      </Field>
      <Field id="parentOrgUnitId" label={t("parent")} error={errorOf("parentOrgUnitId")} required>
        {(p) => (
          <select {...p} {...form.register("parentOrgUnitId")}>
            {units.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
          </select>
        )}
      </Field>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" {...form.register("active")} /> {t("active")}
      </label>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("indicator")}</legend>
        <p className="text-sm text-slate-600">{t("thresholdHelp")}</p>
        {errorOf("weights") ? <p className="text-sm text-red-700">{errorOf("weights")}</p> : null}
        {weights.fields.map((f, i) => (
          <div key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1.5fr_auto] sm:items-end">
            <Field id={`weights.${i}.indicatorKey`} label={t("indicator")} error={errorOf(`weights.${i}.indicatorKey`)}>
              {(p) => (
                <select {...p} {...form.register(`weights.${i}.indicatorKey`)}>
                  {indicators.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              )}
            </Field>
            <Field id={`weights.${i}.weight`} label={t("weight")} error={errorOf(`weights.${i}.weight`)}>
              {(p) => <input {...p} inputMode="decimal" {...form.register(`weights.${i}.weight`)} />}
            </Field>
            <Field id={`weights.${i}.threshold`} label={t("threshold")} error={errorOf(`weights.${i}.threshold`)} hint={t("thresholdHint", { value: defaultOf(i) })}>
              {(p) => <input {...p} inputMode="decimal" placeholder={`${t("thresholdDefault")} ${defaultOf(i)}`} {...form.register(`weights.${i}.threshold`)} />}
            </Field>
            <Button variant="ghost" onClick={() => weights.remove(i)} disabled={weights.fields.length <= 1}>{t("remove")}</Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onClick={() => {
            const used = new Set(form.getValues("weights").map((w) => w.indicatorKey));
            const next = indicators.find((o) => !used.has(o.value)) ?? indicators[0]!;
            weights.append({ indicatorKey: next.value, weight: 1, threshold: "" });
          }}
        >
          {t("addWeight")}
        </Button>
      </fieldset>
    </FormShell>
  );
}
