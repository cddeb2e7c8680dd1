"use client";
// A "一类事" bundle: code, name, description and the catalogue items handled together (at least
// two active items of this station). The departments it needs and its times add up as items are
// ticked; a search box narrows the long self-service list on a phone.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { bindAction } from "@/lib/platform/contract";
import { createBundleAction, updateBundleAction } from "@/lib/service-stations/catalogue-actions";
import { createBundleContract, updateBundleContract } from "@/lib/service-stations/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { LinkButton } from "@/components/ui/button";
import { controlClass, Field, Input, Textarea } from "@/components/ui/field";

export type BundleItemOption = { id: string; code: string; kind: "STAFFED" | "SELF_SERVICE"; name: string; department: string; standardMinutes: number; usualMinutes: number };

type Values = { stationId?: string; id?: string; version?: number; code: string; name: string; description: string; itemIds: string[]; active?: boolean };

export function BundleForm({ stationId, items, edit }: {
  stationId: string;
  items: BundleItemOption[];
  edit?: { id: string; version: number; code: string; name: string; description: string; itemIds: string[]; active: boolean };
}) {
  const t = useTranslations("serviceStation.bundles");
  const tc = useTranslations("serviceStation.catalogue");
  const router = useRouter();
  const back = `/service-stations/${stationId}/bundles`;
  const [q, setQ] = useState("");
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm<Values, { id: string }>(
    edit ? bindAction(updateBundleContract, updateBundleAction) : bindAction(createBundleContract, createBundleAction),
    {
      defaultValues: edit ? { ...edit } : { stationId, code: "", name: "", description: "", itemIds: [] },
      draftKey: edit ? undefined : `service-bundle-new:${stationId}`,
      onSuccess: () => router.push(back),
    },
  );
  const { register, control, setValue } = form;
  const chosen: string[] = useWatch({ control, name: "itemIds" }) ?? [];
  const picked = chosen.map((id) => items.find((i) => i.id === id)).filter((i): i is BundleItemOption => !!i);
  const departments = [...new Set(picked.map((i) => i.department).filter(Boolean))];
  const sum = (k: "standardMinutes" | "usualMinutes") => picked.reduce((s, i) => s + i[k], 0);
  const needle = q.trim().toLowerCase();
  const shown = items.filter((i) => chosen.includes(i.id) || !needle || `${i.code} ${i.name} ${i.department}`.toLowerCase().includes(needle));
  const toggle = (id: string, on: boolean) =>
    setValue("itemIds", on ? [...chosen, id] : chosen.filter((x) => x !== id), { shouldValidate: form.formState.isSubmitted, shouldDirty: true });
  const itemsError = errorOf("itemIds");

  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={edit ? t("save") : t("create")} label={edit ? t("editBundle") : t("newBundle")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft} secondary={<LinkButton href={back} variant="ghost">{t("cancel")}</LinkButton>}>
      <div className="grid gap-3 sm:grid-cols-[12rem_1fr]">
        <Field id="bundle-code" label={t("fields.code")} error={errorOf("code")} required>{(p) => <Input {...p} autoCapitalize="characters" {...register("code")} />}</Field>
        <Field id="bundle-name" label={t("fields.name")} error={errorOf("name")} required hint={t("nameHint")}>{(p) => <Input {...p} limit={60} {...register("name")} />}</Field>
      </div>
      <Field id="bundle-description" label={t("fields.description")} error={errorOf("description")}>{(p) => <Textarea {...p} limit={500} {...register("description")} />}</Field>

      <fieldset className="space-y-2" aria-invalid={!!itemsError} aria-describedby={itemsError ? "bundle-items-error" : undefined} tabIndex={itemsError ? -1 : undefined}>
        <legend className="text-sm font-medium text-slate-700">{t("fields.items")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></legend>
        <p className="text-sm text-slate-600" role="status">
          {t("pickedSummary", { count: picked.length, standard: sum("standardMinutes"), usual: sum("usualMinutes") })}
          {departments.length ? ` · ${t("departmentsLine", { departments: departments.join("、") })}` : ""}
        </p>
        {itemsError ? <p id="bundle-items-error" className="text-sm text-red-700">{itemsError}</p> : null}
        <label htmlFor="bundle-item-search" className="sr-only">{t("searchItems")}</label>
        <Input id="bundle-item-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t("searchItems")} className={controlClass} />
        <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
          {shown.map((i) => (
            <li key={i.id}>
              <label className="flex min-h-11 cursor-pointer items-start gap-3 px-3 py-2 hover:bg-slate-50">
                <input type="checkbox" className="mt-0.5 h-5 w-5 shrink-0" checked={chosen.includes(i.id)} onChange={(e) => toggle(i.id, e.target.checked)} />
                <span className="min-w-0">
                  <span className="block break-words text-base text-slate-900">{i.name}</span>
                  <span className="block text-xs text-slate-500">
                    {i.code} · {tc(`kindShort.${i.kind}`)}{i.department ? ` · ${i.department}` : ""} · {tc("minutesPair", { standard: i.standardMinutes, usual: i.usualMinutes })}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {edit ? (
        <label className="inline-flex min-h-11 items-center gap-2 text-base">
          <input type="checkbox" className="h-5 w-5" {...register("active")} />
          {t("activeLabel")}
        </label>
      ) : null}
    </FormShell>
  );
}
