"use client";
// An event of a campaign (义诊, 宣讲…). Offline (issue 16) it goes into the outbox and is sent
// when the network returns; a refused one opens here again (?outbox=<id>) to be fixed.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createEventAction } from "@/lib/events/actions";
import { EVENT_TYPES, type CreateEventFormValues, createEventContract } from "@/lib/events/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export function EventForm({ programmeId, units, defaultDate, minDate, maxDate, userId, outboxItemId }: {
  programmeId: string; units: { id: string; name: string }[]; defaultDate: string; minDate: string; maxDate: string; userId: string; outboxItemId?: string;
}) {
  const t = useTranslations("campaigns");
  const tField = useTranslations("field.resolve.forms");
  const router = useRouter();
  const [saved, setSaved] = useState<"sent" | "queued" | null>(null);
  const defaults: CreateEventFormValues = {
    programmeId, orgUnitId: units.length === 1 ? units[0]!.id : "", type: "CLINIC", title: "", heldOn: defaultDate, participants: "", notes: "",
  };
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createEventContract, createEventAction, {
    defaultValues: defaults,
    draftKey: `campaign-event:${programmeId}`,
    onSuccess: () => {
      form.reset(defaults);
      setSaved("sent");
      router.refresh();
    },
    outboxItemId,
    offline: {
      userId,
      label: (v) => tField("event", { title: v.title }),
      fixHref: `/campaigns/${programmeId}/events?outbox=<id>`,
      onQueued: () => setSaved("queued"),
    },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("events.submit")} label={t("events.new")} draftRestored={draftRestored} onDiscardDraft={discardDraft}>
      {saved ? <Alert tone="success">{saved === "sent" ? t("events.saved") : tField("queued")}</Alert> : null}
      <input type="hidden" {...register("programmeId")} />
      <Field id="event-type" label={t("events.type")} error={errorOf("type")} required>
        {(p) => (
          <Select {...p} {...register("type", { onChange: () => setSaved(null) })}>
            {EVENT_TYPES.map((type) => <option key={type} value={type}>{t(`eventTypes.${type}`)}</option>)}
          </Select>
        )}
      </Field>
      <Field id="event-title" label={t("events.titleField")} error={errorOf("title")} hint={t("events.titleHint")} required>
        {(p) => <Input {...p} {...register("title")} />}
      </Field>
      <Field id="event-unit" label={t("events.unit")} error={errorOf("orgUnitId")} required>
        {(p) => (
          <Select {...p} {...register("orgUnitId")}>
            {units.length > 1 ? <option value="">{t("events.chooseUnit")}</option> : null}
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
        )}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="event-date" label={t("events.date")} error={errorOf("heldOn")} required>
          {(p) => <Input {...p} type="date" min={minDate} max={maxDate} {...register("heldOn")} />}
        </Field>
        <Field id="event-participants" label={t("events.participants")} error={errorOf("participants")} required>
          {(p) => <Input {...p} type="number" inputMode="numeric" min={0} step={1} {...register("participants")} />}
        </Field>
      </div>
      <Field id="event-notes" label={t("events.notes")} error={errorOf("notes")}>
        {(p) => <Textarea {...p} limit={2000} {...register("notes")} />}
      </Field>
    </FormShell>
  );
}
