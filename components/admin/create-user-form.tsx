"use client";
// New user: on success the one-time temporary password replaces the form.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createUserAction } from "@/lib/users/actions";
import { createUserContract } from "@/lib/users/schemas";
import { ROLES } from "@/lib/platform/authz/permissions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { indentedName, type OrgOption } from "./org-options";
import { TemporaryPasswordPanel } from "./temporary-password-panel";

type Created = { id: string; name: string; username: string; password?: string };

export function CreateUserForm({ options, draftKey }: { options: OrgOption[]; draftKey: string }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(createUserContract, createUserAction, {
    draftKey,
    defaultValues: { username: "", name: "", phone: "", role: "OFFICER", orgUnitId: "" },
    onSuccess: (data) => {
      const v = form.getValues();
      setCreated({ id: data.id, name: v.name.trim(), username: v.username.trim(), password: data.temporaryPassword });
      form.reset();
      router.refresh();
    },
  });
  const { register } = form;

  if (created) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{t("createdNamed", { name: created.name, username: created.username })}</Alert>
        {created.password ? (
          <TemporaryPasswordPanel password={created.password} title={t("temporaryPasswordFor", { name: created.name })} who={t("signInAs", { username: created.username })} focusOnShow />
        ) : (
          // A repeated submit returns the first result, whose password was shown then.
          <Alert tone="warning">{t("createdDuplicate")}</Alert>
        )}
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/admin/users" variant="primary">{t("backToList")}</LinkButton>
          <LinkButton href={`/admin/users/${created.id}`} variant="secondary">{t("openUser")}</LinkButton>
          <Button variant="ghost" onClick={() => setCreated(null)}>{t("createAnother")}</Button>
        </div>
      </div>
    );
  }

  return (
    <FormShell
      onSubmit={onSubmit}
      rootError={rootError}
      pending={pending}
      submitLabel={t("new")}
      label={t("new")}
      draftRestored={draftRestored}
      onDiscardDraft={discardDraft}
      secondary={<LinkButton href="/admin/users" variant="secondary">{tCommon("cancel")}</LinkButton>}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="username" label={t("username")} error={errorOf("username")} hint={t("usernameHint")} required>
          {(p) => <Input {...p} autoComplete="off" autoCapitalize="off" spellCheck={false} {...register("username")} />}
        </Field>
        <Field id="name" label={t("name")} error={errorOf("name")} required>
          {(p) => <Input {...p} autoComplete="off" {...register("name")} />}
        </Field>
        <Field id="phone" label={<>{t("phone")} <span className="font-normal text-slate-500">（{tCommon("optional")}）</span></>} error={errorOf("phone")} hint={t("phoneHint")}>
          {(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" {...register("phone")} />}
        </Field>
        <Field id="role" label={t("role")} error={errorOf("role")} hint={t("roleHint")} required>
          {(p) => (
            <Select {...p} {...register("role")}>
              {ROLES.map((r) => (
                <option key={r} value={r}>{tRoles(r)}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="orgUnitId" label={t("orgUnit")} error={errorOf("orgUnitId")} required className="sm:col-span-2">
          {(p) => (
            <Select {...p} {...register("orgUnitId")}>
              <option value="">{t("selectOrgUnit")}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>{indentedName(o)}</option>
              ))}
            </Select>
          )}
        </Field>
      </div>
    </FormShell>
  );
}
