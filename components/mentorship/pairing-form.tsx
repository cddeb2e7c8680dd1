"use client";
// New pairing (结对): pick a trainee, then a mentor — the app suggests mentors with a free
// place, nearest in the org tree or in the same line of work first. The server takes the
// mentor's place with one conditional update, so a mentor filled in the meantime comes
// back as a clear message on the mentor field.
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createPairingAction, suggestMentorsAction } from "@/lib/mentorship/actions";
import { type CreatePairingFormValues, createPairingContract } from "@/lib/mentorship/schemas";
import type { RankedMentor } from "@/lib/mentorship/suggest";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

type Props = {
  programmeId: string;
  trainees: { id: string; name: string; orgUnitName: string; lineOfWork: string }[];
  mentors: { id: string; name: string; orgUnitName: string; free: number | null }[];
  templates: { id: string; name: string }[];
  defaultStart: string;
  defaultEnd: string;
  minDate: string;
  maxDate: string;
};

export function PairingForm({ programmeId, trainees, mentors, templates, defaultStart, defaultEnd, minDate, maxDate }: Props) {
  const t = useTranslations("mentorship");
  const router = useRouter();
  const defaults: CreatePairingFormValues = { programmeId, traineeId: "", mentorId: "", startDate: defaultStart, endDate: defaultEnd, templateId: templates[0]?.id ?? "" };
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(createPairingContract, createPairingAction, {
    defaultValues: defaults,
    onSuccess: (data) => router.push(`/mentorship/pairings/${(data as { id: string }).id}`),
  });
  const { register, watch, setValue } = form;
  const traineeId = watch("traineeId");
  const mentorId = watch("mentorId");
  const [suggestions, setSuggestions] = useState<RankedMentor[] | null>(null);

  useEffect(() => {
    let live = true;
    if (!traineeId) return;
    suggestMentorsAction({ programmeId, traineeId }).then((r) => {
      if (live) setSuggestions(r.ok ? r.data : []);
    });
    return () => {
      live = false;
    };
  }, [programmeId, traineeId]);

  const top = (suggestions ?? []).slice(0, 5);
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("createPairing")} label={t("newPairing")}>
      <input type="hidden" {...register("programmeId")} />
      <Field id="pairing-trainee" label={t("trainee")} error={errorOf("traineeId")} required>
        {(p) => (
          <Select {...p} {...register("traineeId", { onChange: () => { setSuggestions(null); setValue("mentorId", ""); } })}>
            <option value="">{t("chooseTrainee")}</option>
            {trainees.map((tr) => <option key={tr.id} value={tr.id}>{tr.name}（{tr.orgUnitName}{tr.lineOfWork ? ` · ${tr.lineOfWork}` : ""}）</option>)}
          </Select>
        )}
      </Field>
      {traineeId ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("suggestedMentors")}</legend>
          {suggestions === null ? (
            <p className="text-sm text-slate-500">{t("loadingSuggestions")}</p>
          ) : top.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noSuggestions")}</p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2">
              {top.map((m, i) => (
                <li key={m.userId}>
                  <label className={cn("flex min-h-11 cursor-pointer items-start gap-3 rounded-md border p-3", mentorId === m.userId ? "border-brand-700 bg-brand-50" : "border-slate-200 bg-white hover:border-brand-600")}>
                    <input type="radio" name="suggested-mentor" value={m.userId} className="mt-1 size-5" checked={mentorId === m.userId} onChange={() => setValue("mentorId", m.userId, { shouldValidate: form.formState.isSubmitted })} />
                    <span className="min-w-0 text-sm">
                      <span className="font-medium text-slate-900">{m.name}</span>
                      {i === 0 ? <span className="ml-1.5"><Badge tone="blue">{t("bestMatch")}</Badge></span> : null}
                      <span className="block text-slate-600">{m.orgUnitName}{m.lineOfWork ? ` · ${m.lineOfWork}` : ""}</span>
                      <span className="mt-1 flex flex-wrap gap-1">
                        <Badge tone="slate">{t(`relation.${m.relation}`)}</Badge>
                        {m.sameLine ? <Badge tone="green">{t("sameLine")}</Badge> : null}
                        <Badge tone="slate">{m.freePlaces === null ? t("unlimited") : t("freePlaces", { count: m.freePlaces })}</Badge>
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      ) : null}
      <Field id="pairing-mentor" label={t("mentorAny")} error={errorOf("mentorId")} hint={t("mentorAnyHint")} required>
        {(p) => (
          <Select {...p} {...register("mentorId")}>
            <option value="">{t("chooseMentor")}</option>
            {mentors.map((m) => <option key={m.id} value={m.id}>{m.name}（{m.orgUnitName} · {m.free === null ? t("unlimited") : t("freePlaces", { count: m.free })}）</option>)}
          </Select>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="pairing-start" label={t("startDate")} error={errorOf("startDate")} required>
          {(p) => <Input {...p} type="date" min={minDate} max={maxDate} {...register("startDate")} />}
        </Field>
        <Field id="pairing-end" label={t("endDate")} error={errorOf("endDate")} required>
          {(p) => <Input {...p} type="date" min={minDate} max={maxDate} {...register("endDate")} />}
        </Field>
      </div>
      <Field id="pairing-template" label={t("template")} error={errorOf("templateId")} hint={t("templateHint")}>
        {(p) => (
          <Select {...p} {...register("templateId")}>
            {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
            <option value="">{t("noTemplate")}</option>
          </Select>
        )}
      </Field>
    </FormShell>
  );
}
