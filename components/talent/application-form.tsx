"use client";
// Prepare an application for points (phone first): whose points, then one line per scoring
// item with its level. Points shown here are only a preview from the rule table; the server
// computes them again. The unsent form is kept as a local draft.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray, useWatch } from "react-hook-form";
import { createApplicationAction, updateApplicationAction } from "@/lib/talent/points/application-actions";
import { createApplicationContract, updateApplicationContract, type CreateApplicationInput } from "@/lib/talent/points/schemas";
import { bindAction } from "@/lib/platform/contract";
import { linePoints, type Level } from "@/lib/talent/points/rules";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";

export type ItemOption = { id: string; subject: "TALENT" | "ENTERPRISE"; name: string; levels: Level[]; capPerYear: number | null; capPerItem: number | null; evidenceTypes: string[] };

type EditLine = { itemId: string; levelCode: string; quantity: number; note: string };

export function ApplicationForm({ items, talents, enterprises, defaults, edit }: {
  items: ItemOption[]; talents: { id: string; name: string; enterpriseName: string }[]; enterprises: { id: string; name: string }[];
  defaults: { subject: "TALENT" | "ENTERPRISE"; talentId: string; enterpriseId: string };
  /** Editing the lines of a draft or returned application. */
  edit?: { id: string; version: number; lines: EditLine[] };
}) {
  const t = useTranslations("points.apply");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm<CreateApplicationInput, { id: string }>(
    edit ? bindAction(updateApplicationContract, updateApplicationAction) : bindAction(createApplicationContract, createApplicationAction), {
    draftKey: edit ? `talent-application-edit:${edit.id}:${edit.version}` : `talent-application-draft:${defaults.talentId || defaults.enterpriseId || "new"}`,
    defaultValues: (edit ? { id: edit.id, version: edit.version, lines: edit.lines } : { ...defaults, lines: [{ itemId: "", levelCode: "", quantity: 1, note: "" }] }) as CreateApplicationInput,
    onSuccess: (data) => router.push(`/talent/applications/${edit?.id ?? data.id}`),
  });
  const { register, control, setValue } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const subject = useWatch({ control, name: "subject" }) ?? defaults.subject;
  const lines = useWatch({ control, name: "lines" }) ?? [];
  const subjectItems = items.filter((i) => i.subject === subject);
  const preview = lines.reduce((sum, l) => {
    const item = items.find((i) => i.id === l?.itemId);
    return sum + (item ? (linePoints(item.levels, l.levelCode ?? "", Number(l.quantity) || 1) ?? 0) : 0);
  }, 0);

  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={edit ? t("saveLines") : t("saveDraft")} label={t("title")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft}
      secondary={<LinkButton href={edit ? `/talent/applications/${edit.id}` : "/talent/applications"} variant="ghost">{t("cancel")}</LinkButton>}>
      {edit ? null : (<>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("subject")}</legend>
        {(["TALENT", "ENTERPRISE"] as const).map((s) => (
          <label key={s} className="inline-flex min-h-11 items-center gap-2 text-base">
            <input type="radio" value={s} {...register("subject", { onChange: () => setValue("lines", [{ itemId: "", levelCode: "", quantity: 1, note: "" }]) })} className="h-5 w-5" />
            {t(`subjects.${s}`)}
          </label>
        ))}
      </fieldset>
      {subject === "TALENT" ? (
        <Field id="talentId" label={t("talent")} error={errorOf("talentId")} required>
          {(p) => (
            <Select {...p} {...register("talentId")}>
              <option value="">{t("choose")}</option>
              {talents.map((x) => <option key={x.id} value={x.id}>{`${x.name}（${x.enterpriseName}）`}</option>)}
            </Select>
          )}
        </Field>
      ) : (
        <Field id="enterpriseId" label={t("enterprise")} error={errorOf("enterpriseId")} required>
          {(p) => (
            <Select {...p} {...register("enterpriseId")}>
              <option value="">{t("choose")}</option>
              {enterprises.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </Select>
          )}
        </Field>
      )}
      </>)}

      <div className="space-y-3">
        <h2 className="text-base font-semibold text-slate-800">{t("lines")}</h2>
        {errorOf("lines") ? <p className="text-sm text-red-700">{errorOf("lines")}</p> : null}
        {fields.map((f, i) => {
          const item = items.find((x) => x.id === lines[i]?.itemId);
          const pts = item ? linePoints(item.levels, lines[i]?.levelCode ?? "", Number(lines[i]?.quantity) || 1) : null;
          return (
            <div key={f.id} className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="application-line">
              <div className="grid gap-3 sm:grid-cols-[2fr_2fr_1fr]">
                <Field id={`lines.${i}.itemId`} label={t("item")} error={errorOf(`lines.${i}.itemId`)} required>
                  {(p) => (
                    <Select {...p} {...register(`lines.${i}.itemId`, { onChange: () => setValue(`lines.${i}.levelCode`, "") })}>
                      <option value="">{t("choose")}</option>
                      {subjectItems.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                    </Select>
                  )}
                </Field>
                <Field id={`lines.${i}.levelCode`} label={t("level")} error={errorOf(`lines.${i}.levelCode`)} required>
                  {(p) => (
                    <Select {...p} {...register(`lines.${i}.levelCode`)} disabled={!item}>
                      <option value="">{t("choose")}</option>
                      {(item?.levels ?? []).map((l) => <option key={l.code} value={l.code}>{t("levelOption", { label: l.label, points: l.points })}</option>)}
                    </Select>
                  )}
                </Field>
                <Field id={`lines.${i}.quantity`} label={t("quantity")} error={errorOf(`lines.${i}.quantity`)}>
                  {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={999} {...register(`lines.${i}.quantity`)} />}
                </Field>
              </div>
              <Field id={`lines.${i}.note`} label={t("note")} error={errorOf(`lines.${i}.note`)} className="mt-3">
                {(p) => <Input {...p} {...register(`lines.${i}.note`)} />}
              </Field>
              <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
                <span>
                  {pts !== null ? t("linePreview", { points: pts }) : t("chooseLevel")}
                  {item?.capPerYear != null ? ` · ${t("capYear", { cap: item.capPerYear })}` : ""}
                  {item?.evidenceTypes.length ? ` · ${t("evidenceNeeded", { types: item.evidenceTypes.join("、") })}` : ""}
                </span>
                {fields.length > 1 ? <Button variant="ghost" size="sm" onClick={() => remove(i)}>{t("removeLine")}</Button> : null}
              </div>
            </div>
          );
        })}
        <Button variant="secondary" onClick={() => append({ itemId: "", levelCode: "", quantity: 1, note: "" })} disabled={fields.length >= 20}>{t("addLine")}</Button>
        <p className="text-base font-medium text-slate-800">{t("totalPreview", { points: preview })}</p>
        <p className="text-sm text-slate-500">{t("nextStep")}</p>
      </div>
    </FormShell>
  );
}
