"use client";
// Create or edit a household. The stored phone never reaches this form: editing shows the
// masked number, an empty field keeps it, a new number replaces it.
// Offline (issue 16) a new household goes into the outbox and onto the device's places, so the
// visit form can pick it before it reaches the server (lib/field/local/local-places.ts).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { createHouseholdAction, updateHouseholdAction } from "@/lib/registers/actions";
import { createHouseholdContract, updateHouseholdContract } from "@/lib/registers/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion } from "@/components/forms/use-version";
import { Field, Input } from "@/components/ui/field";
import type { OrgOption } from "@/components/admin/org-options";
import { LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { Optional, PhoneField, UnitAndAddressFields } from "./fields";

export type EditableHousehold = {
  id: string;
  version: number;
  householdKey: string;
  headName: string;
  address: string;
  orgUnitId: string;
  membersCount: number;
  tags: string[];
  phoneMasked: string;
};


export function CreateHouseholdForm({ options, draftKey, userId, outboxItemId }: { options: OrgOption[]; draftKey: string; userId: string; outboxItemId?: string }) {
  const t = useTranslations("registers");
  const tField = useTranslations("field.resolve.forms");
  const router = useRouter();
  const [queued, setQueued] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createHouseholdContract, createHouseholdAction, {
    draftKey,
    defaultValues: { householdKey: "", headName: "", address: "", orgUnitId: options.length === 1 ? options[0]!.id : "", phone: "", membersCount: 1, tags: "" },
    onSuccess: (data) => router.push(`/registers/households/${data.id}?created=1`),
    outboxItemId,
    offline: {
      userId,
      label: (v) => tField("household", { name: v.headName }),
      fixHref: "/registers/households/new?outbox=<id>",
      onQueued: (id, v) => {
        setQueued(true);
        // Loaded on use, like the outbox: the online form never downloads Dexie.
        return import("@/lib/field/local/local-places").then(({ addLocalPlace }) => addLocalPlace(id, {
          type: "HOUSEHOLD", name: v.headName, address: v.address, orgUnitId: v.orgUnitId, orgUnitName: options.find((o) => o.id === v.orgUnitId)?.name ?? "",
          code: v.householdKey, phone: v.phone,
        })).catch(() => {});
      },
    },
  });
  const { register } = form;
  return (
    <FormShell
      onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newHousehold")} label={t("newHousehold")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft}
      secondary={<LinkButton href="/registers/households" variant="ghost">{t("backToHouseholds")}</LinkButton>}
    >
      {queued ? <Alert tone="success">{tField("queued")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="householdKey" label={t("householdKey")} error={errorOf("householdKey")} hint={t("householdKeyHint")} required>
          {(p) => <Input {...p} autoComplete="off" {...register("householdKey")} />}
        </Field>
        <HouseholdFields options={options} register={register} errorOf={errorOf} />
        <Field id="phone" label={<>{t("phone")} <Optional /></>} error={errorOf("phone")} hint={t("phoneHint")}>
          {(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" {...register("phone")} />}
        </Field>
      </div>
    </FormShell>
  );
}

/** The fields shared by create and edit (both forms have them under the same names). */
function HouseholdFields({ options, register, errorOf }: { options: OrgOption[]; register: unknown; errorOf: (path: string) => string | undefined }) {
  const t = useTranslations("registers");
  const reg = register as UseFormRegister<FieldValues>;
  return (
    <>
      <Field id="headName" label={t("headName")} error={errorOf("headName")} required>
        {(p) => <Input {...p} autoComplete="off" {...reg("headName")} />}
      </Field>
      <UnitAndAddressFields unitLabel={t("village")} options={options} reg={reg} errorOf={errorOf} />
      <Field id="membersCount" label={t("membersCount")} error={errorOf("membersCount")} required>
        {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={99} {...reg("membersCount")} />}
      </Field>
      <Field id="tags" label={<>{t("tags")} <Optional /></>} error={errorOf("tags")} hint={t("tagsHint")}>
        {(p) => <Input {...p} autoComplete="off" {...reg("tags")} />}
      </Field>
    </>
  );
}

export function EditHouseholdForm({ household, options, onSaved }: { household: EditableHousehold; options: OrgOption[]; onSaved: () => void }) {
  const t = useTranslations("registers");
  const tCommon = useTranslations("common");
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(updateHouseholdContract, updateHouseholdAction, {
    defaultValues: {
      id: household.id, version: household.version, headName: household.headName, address: household.address, orgUnitId: household.orgUnitId,
      membersCount: household.membersCount, tags: household.tags.join("、"), phone: "", clearPhone: false,
    },
    onSuccess: (data) => {
      keepVersion(household.id, data, (v) => form.setValue("version", v));
      onSaved();
    },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={tCommon("save")} label={t("editHousehold")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="householdKey" label={t("householdKey")} hint={t("householdKeyFixed")}>
          {(p) => <Input {...p} value={household.householdKey} readOnly disabled />}
        </Field>
        <HouseholdFields options={options} register={register} errorOf={errorOf} />
        <PhoneField masked={household.phoneMasked} error={errorOf("phone")} inputProps={register("phone")} clearProps={register("clearPhone")} label={t("phone")} />
      </div>
    </FormShell>
  );
}

/** The phone of an edit form: masked current value as hint, an optional "remove" checkbox. */
