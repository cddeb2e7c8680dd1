"use client";
// The one programme form, for creating and for editing. Indicators and their targets are
// nested field arrays; every repeated input has a label naming its position ("指标名称 1",
// "目标值 1-2") so screen readers and tests can tell them apart, and server errors keyed by
// dotted paths ("indicators.0.targets.1.period") land on the input they belong to.
import { useMemo, useState, type ComponentProps } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useController, useFieldArray, useWatch, type Control, type UseFormReturn } from "react-hook-form";
import { bindAction } from "@/lib/platform/contract";
import { createProgrammeAction, updateProgrammeAction } from "@/lib/programmes/actions";
import { createProgrammeContract, updateProgrammeContract } from "@/lib/programmes/schemas";
import { PROGRAMME_TYPES, type IndicatorCatalogue } from "@/lib/programmes/catalogue";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { rememberVersion } from "@/components/forms/use-version";
import { Field, Input, Select, Textarea, controlClass } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

export type UnitOption = { id: string; name: string; level: number; /** Referenced by the programme but not offered (inactive or outside the user's scope). */ unavailable?: boolean };

type TargetValues = { orgUnitId: string; period: string; value: number | undefined };
type IndicatorValues = { code: string; name: string; unit: string; targets: TargetValues[] };
export type ProgrammeFormValues = {
  id?: string;
  version?: number;
  /** Create only. */
  type?: string;
  name: string;
  description: string;
  startDate: string;
  endDate: string;
  orgUnitId: string;
  participantIds: string[];
  indicators: IndicatorValues[];
};

// The action schemas run in the browser too, on the raw values (useActionForm submits what
// the user typed). The type is fixed at creation: edit forms carry no `type` value at all,
// since the update schema rejects unknown keys; the fixed type comes in as a prop.

export const NEW_PROGRAMME_DRAFT_KEY = "draft:programme:new";

/** "" (an empty number input) stays undefined so the schema reports it instead of reading 0. */
const toNumber = (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v));

/** Ids of the unit and everything below it: options come in tree order with levels. */
function subtreeIds(options: UnitOption[], rootId: string): string[] {
  const start = options.findIndex((o) => o.id === rootId);
  if (start < 0) return [rootId];
  const out = [rootId];
  for (let i = start + 1; i < options.length && options[i].level > options[start].level && !options[i].unavailable; i++) out.push(options[i].id);
  return out;
}

/** Nothing picked yet: say so, rather than zod's "too short" for an empty id. */
function useUnitError() {
  const t = useTranslations("programmes");
  return (error: string | undefined, value: string | undefined) => (error && !value ? t("chooseUnit") : error);
}

function unitLabel(o: UnitOption, suffix: string) {
  // Full-width spaces indent the tree inside a native <select> (padding is ignored there).
  return `${"\u3000".repeat(o.level)}${o.name}${o.unavailable ? suffix : ""}`;
}

/**
 * Repeated inputs show a short visible label ("目标值") but are named with their position
 * ("目标值 1-2") through aria-label, so screen readers and tests (getByLabel, exact or not)
 * can tell them apart.
 */
const indexed = (text: string, index: string) => `${text} ${index}`;

function IndexedField({ ariaName, children, ...rest }: ComponentProps<typeof Field> & { ariaName: string }) {
  return <Field {...rest}>{(p) => children({ ...p, "aria-label": ariaName } as typeof p)}</Field>;
}

type Props =
  | { mode: "create"; units: UnitOption[]; defaultValues: ProgrammeFormValues; programmeType?: undefined; catalogue: IndicatorCatalogue }
  | { mode: "edit"; units: UnitOption[]; defaultValues: ProgrammeFormValues; /** Fixed at creation. */ programmeType: string; catalogue: IndicatorCatalogue };

/** `catalogue`: the suggested indicators per type, from the programme registry (server-only: the page passes it). */
export function ProgrammeForm({ mode, units, defaultValues, programmeType, catalogue }: Props) {
  const t = useTranslations("programmes");
  const tc = useTranslations("common");
  const tTypes = useTranslations("programmeTypes");
  const router = useRouter();
  const editing = mode === "edit";

  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm<ProgrammeFormValues, { id?: string; version?: number }>(
    editing ? bindAction(updateProgrammeContract, updateProgrammeAction) : bindAction(createProgrammeContract, createProgrammeAction), {
    defaultValues,
    draftKey: editing ? undefined : NEW_PROGRAMME_DRAFT_KEY,
    onSuccess: (data) => {
      const id = data?.id ?? defaultValues.id;
      // The programme's page (status button, settings) sends this version even before it re-renders.
      if (editing && id) rememberVersion(id, data);
      if (id) router.push(`/programmes/${id}?notice=${editing ? "updated" : "created"}`);
      else router.push("/programmes");
    },
  });
  const { register, control } = form;
  const unitError = useUnitError();

  // Adding an indicator or target re-validates the whole list (react-hook-form does that for
  // field arrays): do not greet a fresh, untouched row with "必填" before the first submit.
  const nestedError = (path: string) => {
    const { isTouched } = form.getFieldState(path as never, form.formState);
    return isTouched || form.formState.isSubmitted ? errorOf(path) : undefined;
  };

  return (
    <FormShell
      onSubmit={onSubmit}
      rootError={rootError}
      pending={pending}
      submitLabel={tc("save")}
      label={editing ? t("edit") : t("new")}
      draftRestored={draftRestored}
      onDiscardDraft={discardDraft}
      secondary={
        <LinkButton href={editing && defaultValues.id ? `/programmes/${defaultValues.id}` : "/programmes"} variant="secondary">
          {tc("cancel")}
        </LinkButton>
      }
    >
      <Card title={t("basics")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="programme-type" label={t("type")} error={errorOf("type") ? t("chooseType") : undefined} hint={editing ? t("typeFixed") : undefined} required className="sm:col-span-2">
            {(p) =>
              editing ? (
                <Select {...p} defaultValue={programmeType ?? ""} disabled>
                  <option value={programmeType ?? ""}>{programmeType ? tTypes(programmeType) : ""}</option>
                </Select>
              ) : (
                <Select {...p} defaultValue={defaultValues.type ?? ""} {...register("type")}>
                  <option value="" disabled>{t("chooseType")}</option>
                  {PROGRAMME_TYPES.map((type) => (
                    <option key={type} value={type}>{tTypes(type)}</option>
                  ))}
                </Select>
              )
            }
          </Field>
          <Field id="programme-name" label={t("name")} error={errorOf("name")} required className="sm:col-span-2">
            {(p) => <Input {...p} autoComplete="off" defaultValue={defaultValues.name} {...register("name")} />}
          </Field>
          <Field id="programme-description" label={t("description")} error={errorOf("description")} className="sm:col-span-2">
            {(p) => <Textarea {...p} rows={3} limit={2000} defaultValue={defaultValues.description} {...register("description")} />}
          </Field>
          <Field id="programme-start" label={t("startDate")} error={errorOf("startDate")} required>
            {(p) => <Input {...p} type="date" defaultValue={defaultValues.startDate} {...register("startDate")} />}
          </Field>
          <Field id="programme-end" label={t("endDate")} error={errorOf("endDate")} required>
            {(p) => <Input {...p} type="date" defaultValue={defaultValues.endDate} {...register("endDate")} />}
          </Field>
          <Field id="programme-owner" label={t("owner")} error={unitError(errorOf("orgUnitId"), form.getValues("orgUnitId"))} required className="sm:col-span-2">
            {(p) => (
              <Select {...p} defaultValue={defaultValues.orgUnitId} {...register("orgUnitId")}>
                <option value="" disabled>{t("chooseUnit")}</option>
                {units.map((o) => (
                  <option key={o.id} value={o.id} disabled={o.unavailable}>{unitLabel(o, t("unavailableUnit"))}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
      </Card>

      <Card title={t("participants")}>
        <ParticipantsPicker control={control} form={form} units={units} errorOf={errorOf} />
      </Card>

      <Card title={t("indicators")}>
        <IndicatorsEditor form={form} units={units} errorOf={nestedError} fixedType={programmeType} suggestions={catalogue} />
      </Card>
      {/* The form is long: repeat the general error beside the save button, where a phone
          user is looking (the announced copy is the alert at the top). */}
      {rootError ? <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{rootError}</p> : null}
    </FormShell>
  );
}

type FormApi = UseFormReturn<ProgrammeFormValues>;

/** A multi-select that works on a phone: a filter box over a scrollable list of checkboxes. */
function ParticipantsPicker({ control, form, units, errorOf }: { control: Control<ProgrammeFormValues>; form: FormApi; units: UnitOption[]; errorOf: (path: string) => string | undefined }) {
  const t = useTranslations("programmes");
  const [query, setQuery] = useState("");
  const { field } = useController({ control, name: "participantIds" });
  const selected = useMemo(() => new Set(field.value ?? []), [field.value]);
  const q = query.trim().toLowerCase();
  const visible = units.filter((o) => !q || o.name.toLowerCase().includes(q));
  // Server errors name the offending entry: "participantIds.3".
  const errors = form.formState.errors.participantIds;
  const badIndex = Array.isArray(errors) ? errors.findIndex((e) => e?.message) : -1;
  const errorText = errorOf("participantIds") ?? (badIndex >= 0 ? errorOf(`participantIds.${badIndex}`) : undefined);
  const selectedNames = units.filter((o) => selected.has(o.id)).map((o) => o.name);

  const toggle = (id: string, on: boolean) => {
    const next = on ? [...(field.value ?? []), id] : (field.value ?? []).filter((v) => v !== id);
    field.onChange(next);
  };

  return (
    <fieldset aria-describedby={cn("participants-hint participants-count", errorText && "participants-error")} className="space-y-2">
      <legend className="sr-only">{t("participants")}</legend>
      <p id="participants-hint" className="text-sm text-slate-600">{t("participantsHint")}</p>
      <div className="space-y-1">
        <label htmlFor="participants-filter" className="block text-sm font-medium text-slate-700">{t("filterUnits")}</label>
        <input
          id="participants-filter"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t("filterUnitsPlaceholder")}
          className={cn(controlClass, "h-11")}
          // Enter in the filter box must not submit the whole form.
          onKeyDown={(e) => {
            if (e.key === "Enter") e.preventDefault();
          }}
        />
      </div>
      <ul className="max-h-72 overflow-y-auto rounded-md border border-slate-300 bg-white py-1" aria-label={t("participants")}>
        {visible.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">{t("noUnitsMatch")}</li> : null}
        {visible.map((o) => (
          <li key={o.id}>
            <label
              className={cn("flex min-h-11 cursor-pointer items-center gap-3 pr-3 text-sm hover:bg-slate-50", o.unavailable && !selected.has(o.id) && "cursor-not-allowed opacity-60")}
              style={{ paddingLeft: `${0.75 + (q ? 0 : o.level) * 1.25}rem` }}
            >
              <input
                type="checkbox"
                className="size-5 shrink-0 accent-brand-700"
                checked={selected.has(o.id)}
                disabled={o.unavailable && !selected.has(o.id)}
                onChange={(e) => toggle(o.id, e.target.checked)}
                onBlur={field.onBlur}
              />
              <span className="min-w-0 break-words">{o.name}</span>
            </label>
          </li>
        ))}
      </ul>
      <p id="participants-count" className="text-sm text-slate-600">
        {t("selectedCount", { count: selected.size })}
        {selectedNames.length ? <span className="text-slate-500">：{selectedNames.join("、")}</span> : null}
      </p>
      {errorText ? <p id="participants-error" className="text-sm text-red-700">{errorText}</p> : null}
    </fieldset>
  );
}

function nextCustomCode(codes: string[]): string {
  for (let n = 1; ; n++) if (!codes.includes(`custom_${n}`)) return `custom_${n}`;
}

function IndicatorsEditor({ form, units, errorOf, fixedType, suggestions }: { form: FormApi; units: UnitOption[]; errorOf: (path: string) => string | undefined; fixedType?: string; suggestions: IndicatorCatalogue }) {
  const t = useTranslations("programmes");
  const tIndicators = useTranslations("indicators");
  const { control, getValues } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "indicators" });
  const watchedType = useWatch({ control, name: "type" });
  const type = fixedType ?? watchedType;
  const ownerId = useWatch({ control, name: "orgUnitId" });
  const participantIds = useWatch({ control, name: "participantIds" });
  const [note, setNote] = useState<string | null>(null);
  const catalogue = type ? suggestions[type] : undefined;

  // Targets may be set for the owner, the participants, and the units below them.
  const targetUnits = useMemo(() => {
    const roots = [ownerId, ...(participantIds ?? [])].filter(Boolean);
    if (roots.length === 0) return units.filter((o) => !o.unavailable);
    const reach = new Set(roots.flatMap((r) => subtreeIds(units, r)));
    return units.filter((o) => reach.has(o.id));
  }, [units, ownerId, participantIds]);

  const codes = () => (getValues("indicators") ?? []).map((i) => i.code);

  const addSuggested = () => {
    if (!catalogue) return;
    const present = new Set(codes());
    const missing = catalogue.filter((c) => !present.has(c.code));
    if (missing.length === 0) {
      setNote(t("suggestedAllAdded"));
      return;
    }
    setNote(null);
    append(missing.map((c) => ({ code: c.code, name: tIndicators.has(c.code) ? tIndicators(c.code) : c.code, unit: c.unit, targets: [] })), { shouldFocus: false });
  };

  const addCustom = () => {
    setNote(null);
    append({ code: nextCustomCode(codes()), name: "", unit: "", targets: [] }, { focusName: `indicators.${fields.length}.name` });
  };

  const listError = errorOf("indicators") ?? errorOf("indicators.root");

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("indicatorsHint")}</p>
      {listError ? <p className="text-sm text-red-700">{listError}</p> : null}
      {fields.length === 0 ? <p className="rounded-md border border-dashed border-slate-300 p-4 text-center text-sm text-slate-500">{t("noIndicators")}</p> : null}
      <ol className="space-y-4">
        {fields.map((field, i) => (
          <li key={field.id}>
            <IndicatorFields form={form} index={i} initial={field} units={units} targetUnits={targetUnits} errorOf={errorOf} onRemove={() => remove(i)} />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={addCustom}>+ {t("addIndicator")}</Button>
        <Button variant="secondary" onClick={addSuggested} disabled={!catalogue} aria-describedby={!catalogue ? "suggested-hint" : undefined}>
          {t("addSuggested")}
        </Button>
      </div>
      {!catalogue ? <p id="suggested-hint" className="text-sm text-slate-500">{t("chooseTypeFirst")}</p> : null}
      {note ? <Alert tone="info">{note}</Alert> : null}
    </div>
  );
}

function IndicatorFields({
  form, index, initial, units, targetUnits, errorOf, onRemove,
}: {
  form: FormApi;
  index: number;
  /** The values the row started with: rendered as default values so server HTML shows them before hydration. */
  initial: IndicatorValues;
  units: UnitOption[];
  targetUnits: UnitOption[];
  errorOf: (path: string) => string | undefined;
  onRemove: () => void;
}) {
  const t = useTranslations("programmes");
  const { register, control, getValues } = form;
  const { fields, append, remove } = useFieldArray({ control, name: `indicators.${index}.targets` });
  const unit = useWatch({ control, name: `indicators.${index}.unit` });
  const targets = useWatch({ control, name: `indicators.${index}.targets` });
  const unitError = useUnitError();
  const n = String(index + 1);
  const base = `indicators.${index}` as const;
  const idBase = `indicator-${index}`;

  const addTarget = () => {
    const start = getValues("startDate");
    const owner = getValues("orgUnitId");
    append(
      {
        orgUnitId: targetUnits.some((o) => o.id === owner) ? owner : "",
        period: /^\d{4}-/.test(start ?? "") ? start.slice(0, 4) : "",
        value: undefined,
      },
      { focusName: `${base}.targets.${fields.length}.value` },
    );
  };

  return (
    <fieldset className="rounded-md border border-slate-200 bg-slate-50/60 p-3 sm:p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{t("indicatorN", { n })}</legend>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <IndexedField className="col-span-2 sm:col-span-1" id={`${idBase}-name`} label={t("indicatorName")} ariaName={indexed(t("indicatorName"), n)} error={errorOf(`${base}.name`)} required>
          {(p) => <Input {...p} defaultValue={initial.name} {...register(`${base}.name`)} />}
        </IndexedField>
        <IndexedField id={`${idBase}-unit`} label={t("indicatorUnit")} ariaName={indexed(t("indicatorUnit"), n)} error={errorOf(`${base}.unit`)}>
          {(p) => <Input {...p} defaultValue={initial.unit} {...register(`${base}.unit`)} />}
        </IndexedField>
        <IndexedField id={`${idBase}-code`} label={t("indicatorCode")} ariaName={indexed(t("indicatorCode"), n)} error={errorOf(`${base}.code`)} required>
          {(p) => <Input {...p} autoCapitalize="none" autoCorrect="off" spellCheck={false} className={cn(p.className, "font-mono text-sm")} defaultValue={initial.code} {...register(`${base}.code`)} />}
        </IndexedField>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t("indicatorCodeHint")}</p>

      <h4 className="mt-4 text-sm font-semibold text-slate-700">{t("targets")}</h4>
      {errorOf(`${base}.targets`) ? <p className="text-sm text-red-700">{errorOf(`${base}.targets`)}</p> : null}
      {fields.length === 0 ? <p className="mt-1 text-sm text-slate-500">{t("noTargets")}</p> : null}
      <ol className="mt-2 space-y-3">
        {fields.map((field, j) => {
          const m = `${n}-${j + 1}`;
          const path = `${base}.targets.${j}` as const;
          const tid = `${idBase}-target-${j}`;
          const current = targets?.[j]?.orgUnitId;
          // Keep a chosen unit visible even when it is outside the current reach (its error says why).
          const options = current && !targetUnits.some((o) => o.id === current) ? [...targetUnits, ...units.filter((o) => o.id === current)] : targetUnits;
          return (
            <li key={field.id} className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
              <IndexedField id={`${tid}-unit`} label={t("targetUnit")} ariaName={indexed(t("targetUnit"), m)} error={unitError(errorOf(`${path}.orgUnitId`), current)} required>
                {(p) => (
                  <Select {...p} defaultValue={field.orgUnitId} {...register(`${path}.orgUnitId`)}>
                    <option value="" disabled>{t("chooseUnit")}</option>
                    {options.map((o) => (
                      <option key={o.id} value={o.id}>{unitLabel(o, t("unavailableUnit"))}</option>
                    ))}
                  </Select>
                )}
              </IndexedField>
              <div className="grid grid-cols-2 gap-3 sm:contents">
                <IndexedField id={`${tid}-period`} label={t("targetPeriod")} ariaName={indexed(t("targetPeriod"), m)} error={errorOf(`${path}.period`)} required>
                  {(p) => <Input {...p} placeholder={t("periodPlaceholder")} autoCapitalize="characters" autoComplete="off" spellCheck={false} defaultValue={field.period} {...register(`${path}.period`)} />}
                </IndexedField>
                <IndexedField id={`${tid}-value`} label={t("targetValue")} ariaName={indexed(t("targetValue"), m)} error={errorOf(`${path}.value`)} required>
                  {(p) => (
                    <div className="relative">
                      <Input
                        {...p}
                        type="number"
                        inputMode="decimal"
                        min={0}
                        step="any"
                        className={cn(p.className, unit ? "pr-12" : undefined, "tabular-nums [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none")}
                        defaultValue={field.value ?? ""}
                        {...register(`${path}.value`, { setValueAs: toNumber })}
                      />
                      {unit ? <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm text-slate-500">{unit}</span> : null}
                    </div>
                  )}
                </IndexedField>
              </div>
              <div className="sm:pt-6">
                <Button variant="ghost" className="w-full text-red-700 hover:bg-red-50 sm:w-auto" onClick={() => remove(j)}>
                  {t("removeTarget")}
                  <span className="sr-only"> {m}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="mt-3 flex flex-wrap justify-between gap-2">
        <Button variant="secondary" size="sm" className="h-11" onClick={addTarget}>+ {t("addTarget")}</Button>
        <Button variant="ghost" size="sm" className="h-11 text-red-700 hover:bg-red-50" onClick={onRemove}>
          {t("removeIndicator")}
          <span className="sr-only"> {n}</span>
        </Button>
      </div>
    </fieldset>
  );
}
