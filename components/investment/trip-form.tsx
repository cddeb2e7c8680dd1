"use client";
// Log an outbound trip (外出招商): task force, dates, destination, who went, and the
// enterprises met — register enterprises found by lookup, or new prospects typed in.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { createTripAction } from "@/lib/investment/actions";
import { type CreateTripValues, createTripContract } from "@/lib/investment/schemas";
import type { EnterpriseMatch } from "@/lib/investment/queries";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Button, LinkButton } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { EnterpriseLookup } from "./enterprise-lookup";

export type TaskForceChoice = { id: string; name: string; people: { id: string; name: string }[] };

export function TripForm({ programmeId, taskForces, today }: { programmeId: string; taskForces: TaskForceChoice[]; today: string }) {
  const t = useTranslations("investment");
  const router = useRouter();
  const [picked, setPicked] = useState<Record<string, EnterpriseMatch>>({});
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(createTripContract, createTripAction, {
    defaultValues: {
      taskForceId: taskForces.length === 1 ? taskForces[0]!.id : "", startDate: today, endDate: today, destinationCity: "",
      participantIds: [], meetings: [], notes: "",
    } as CreateTripValues,
    onSuccess: (data) => router.push(`/investment/trips/${data.id}?created=1`),
  });
  const { register, control, watch, setValue } = form;
  const meetings = useFieldArray({ control, name: "meetings" });
  const taskForceId = watch("taskForceId");
  const participantIds = watch("participantIds") ?? [];
  const people = taskForces.find((tf) => tf.id === taskForceId)?.people ?? [];
  const toggle = (id: string) =>
    setValue("participantIds", participantIds.includes(id) ? participantIds.filter((p) => p !== id) : [...participantIds, id]);

  const addMeeting = (kind: "ENTERPRISE" | "PROSPECT") =>
    meetings.append({ kind, enterpriseId: "", prospectId: "", prospectName: "", prospectCity: "", prospectSector: "", prospectContact: "", notes: "" });

  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newTrip")} label={t("newTrip")}
      secondary={<LinkButton href={`/investment/trips?programme=${programmeId}`} variant="ghost">{t("back")}</LinkButton>}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="taskForceId" label={t("taskForce")} error={errorOf("taskForceId")} required className="sm:col-span-2">
          {(p) => (
            <Select {...p} {...register("taskForceId", { onChange: () => setValue("participantIds", []) })}>
              <option value="">{t("choose")}</option>
              {taskForces.map((tf) => <option key={tf.id} value={tf.id}>{tf.name}</option>)}
            </Select>
          )}
        </Field>
        <Field id="startDate" label={t("startDate")} error={errorOf("startDate")} required>
          {(p) => <Input {...p} type="date" {...register("startDate")} />}
        </Field>
        <Field id="endDate" label={t("endDate")} error={errorOf("endDate")} required>
          {(p) => <Input {...p} type="date" {...register("endDate")} />}
        </Field>
        <Field id="destinationCity" label={t("destination")} error={errorOf("destinationCity")} required className="sm:col-span-2">
          {(p) => <Input {...p} autoComplete="off" {...register("destinationCity")} />}
        </Field>
      </div>

      {people.length ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("participants")}</legend>
          <div className="flex flex-wrap gap-2">
            {people.map((p) => (
              <label key={p.id} className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 text-sm has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                <input type="checkbox" className="size-4" checked={participantIds.includes(p.id)} onChange={() => toggle(p.id)} />
                {p.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("meetings")}</legend>
        <p className="text-xs text-slate-500">{t("meetingsHint")}</p>
        {meetings.fields.length === 0 ? <p className="text-sm text-slate-500">{t("noMeetings")}</p> : null}
        <ol className="space-y-3">
          {meetings.fields.map((m, i) => {
            const kind = watch(`meetings.${i}.kind`);
            return (
              <li key={m.id} className="space-y-3 rounded-lg border border-slate-200 bg-slate-50/60 p-3">
                <div className="flex items-center justify-between gap-2">
                  <Badge tone={kind === "ENTERPRISE" ? "blue" : "amber"}>{`${i + 1}. ${t(`meetingKind.${kind}`)}`}</Badge>
                  <Button variant="ghost" size="sm" onClick={() => meetings.remove(i)}>{t("removeMeeting")}</Button>
                </div>
                {kind === "ENTERPRISE" ? (
                  <EnterpriseLookup
                    programmeId={programmeId}
                    inputId={`meetings-${i}-enterprise`}
                    selected={picked[m.id] ?? null}
                    error={errorOf(`meetings.${i}.enterpriseId`)}
                    onSelect={(match) => {
                      setPicked((s) => {
                        const next = { ...s };
                        if (match) next[m.id] = match;
                        else delete next[m.id];
                        return next;
                      });
                      setValue(`meetings.${i}.enterpriseId`, match?.id ?? "", { shouldValidate: !!match });
                    }}
                  />
                ) : (
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field id={`meetings-${i}-name`} label={t("prospectName")} error={errorOf(`meetings.${i}.prospectName`)} required className="sm:col-span-2">
                      {(p) => <Input {...p} autoComplete="off" {...register(`meetings.${i}.prospectName`)} />}
                    </Field>
                    <Field id={`meetings-${i}-city`} label={t("prospectCity")}>
                      {(p) => <Input {...p} autoComplete="off" {...register(`meetings.${i}.prospectCity`)} />}
                    </Field>
                    <Field id={`meetings-${i}-sector`} label={t("prospectSector")}>
                      {(p) => <Input {...p} autoComplete="off" {...register(`meetings.${i}.prospectSector`)} />}
                    </Field>
                    <Field id={`meetings-${i}-contact`} label={t("prospectContact")} className="sm:col-span-2">
                      {(p) => <Input {...p} autoComplete="off" {...register(`meetings.${i}.prospectContact`)} />}
                    </Field>
                  </div>
                )}
                <Field id={`meetings-${i}-notes`} label={t("meetingNotes")} error={errorOf(`meetings.${i}.notes`)}>
                  {(p) => <Textarea {...p} rows={2} className={`${p.className} min-h-16`} limit={1000} {...register(`meetings.${i}.notes`)} />}
                </Field>
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => addMeeting("ENTERPRISE")}>＋ {t("addRegistered")}</Button>
          <Button variant="secondary" onClick={() => addMeeting("PROSPECT")}>＋ {t("addProspect")}</Button>
        </div>
      </fieldset>

      <Field id="notes" label={t("notes")} error={errorOf("notes")}>
        {(p) => <Textarea {...p} limit={2000} {...register("notes")} />}
      </Field>
    </FormShell>
  );
}
