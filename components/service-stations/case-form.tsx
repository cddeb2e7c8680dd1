"use client";
// 新建办件: walk-in (starts now) or appointment (a booked time); the enterprise from the register
// (search by name or credit code) or registered on the spot; a "一类事" bundle and/or single
// items of this station's catalogue; the visitor and what they asked for. A credit code the
// register already holds comes back as a field error, with one tap to pick that enterprise.
// Registering a shop is offered only to those who may (serviceStation.registerEnterprise).
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createCaseAction, searchCaseEnterprisesAction } from "@/lib/service-stations/actions";
import { CASE_CHANNELS, REGISTERED_ENTERPRISE_FIELD, createCaseContract, type CreateCaseFormValues } from "@/lib/service-stations/schemas";
import { ENTERPRISE_SIZES } from "@/lib/registers/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { RegisterSearch, type RegisterMatch } from "@/components/search/register-search";
import { indentedName, type OrgOption } from "@/components/admin/org-options";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea, controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Item = { id: string; code: string; name: string; kind: "STAFFED" | "SELF_SERVICE"; category: string; department: string; usualMinutes: number };
type Bundle = { id: string; code: string; name: string; itemIds: string[] };

type Props = {
  stationId: string; items: Item[]; bundles: Bundle[]; units: OrgOption[]; defaultUnitId: string;
  /** serviceStation.registerEnterprise: the "new shop" option is shown. */
  mayRegister: boolean;
};

const emptyEnterprise = (orgUnitId: string): NonNullable<CreateCaseFormValues["newEnterprise"]> => ({
  name: "", creditCode: "", address: "", orgUnitId, industry: "", size: "SMALL_MICRO", contactName: "", contactPhone: "", commissionerId: "",
});

export function CaseForm({ stationId, items, bundles, units, defaultUnitId, mayRegister }: Props) {
  const t = useTranslations("serviceStation.cases");
  const tForm = useTranslations("serviceStation.cases.form");
  const tReg = useTranslations("registers");
  const router = useRouter();
  const [mode, setMode] = useState<"existing" | "new">("existing");
  const [picked, setPicked] = useState<RegisterMatch | null>(null);
  const [filter, setFilter] = useState("");
  const defaults: CreateCaseFormValues = {
    stationId, channel: "WALK_IN", enterpriseId: "", newEnterprise: null, bundleId: "", itemIds: [], visitorName: "", request: "", scheduledAt: "",
  };
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createCaseContract, createCaseAction, {
    defaultValues: defaults,
    draftKey: `service-case:${stationId}`,
    onSuccess: (data) => router.push(`/service-stations/cases/${(data as { id: string }).id}`),
  });
  const { register, watch, setValue } = form;
  const channel = watch("channel");
  const bundleId = watch("bundleId");
  const itemIds = watch("itemIds") ?? [];
  const bundleItems = useMemo(() => new Set(bundles.find((b) => b.id === bundleId)?.itemIds ?? []), [bundles, bundleId]);
  const chosen = new Set([...bundleItems, ...itemIds]);
  const usual = items.filter((i) => chosen.has(i.id)).reduce((s, i) => s + i.usualMinutes, 0);
  const departments = [...new Set(items.filter((i) => chosen.has(i.id) && i.department).map((i) => i.department))];

  const switchMode = (next: "existing" | "new") => {
    setMode(next);
    if (next === "new") {
      setValue("enterpriseId", "");
      setPicked(null);
      setValue("newEnterprise", emptyEnterprise(defaultUnitId));
    } else {
      setValue("newEnterprise", null);
    }
  };
  const pick = (m: RegisterMatch | null) => {
    setPicked(m);
    setValue("enterpriseId", m?.id ?? "", { shouldValidate: form.formState.isSubmitted });
  };
  /** The credit code is registered already: look it up and pick that enterprise instead. */
  const pickRegistered = async () => {
    const code = form.getValues("newEnterprise.creditCode") ?? "";
    const r = await searchCaseEnterprisesAction({ q: code.replace(/\s/g, "").toUpperCase() }).catch(() => null);
    const match = r?.ok ? r.data[0] : undefined;
    if (!match) return;
    switchMode("existing");
    pick(match);
    form.clearErrors();
  };
  const toggleItem = (id: string) => {
    const next = itemIds.includes(id) ? itemIds.filter((x) => x !== id) : [...itemIds, id];
    setValue("itemIds", next, { shouldValidate: form.formState.isSubmitted });
  };
  const q = filter.trim().toLowerCase();
  const visible = (i: Item) => !q || i.name.toLowerCase().includes(q) || i.code.toLowerCase().includes(q) || i.category.toLowerCase().includes(q) || i.department.toLowerCase().includes(q);
  const creditError = errorOf("newEnterprise.creditCode");
  const kinds = [["STAFFED", items.filter((i) => i.kind === "STAFFED")], ["SELF_SERVICE", items.filter((i) => i.kind === "SELF_SERVICE")]] as const;

  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={tForm("submit")} label={t("newCase")} draftRestored={draftRestored} onDiscardDraft={discardDraft}>
      <input type="hidden" {...register("stationId")} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("channel")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {CASE_CHANNELS.map((c) => (
            <label key={c} className={cn("flex min-h-11 items-center gap-2 rounded-md border px-3 text-sm", channel === c ? "border-brand-600 bg-brand-50" : "border-slate-300")}>
              <input type="radio" value={c} className="size-5" {...register("channel")} />
              {t(`channels.${c}`)}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">{channel === "WALK_IN" ? tForm("walkInHint") : tForm("appointmentHint")}</p>
      </fieldset>
      {channel === "APPOINTMENT" ? (
        <Field id="case-scheduledAt" label={tForm("scheduledAt")} error={errorOf("scheduledAt")} required>
          {(p) => <Input {...p} type="datetime-local" {...register("scheduledAt")} />}
        </Field>
      ) : null}

      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-700">{tForm("enterprise")}</legend>
        {mayRegister ? (
          <div className="grid grid-cols-2 gap-2" role="group" aria-label={tForm("enterpriseMode")}>
            {(["existing", "new"] as const).map((m) => (
              <Button key={m} variant={mode === m ? "primary" : "secondary"} onClick={() => switchMode(m)} aria-pressed={mode === m}>{tForm(`mode.${m}`)}</Button>
            ))}
          </div>
        ) : null}
        {mode === "existing" ? (
          <div className="space-y-1">
            <label htmlFor="case-enterprise" className="block text-sm font-medium text-slate-700">{tForm("searchEnterprise")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></label>
            <RegisterSearch
              inputId="case-enterprise" selected={picked} onSelect={pick} error={errorOf("enterpriseId")}
              search={(text) => searchCaseEnterprisesAction({ q: text })}
              labels={{ placeholder: tForm("searchPlaceholder"), searching: tForm("searching"), noMatch: tForm("noMatch"), change: tForm("change") }}
            />
          </div>
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="ne-name" label={tReg("enterpriseName")} error={errorOf("newEnterprise.name")} required>{(p) => <Input {...p} autoComplete="off" {...register("newEnterprise.name")} />}</Field>
            <div className="space-y-2">
              <Field id="ne-credit" label={tReg("creditCode")} error={creditError} required>{(p) => <Input {...p} autoComplete="off" {...register("newEnterprise.creditCode")} />}</Field>
              {creditError && errorOf(REGISTERED_ENTERPRISE_FIELD) ? <Button variant="secondary" onClick={pickRegistered}>{tForm("useRegistered")}</Button> : null}
            </div>
            <Field id="ne-unit" label={tForm("enterpriseUnit")} error={errorOf("newEnterprise.orgUnitId")} required>
              {(p) => (
                <Select {...p} {...register("newEnterprise.orgUnitId")}>
                  {units.map((u) => <option key={u.id} value={u.id}>{indentedName(u)}</option>)}
                </Select>
              )}
            </Field>
            <Field id="ne-size" label={tReg("size")} error={errorOf("newEnterprise.size")}>
              {(p) => <Select {...p} {...register("newEnterprise.size")}>{ENTERPRISE_SIZES.map((s) => <option key={s} value={s}>{tReg(`sizes.${s}`)}</option>)}</Select>}
            </Field>
            <Field id="ne-address" label={tReg("address")} error={errorOf("newEnterprise.address")} className="sm:col-span-2">{(p) => <Input {...p} autoComplete="off" {...register("newEnterprise.address")} />}</Field>
            <Field id="ne-industry" label={tReg("industry")} error={errorOf("newEnterprise.industry")}>{(p) => <Input {...p} autoComplete="off" {...register("newEnterprise.industry")} />}</Field>
            <Field id="ne-contact" label={tReg("contactName")} error={errorOf("newEnterprise.contactName")}>{(p) => <Input {...p} autoComplete="off" {...register("newEnterprise.contactName")} />}</Field>
            <Field id="ne-phone" label={tReg("contactPhone")} error={errorOf("newEnterprise.contactPhone")}>{(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" {...register("newEnterprise.contactPhone")} />}</Field>
          </div>
        )}
      </fieldset>

      <Field id="case-bundle" label={tForm("bundle")} error={errorOf("bundleId")} hint={tForm("bundleHint")}>
        {(p) => (
          <Select {...p} {...register("bundleId")}>
            <option value="">{tForm("noBundle")}</option>
            {bundles.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </Select>
        )}
      </Field>

      <fieldset className="space-y-2" aria-invalid={!!errorOf("itemIds")} aria-describedby={errorOf("itemIds") ? "case-items-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">{tForm("items")}</legend>
        <p className="text-sm text-slate-600" aria-live="polite">{tForm("chosenLine", { n: chosen.size, minutes: usual })}{departments.length ? ` · ${tForm("departmentsLine", { departments: departments.join("、") })}` : ""}</p>
        <Input id="case-item-filter" aria-label={tForm("filterItems")} placeholder={tForm("filterItems")} value={filter} onChange={(e) => setFilter(e.target.value)} className={controlClass} />
        {errorOf("itemIds") ? <p id="case-items-error" className="text-sm text-red-700">{errorOf("itemIds")}</p> : null}
        {kinds.map(([kind, list]) => (
          <details key={kind} open={kind === "STAFFED" || !!q} className="rounded-md border border-slate-200">
            <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-medium text-slate-800">{tForm(`kinds.${kind}`, { n: list.length })}</summary>
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {list.filter(visible).map((i) => {
                const inBundle = bundleItems.has(i.id);
                return (
                  <li key={i.id}>
                    <label className="flex min-h-11 items-start gap-3 px-3 py-2 text-sm">
                      <input type="checkbox" className="mt-0.5 size-5 shrink-0" checked={inBundle || itemIds.includes(i.id)} disabled={inBundle} onChange={() => toggleItem(i.id)} />
                      <span className="min-w-0">
                        <span className="text-slate-900">{i.name}</span>
                        <span className="block text-xs text-slate-500">{[i.code, i.department, inBundle ? tForm("inBundle") : null].filter(Boolean).join(" · ")}</span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </details>
        ))}
      </fieldset>

      <Field id="case-visitor" label={tForm("visitorName")} error={errorOf("visitorName")}>{(p) => <Input {...p} autoComplete="off" {...register("visitorName")} />}</Field>
      <Field id="case-request" label={tForm("request")} error={errorOf("request")}>{(p) => <Textarea {...p} rows={3} limit={2000} {...register("request")} />}</Field>
    </FormShell>
  );
}
