"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { changeOwnPasswordAction } from "@/lib/account/actions";
import { changeOwnPasswordContract, PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(changeOwnPasswordContract, changeOwnPasswordAction, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    onSuccess: () => {
      form.reset();
      setDone(true);
      if (forced) router.replace("/");
      else router.refresh();
    },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("submit")} label={t("title")}>
      {done ? <Alert tone="success">{t("changed")}</Alert> : null}
      <Field id="currentPassword" label={t("currentPassword")} error={errorOf("currentPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" {...register("currentPassword")} />}
      </Field>
      <Field id="newPassword" label={t("newPassword")} error={errorOf("newPassword")} hint={t("policy", { min: PASSWORD_MIN_LENGTH })} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" {...register("newPassword")} />}
      </Field>
      <Field id="confirmPassword" label={t("confirmPassword")} error={errorOf("confirmPassword")} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" {...register("confirmPassword")} />}
      </Field>
    </FormShell>
  );
}
