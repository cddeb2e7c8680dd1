"use client";
// One catalogue item (人工 / 自助): code, kind, name, category, responsible department, documents
// needed, the station's standard time and the usual time without the station (time saved is
// measured against it). Editing can switch the item off (停用) or on again.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { bindAction } from "@/lib/platform/contract";
import { createItemAction, updateItemAction } from "@/lib/service-stations/catalogue-actions";
import { createItemContract, SERVICE_ITEM_KINDS, updateItemContract, type ItemFormValues } from "@/lib/service-stations/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { LinkButton } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

type Values = Omit<ItemFormValues, "stationId"> & { stationId?: string; id?: string; version?: number; active?: boolean };

export function ItemForm({ stationId, categories, departments, edit }: {
  stationId: string;
  categories: string[];
  departments: string[];
  edit?: Values & { id: string; version: number; active: boolean };
}) {
  const t = useTranslations("serviceStation.catalogue");
  const router = useRouter();
  const back = `/service-stations/${stationId}/catalogue`;
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm<Values, { id: string }>(
    edit ? bindAction(updateItemContract, updateItemAction) : bindAction(createItemContract, createItemAction),
    {
      defaultValues: edit
        ? { ...edit, stationId: undefined }
        : { stationId, code: "", kind: "STAFFED", name: "", category: "", department: "", documentsNeeded: "", standardMinutes: "", usualMinutes: "", sortOrder: 0 },
      draftKey: edit ? undefined : `service-item-new:${stationId}`,
      onSuccess: () => router.push(back),
    },
  );
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={edit ? t("save") : t("create")} label={edit ? t("editItem") : t("newItem")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft} secondary={<LinkButton href={back} variant="ghost">{t("cancel")}</LinkButton>}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="item-code" label={t("fields.code")} error={errorOf("code")} required hint={t("codeHint")}>{(p) => <Input {...p} autoCapitalize="characters" {...register("code")} />}</Field>
        <Field id="item-kind" label={t("fields.kind")} error={errorOf("kind")} required>
          {(p) => <Select {...p} {...register("kind")}>{SERVICE_ITEM_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}</Select>}
        </Field>
      </div>
      <Field id="item-name" label={t("fields.name")} error={errorOf("name")} required>{(p) => <Input {...p} limit={100} {...register("name")} />}</Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="item-category" label={t("fields.category")} error={errorOf("category")}>{(p) => <Input {...p} list="item-categories" {...register("category")} />}</Field>
        <Field id="item-department" label={t("fields.department")} error={errorOf("department")} hint={t("departmentHint")}>{(p) => <Input {...p} list="item-departments" {...register("department")} />}</Field>
      </div>
      <datalist id="item-categories">{categories.map((c) => <option key={c} value={c} />)}</datalist>
      <datalist id="item-departments">{departments.map((d) => <option key={d} value={d} />)}</datalist>
      <Field id="item-documents" label={t("fields.documentsNeeded")} error={errorOf("documentsNeeded")}>{(p) => <Textarea {...p} limit={1000} {...register("documentsNeeded")} />}</Field>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Field id="item-standard" label={t("fields.standardMinutes")} error={errorOf("standardMinutes")} required>{(p) => <Input {...p} type="number" inputMode="numeric" min={0} {...register("standardMinutes")} />}</Field>
        <Field id="item-usual" label={t("fields.usualMinutes")} error={errorOf("usualMinutes")} required hint={t("usualHint")}>{(p) => <Input {...p} type="number" inputMode="numeric" min={0} {...register("usualMinutes")} />}</Field>
        <Field id="item-sort" label={t("fields.sortOrder")} error={errorOf("sortOrder")}>{(p) => <Input {...p} type="number" inputMode="numeric" min={0} {...register("sortOrder")} />}</Field>
      </div>
      {edit ? (
        <div>
          <label className="inline-flex min-h-11 items-center gap-2 text-base">
            <input type="checkbox" className="h-5 w-5" aria-invalid={!!errorOf("active")} aria-describedby={errorOf("active") ? "item-active-error" : undefined} {...register("active")} />
            {t("activeLabel")}
          </label>
          {/* Switching off an item an active 一类事 holds is refused; the reason names the bundles. */}
          {errorOf("active") ? <p id="item-active-error" className="text-sm text-red-700">{errorOf("active")}</p> : null}
        </div>
      ) : null}
    </FormShell>
  );
}
