"use client";
// Configuration forms of the scheme (admins): a scoring item with its editable level table,
// a resource with its eligibility, an org unit's quota, the four tiers, evaluation settings.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { allocateTierQuotasAction, saveItemAction, saveQuotaAction, saveResourceAction, saveSettingsAction, saveTiersAction } from "@/lib/talent/points/config-actions";
import { saveItemContract, saveResourceContract, saveQuotaContract, saveTiersContract, type TiersInput, saveSettingsContract } from "@/lib/talent/points/schemas";
import type { EvaluationSettings, Level } from "@/lib/talent/points/rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

export type EditableItem = {
  id: string; version: number; subject: "TALENT" | "ENTERPRISE"; code: string; name: string; levels: Level[]; capPerItem: number | null; capPerYear: number | null;
  evidenceTypes: string[]; validityMonths: number | null; active: boolean; sortOrder: number;
};

export function ItemForm({ item, subject }: { item?: EditableItem; subject: "TALENT" | "ENTERPRISE" }) {
  const t = useTranslations("points.config");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveItemContract, saveItemAction, {
    defaultValues: item
      ? { ...item, capPerItem: item.capPerItem ?? "", capPerYear: item.capPerYear ?? "", validityMonths: item.validityMonths ?? "", evidenceTypes: item.evidenceTypes.join("\n") } as never
      : { id: "", version: 0, subject, code: "", name: "", levels: [{ code: "", label: "", points: 0 }], capPerItem: "", capPerYear: "", evidenceTypes: "", validityMonths: "", active: true, sortOrder: 0 },
    onSuccess: (data) => {
      // The edit form stays open: its next save carries the version this one returned.
      if (item) keepVersion(item.id, data, (v) => form.setValue("version", v));
      setSaved(true);
      router.refresh();
    },
  });
  const { register, control } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "levels" });
  const p = item?.id ?? `new-${subject}`;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={item ? t("saveItem") : t("addItem")} label={item?.name ?? t("newItem")}>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${p}-name`} label={t("itemName")} error={errorOf("name")} required>{(f) => <Input {...f} {...register("name")} />}</Field>
        <Field id={`${p}-code`} label={t("code")} error={errorOf("code")} required>{(f) => <Input {...f} className={`${f.className} font-mono uppercase`} {...register("code")} />}</Field>
        <Field id={`${p}-sort`} label={t("sortOrder")} error={errorOf("sortOrder")}>{(f) => <Input {...f} type="number" {...register("sortOrder")} />}</Field>
        <Field id={`${p}-capItem`} label={t("capPerItem")} error={errorOf("capPerItem")} hint={t("emptyNoCap")}>{(f) => <Input {...f} type="number" inputMode="numeric" {...register("capPerItem")} />}</Field>
        <Field id={`${p}-capYear`} label={t("capPerYear")} error={errorOf("capPerYear")} hint={t("emptyNoCap")}>{(f) => <Input {...f} type="number" inputMode="numeric" {...register("capPerYear")} />}</Field>
        <Field id={`${p}-valid`} label={t("validityMonths")} error={errorOf("validityMonths")} hint={t("emptyForever")}>{(f) => <Input {...f} type="number" inputMode="numeric" {...register("validityMonths")} />}</Field>
      </div>
      <Field id={`${p}-evidence`} label={t("evidenceTypes")} error={errorOf("evidenceTypes")} hint={t("evidenceHint")}>{(f) => <Textarea {...f} rows={2} {...register("evidenceTypes")} />}</Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("levels")}</legend>
        {errorOf("levels") ? <p className="text-sm text-red-700">{errorOf("levels")}</p> : null}
        {fields.map((f, i) => (
          <div key={f.id} className="grid grid-cols-[1fr_2fr_1fr_auto] items-end gap-2" data-testid="level-row">
            <Field id={`${p}-l${i}-code`} label={t("levelCode")} error={errorOf(`levels.${i}.code`)}>{(x) => <Input {...x} className={`${x.className} font-mono uppercase`} {...register(`levels.${i}.code`)} />}</Field>
            <Field id={`${p}-l${i}-label`} label={t("levelLabel")} error={errorOf(`levels.${i}.label`)}>{(x) => <Input {...x} {...register(`levels.${i}.label`)} />}</Field>
            <Field id={`${p}-l${i}-points`} label={t("levelPoints")} error={errorOf(`levels.${i}.points`)}>{(x) => <Input {...x} type="number" inputMode="numeric" {...register(`levels.${i}.points`)} />}</Field>
            <Button variant="ghost" size="sm" onClick={() => remove(i)} disabled={fields.length <= 1} aria-label={t("removeLevel")}>✕</Button>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => append({ code: "", label: "", points: 0 })}>{t("addLevel")}</Button>
      </fieldset>
      <label className="inline-flex min-h-11 items-center gap-2"><input type="checkbox" className="h-5 w-5" {...register("active")} />{t("active")}</label>
    </FormShell>
  );
}

export type EditableResource = { id: string; version: number; code: string; name: string; pointsCost: number; eligibility: { minTier?: number; enterpriseOnly?: boolean; talentOnly?: boolean; minEarnedPoints?: number }; active: boolean };

export function ResourceForm({ resource }: { resource?: EditableResource }) {
  const t = useTranslations("points.config");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveResourceContract, saveResourceAction, {
    defaultValues: resource ?? { id: "", version: 0, code: "", name: "", pointsCost: 0, eligibility: {}, active: true },
    onSuccess: (data) => {
      if (resource) keepVersion(resource.id, data, (v) => form.setValue("version", v));
      setSaved(true);
      router.refresh();
    },
  });
  const { register } = form;
  const p = resource?.id ?? "new-res";
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={resource ? t("saveResource") : t("addResource")} label={resource?.name ?? t("newResource")}>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={`${p}-name`} label={t("resourceName")} error={errorOf("name")} required>{(f) => <Input {...f} {...register("name")} />}</Field>
        <Field id={`${p}-code`} label={t("code")} error={errorOf("code")} required>{(f) => <Input {...f} className={`${f.className} font-mono uppercase`} {...register("code")} />}</Field>
        <Field id={`${p}-cost`} label={t("pointsCost")} error={errorOf("pointsCost")} required>{(f) => <Input {...f} type="number" inputMode="numeric" {...register("pointsCost")} />}</Field>
        <Field id={`${p}-minTier`} label={t("minTier")} error={errorOf("eligibility.minTier")}>
          {(f) => (
            <Select {...f} {...register("eligibility.minTier", { setValueAs: (v) => (v === "" || v === undefined ? undefined : Number(v)) })}>
              <option value="">{t("anyTier")}</option>
              {[1, 2, 3, 4].map((n) => <option key={n} value={n}>{t("tierOrBetter", { tier: n })}</option>)}
            </Select>
          )}
        </Field>
        <Field id={`${p}-minEarned`} label={t("minEarned")} error={errorOf("eligibility.minEarnedPoints")}>
          {(f) => <Input {...f} type="number" inputMode="numeric" {...register("eligibility.minEarnedPoints", { setValueAs: (v) => (v === "" || v === undefined || v === null ? undefined : Number(v)) })} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-4">
        <label className="inline-flex min-h-11 items-center gap-2"><input type="checkbox" className="h-5 w-5" {...register("eligibility.enterpriseOnly")} />{t("enterpriseOnly")}</label>
        <label className="inline-flex min-h-11 items-center gap-2"><input type="checkbox" className="h-5 w-5" {...register("eligibility.talentOnly")} />{t("talentOnly")}</label>
        <label className="inline-flex min-h-11 items-center gap-2"><input type="checkbox" className="h-5 w-5" {...register("active")} />{t("active")}</label>
      </div>
    </FormShell>
  );
}

export function QuotaForm({ resources, units, period }: { resources: { id: string; name: string }[]; units: { id: string; name: string }[]; period: string }) {
  const t = useTranslations("points.config");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveQuotaContract, saveQuotaAction, {
    defaultValues: { resourceId: resources[0]?.id ?? "", orgUnitId: units[0]?.id ?? "", period, total: 0 },
    onSuccess: () => { setSaved(true); router.refresh(); },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("saveQuota")} label={t("quotas")}>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <Field id="q-res" label={t("resourceName")} error={errorOf("resourceId")}>{(f) => <Select {...f} {...register("resourceId")}>{resources.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}</Select>}</Field>
        <Field id="q-unit" label={t("unit")} error={errorOf("orgUnitId")}>{(f) => <Select {...f} {...register("orgUnitId")}>{units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}</Select>}</Field>
        <Field id="q-period" label={t("period")} error={errorOf("period")}>{(f) => <Input {...f} inputMode="numeric" {...register("period")} />}</Field>
        <Field id="q-total" label={t("places")} error={errorOf("total")}>{(f) => <Input {...f} type="number" inputMode="numeric" {...register("total")} />}</Field>
      </div>
    </FormShell>
  );
}

export function TiersForm({ tiers, resources }: { tiers: TiersInput["tiers"]; resources: { code: string; name: string }[] }) {
  const t = useTranslations("points.config");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveTiersContract, saveTiersAction, {
    defaultValues: { tiers },
    onSuccess: () => { setSaved(true); router.refresh(); },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("saveTiers")} label={t("tiers")}>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      {tiers.map((tier, i) => (
        <fieldset key={i} className="rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold">{String(tier.name)}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id={`t${i}-name`} label={t("tierName")} error={errorOf(`tiers.${i}.name`)}>{(f) => <Input {...f} {...register(`tiers.${i}.name`)} />}</Field>
            <Field id={`t${i}-min`} label={t("tierMinPoints")} error={errorOf(`tiers.${i}.minPoints`)}>{(f) => <Input {...f} type="number" inputMode="numeric" {...register(`tiers.${i}.minPoints`)} />}</Field>
          </div>
          <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {resources.map((r, j) => (
              <Field key={r.code} id={`t${i}-q${j}`} label={t("tierPlaces", { name: r.name })} error={errorOf(`tiers.${i}.quotas.${j}.places`)}>
                {(f) => <Input {...f} type="number" inputMode="numeric" {...register(`tiers.${i}.quotas.${j}.places`)} />}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
    </FormShell>
  );
}

export function SettingsForm({ version, evaluation }: { version: number; evaluation: EvaluationSettings }) {
  const t = useTranslations("points.config");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveSettingsContract, saveSettingsAction, {
    defaultValues: { version, evaluation },
    onSuccess: (data) => {
      keepVersion(data.id, data, (v) => form.setValue("version", v));
      setSaved(true);
      router.refresh();
    },
  });
  const { register } = form;
  const num = { setValueAs: (v: unknown) => Number(v) };
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("saveSettings")} label={t("evaluation")}>
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="s-mode" label={t("evaluationMode")} error={errorOf("evaluation.mode")}>{(f) => <Select {...f} {...register("evaluation.mode")}><option value="TIER">{t("modeTier")}</option><option value="PROPORTIONAL">{t("modeProportional")}</option></Select>}</Field>
        <Field id="s-max" label={t("evaluationMax")} error={errorOf("evaluation.max")}>{(f) => <Input {...f} type="number" step="0.5" {...register("evaluation.max", num)} />}</Field>
        <Field id="s-pfm" label={t("pointsForMax")} error={errorOf("evaluation.pointsForMax")}>{(f) => <Input {...f} type="number" {...register("evaluation.pointsForMax", num)} />}</Field>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Field key={i} id={`s-tier${i}`} label={t("tierScore", { tier: i + 1 })} error={errorOf(`evaluation.tierScores.${i}`)}>{(f) => <Input {...f} type="number" step="0.5" {...register(`evaluation.tierScores.${i}`, num)} />}</Field>
        ))}
      </div>
    </FormShell>
  );
}

export function AllocateButton({ year }: { year: number }) {
  const t = useTranslations("points.config");
  const router = useRouter();
  const [msg, setMsg] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-2">
      <Button variant="secondary" disabled={pending} onClick={() => start(async () => {
        const r = await allocateTierQuotasAction({ year });
        setMsg(r.ok ? { tone: "success", text: t("allocated", { enterprises: r.data.enterprises, changed: r.data.changed }) } : { tone: "error", text: r.error });
        router.refresh();
      })}>{t("allocate", { year })}</Button>
      {msg ? <Alert tone={msg.tone}>{msg.text}</Alert> : null}
    </div>
  );
}
