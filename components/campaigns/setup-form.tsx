"use client";
// The campaign's whole configuration in one form: participating officers (each with an
// optional mentor), assigned villages/communities/grids, the visit checklist and the
// frequency rules. Saved as a set, conditional on the programme's version.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray, useWatch } from "react-hook-form";
import { saveCampaignSetupAction } from "@/lib/visits/campaigns/actions";
import { FREQUENCY_PERIODS, FREQUENCY_RULE_KINDS, type CampaignSetupFormValues, saveCampaignSetupContract } from "@/lib/visits/campaigns/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion } from "@/components/forms/use-version";
import { Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PROBLEM_DUE_DAYS_MAX } from "@/lib/visits/campaigns/settings";

type Person = { id: string; name: string; role: string; orgUnitName: string };
type Unit = { id: string; name: string; kind: string; level: number };
type Initial = {
  participants: { officerId: string; mentorId: string }[];
  assignments: { orgUnitId: string; officerId: string }[];
  checkItems: { id: string; label: string; active: boolean }[];
  rules: { kind: (typeof FREQUENCY_RULE_KINDS)[number]; period: (typeof FREQUENCY_PERIODS)[number]; minVisits: string; dueSoonDays: string }[];
  problemDueDays: string;
};

export function CampaignSetupForm({ programmeId, version, people, units, initial }: { programmeId: string; version: number; people: Person[]; units: Unit[]; initial: Initial }) {
  const t = useTranslations("campaigns");
  const tc = useTranslations("common");
  const router = useRouter();
  const defaults: CampaignSetupFormValues = { programmeId, version, ...initial };
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(saveCampaignSetupContract, saveCampaignSetupAction, {
    defaultValues: defaults,
    onSuccess: (data) => {
      // The form stays mounted on the same page: its next save carries the version this one returned.
      keepVersion(programmeId, data, (v) => form.setValue("version", v));
      router.replace(`/campaigns/${programmeId}/setup?notice=saved`);
      router.refresh();
    },
  });
  const { register, control, setValue } = form;
  const participants = useFieldArray({ control, name: "participants" });
  const checkItems = useFieldArray({ control, name: "checkItems" });
  const rules = useFieldArray({ control, name: "rules" });
  const assignments = (useWatch({ control, name: "assignments" }) ?? []) as { orgUnitId: string; officerId: string | null }[];
  const assigned = new Set(assignments.map((a) => a.orgUnitId));
  const toggleUnit = (id: string, on: boolean) => {
    const next = on ? [...assignments, { orgUnitId: id, officerId: "" }] : assignments.filter((a) => a.orgUnitId !== id);
    setValue("assignments", next, { shouldDirty: true });
  };
  const personLabel = (p: Person) => `${p.name}（${p.orgUnitName}）`;
  const assignmentError = assignments.map((_, i) => errorOf(`assignments.${i}.orgUnitId`)).find(Boolean);

  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("setup.submit")} label={t("setup.title")}>
      <Card title={t("setup.participants")}>
        <p className="mb-3 text-sm text-slate-600">{t("setup.participantsHint")}</p>
        {participants.fields.length === 0 ? <p className="mb-3 text-sm text-slate-500">{t("setup.noParticipants")}</p> : null}
        <ol className="space-y-3">
          {participants.fields.map((f, i) => (
            <li key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              <Field id={`p-${i}-officer`} label={t("setup.officer")} error={errorOf(`participants.${i}.officerId`)} required>
                {(p) => (
                  <Select {...p} {...register(`participants.${i}.officerId`)}>
                    <option value="">{t("setup.choosePerson")}</option>
                    {people.map((person) => <option key={person.id} value={person.id}>{personLabel(person)}</option>)}
                  </Select>
                )}
              </Field>
              <Field id={`p-${i}-mentor`} label={t("setup.mentor")} error={errorOf(`participants.${i}.mentorId`)}>
                {(p) => (
                  <Select {...p} {...register(`participants.${i}.mentorId`)}>
                    <option value="">{t("setup.noMentor")}</option>
                    {people.map((person) => <option key={person.id} value={person.id}>{personLabel(person)}</option>)}
                  </Select>
                )}
              </Field>
              <Button variant="secondary" onClick={() => participants.remove(i)} aria-label={t("setup.removeParticipant", { n: i + 1 })}>{tc("remove")}</Button>
            </li>
          ))}
        </ol>
        <Button variant="secondary" className="mt-3" onClick={() => participants.append({ officerId: "", mentorId: "" })}>{t("setup.addParticipant")}</Button>
      </Card>

      <Card title={t("setup.assignments")}>
        <fieldset aria-describedby="assignments-hint">
          <legend className="sr-only">{t("setup.assignments")}</legend>
          <p id="assignments-hint" className="mb-3 text-sm text-slate-600">{t("setup.assignmentsHint", { count: assigned.size })}</p>
          {assignmentError ? <p className="mb-2 text-sm text-red-700" role="alert">{assignmentError}</p> : null}
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {units.map((u) => (
              <li key={u.id} className={u.level === 0 ? "sm:col-span-2 lg:col-span-3" : undefined}>
                <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 hover:bg-slate-50">
                  <input type="checkbox" className="h-5 w-5 accent-brand-700" checked={assigned.has(u.id)} onChange={(e) => toggleUnit(u.id, e.target.checked)} />
                  <span className="text-sm text-slate-900">{u.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </Card>

      <Card title={t("setup.checklist")}>
        <p className="mb-3 text-sm text-slate-600">{t("setup.checklistHint")}</p>
        <ol className="space-y-2">
          {checkItems.fields.map((f, i) => {
            // Items already saved are only deactivated (visits refer to them); new ones can go.
            const isNew = !form.getValues(`checkItems.${i}.id`);
            return (
              <li key={f.id} className="flex flex-wrap items-end gap-2 rounded-md border border-slate-200 p-2">
                <Field id={`c-${i}-label`} label={t("setup.itemLabel", { n: i + 1 })} error={errorOf(`checkItems.${i}.label`)} className="min-w-[12rem] flex-1">
                  {(p) => <Input {...p} {...register(`checkItems.${i}.label`)} />}
                </Field>
                <label className="flex min-h-11 items-center gap-2 px-1 text-sm">
                  <input type="checkbox" className="h-5 w-5 accent-brand-700" {...register(`checkItems.${i}.active`)} />
                  {t("setup.itemActive")}
                </label>
                <div className="flex gap-1">
                  <Button variant="secondary" className="w-11 px-0" disabled={i === 0} onClick={() => checkItems.move(i, i - 1)} aria-label={t("setup.moveUp", { n: i + 1 })}>↑</Button>
                  <Button variant="secondary" className="w-11 px-0" disabled={i === checkItems.fields.length - 1} onClick={() => checkItems.move(i, i + 1)} aria-label={t("setup.moveDown", { n: i + 1 })}>↓</Button>
                  {isNew ? <Button variant="secondary" onClick={() => checkItems.remove(i)}>{tc("remove")}</Button> : null}
                </div>
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" className="mt-3" onClick={() => checkItems.append({ id: "", label: "", active: true })}>{t("setup.addItem")}</Button>
      </Card>

      <Card title={t("setup.rules")}>
        <p className="mb-3 text-sm text-slate-600">{t("setup.rulesHint")}</p>
        {rules.fields.length === 0 ? <p className="mb-3 text-sm text-slate-500">{t("setup.noRules")}</p> : null}
        <ol className="space-y-3">
          {rules.fields.map((f, i) => (
            <li key={f.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
              <Field id={`r-${i}-kind`} label={t("setup.ruleKind")} error={errorOf(`rules.${i}.kind`)} required className="sm:col-span-2 lg:col-span-1">
                {(p) => (
                  <Select {...p} {...register(`rules.${i}.kind`)}>
                    {FREQUENCY_RULE_KINDS.map((k) => <option key={k} value={k}>{t(`ruleKinds.${k}`)}</option>)}
                  </Select>
                )}
              </Field>
              <Field id={`r-${i}-period`} label={t("setup.rulePeriod")} error={errorOf(`rules.${i}.period`)} required>
                {(p) => (
                  <Select {...p} {...register(`rules.${i}.period`)}>
                    {FREQUENCY_PERIODS.map((k) => <option key={k} value={k}>{t(`periods.${k}`)}</option>)}
                  </Select>
                )}
              </Field>
              <Field id={`r-${i}-min`} label={t("setup.ruleMin")} error={errorOf(`rules.${i}.minVisits`)} required>
                {(p) => <Input {...p} type="number" inputMode="numeric" min={1} {...register(`rules.${i}.minVisits`)} />}
              </Field>
              <Field id={`r-${i}-soon`} label={t("setup.ruleDueSoon")} error={errorOf(`rules.${i}.dueSoonDays`)} required>
                {(p) => <Input {...p} type="number" inputMode="numeric" min={0} {...register(`rules.${i}.dueSoonDays`)} />}
              </Field>
              <Button variant="secondary" onClick={() => rules.remove(i)} aria-label={t("setup.removeRule", { n: i + 1 })}>{tc("remove")}</Button>
            </li>
          ))}
        </ol>
        <Button variant="secondary" className="mt-3" onClick={() => rules.append({ kind: "OFFICER_ANY", period: "WEEK", minVisits: "1", dueSoonDays: "2" })}>{t("setup.addRule")}</Button>
      </Card>

      <Card title={t("setup.problems")}>
        <Field id="setup-problem-due-days" label={t("setup.problemDueDays")} hint={t("setup.problemDueDaysHint")} error={errorOf("problemDueDays")} required className="max-w-xs">
          {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={PROBLEM_DUE_DAYS_MAX} {...register("problemDueDays")} />}
        </Field>
      </Card>
    </FormShell>
  );
}
