"use client";
// Create or edit an enterprise: credit code checked in the browser with the same check
// digit as the server; commissioner chosen from users of the actor's subtree.
// Offline (issue 16) a new enterprise goes into the outbox and onto the device's places, as a
// new household does (household-form.tsx).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FieldValues, UseFormRegister } from "react-hook-form";
import { createEnterpriseAction, updateEnterpriseAction } from "@/lib/registers/actions";
import { createEnterpriseContract, ENTERPRISE_SIZES, updateEnterpriseContract } from "@/lib/registers/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion } from "@/components/forms/use-version";
import { Field, Input, Select } from "@/components/ui/field";
import { LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import type { OrgOption } from "@/components/admin/org-options";
import { Optional, PhoneField, UnitAndAddressFields } from "./fields";

export type CommissionerOption = { id: string; name: string; username: string; orgName: string };

export type EditableEnterprise = {
  id: string;
  version: number;
  name: string;
  creditCode: string;
  address: string;
  orgUnitId: string;
  industry: string;
  size: (typeof ENTERPRISE_SIZES)[number];
  contactName: string;
  commissionerId: string;
  contactPhoneMasked: string;
};


function EnterpriseFields({ options, commissioners, register, errorOf }: {
  options: OrgOption[]; commissioners: CommissionerOption[]; register: unknown; errorOf: (path: string) => string | undefined;
}) {
  const t = useTranslations("registers");
  const reg = register as UseFormRegister<FieldValues>;
  return (
    <>
      <Field id="name" label={t("enterpriseName")} error={errorOf("name")} required className="sm:col-span-2">
        {(p) => <Input {...p} autoComplete="off" {...reg("name")} />}
      </Field>
      <Field id="creditCode" label={t("creditCode")} error={errorOf("creditCode")} hint={t("creditCodeHint")} required>
        {(p) => <Input {...p} autoComplete="off" autoCapitalize="characters" spellCheck={false} {...reg("creditCode")} className={cn(p.className, "font-mono uppercase")} />}
      </Field>
      <UnitAndAddressFields unitLabel={t("grid")} options={options} reg={reg} errorOf={errorOf} />
      <Field id="industry" label={<>{t("industry")} <Optional /></>} error={errorOf("industry")}>
        {(p) => <Input {...p} autoComplete="off" {...reg("industry")} />}
      </Field>
      <Field id="size" label={t("size")} error={errorOf("size")} required>
        {(p) => (
          <Select {...p} {...reg("size")}>
            {ENTERPRISE_SIZES.map((s) => (
              <option key={s} value={s}>{t(`sizes.${s}`)}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="contactName" label={<>{t("contactName")} <Optional /></>} error={errorOf("contactName")}>
        {(p) => <Input {...p} autoComplete="off" {...reg("contactName")} />}
      </Field>
      <Field id="commissionerId" label={<>{t("commissioner")} <Optional /></>} error={errorOf("commissionerId")}>
        {(p) => (
          <Select {...p} {...reg("commissionerId")}>
            <option value="">{t("noCommissioner")}</option>
            {commissioners.map((c) => (
              <option key={c.id} value={c.id}>{`${c.name}（${c.orgName}）`}</option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}

export function CreateEnterpriseForm({ options, commissioners, draftKey, userId, outboxItemId }: {
  options: OrgOption[]; commissioners: CommissionerOption[]; draftKey: string; userId: string; outboxItemId?: string;
}) {
  const t = useTranslations("registers");
  const tField = useTranslations("field.resolve.forms");
  const router = useRouter();
  const [queued, setQueued] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createEnterpriseContract, createEnterpriseAction, {
    draftKey,
    defaultValues: {
      name: "", creditCode: "", address: "", orgUnitId: options.length === 1 ? options[0]!.id : "", industry: "", size: "SMALL_MICRO",
      contactName: "", contactPhone: "", commissionerId: "",
    },
    onSuccess: (data) => router.push(`/registers/enterprises/${data.id}?created=1`),
    outboxItemId,
    offline: {
      userId,
      label: (v) => tField("enterprise", { name: v.name }),
      fixHref: "/registers/enterprises/new?outbox=<id>",
      onQueued: (id, v) => {
        setQueued(true);
        return import("@/lib/field/local/local-places").then(({ addLocalPlace }) => addLocalPlace(id, {
          type: "ENTERPRISE", name: v.name, address: v.address, orgUnitId: v.orgUnitId, orgUnitName: options.find((o) => o.id === v.orgUnitId)?.name ?? "",
          code: v.creditCode, phone: v.contactPhone,
        })).catch(() => {});
      },
    },
  });
  const { register } = form;
  return (
    <FormShell
      onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newEnterprise")} label={t("newEnterprise")}
      draftRestored={draftRestored} onDiscardDraft={discardDraft}
      secondary={<LinkButton href="/registers/enterprises" variant="ghost">{t("backToEnterprises")}</LinkButton>}
    >
      {queued ? <Alert tone="success">{tField("queued")}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <EnterpriseFields options={options} commissioners={commissioners} register={register} errorOf={errorOf} />
        <Field id="contactPhone" label={<>{t("contactPhone")} <Optional /></>} error={errorOf("contactPhone")} hint={t("phoneHint")}>
          {(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" {...register("contactPhone")} />}
        </Field>
      </div>
    </FormShell>
  );
}

export function EditEnterpriseForm({ enterprise, options, commissioners, onSaved }: {
  enterprise: EditableEnterprise; options: OrgOption[]; commissioners: CommissionerOption[]; onSaved: () => void;
}) {
  const t = useTranslations("registers");
  const tCommon = useTranslations("common");
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(updateEnterpriseContract, updateEnterpriseAction, {
    defaultValues: {
      id: enterprise.id, version: enterprise.version, name: enterprise.name, creditCode: enterprise.creditCode, address: enterprise.address,
      orgUnitId: enterprise.orgUnitId, industry: enterprise.industry, size: enterprise.size, contactName: enterprise.contactName,
      commissionerId: enterprise.commissionerId, contactPhone: "", clearPhone: false,
    },
    onSuccess: (data) => {
      keepVersion(enterprise.id, data, (v) => form.setValue("version", v));
      onSaved();
    },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={tCommon("save")} label={t("editEnterprise")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <EnterpriseFields options={options} commissioners={commissioners} register={register} errorOf={errorOf} />
        <PhoneField id="contactPhone" masked={enterprise.contactPhoneMasked} error={errorOf("contactPhone")} inputProps={register("contactPhone")} clearProps={register("clearPhone")} label={t("contactPhone")} />
      </div>
    </FormShell>
  );
}
