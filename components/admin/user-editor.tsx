"use client";
// Editing one user: the details form, and the account actions (reset password,
// deactivate/activate) behind confirmations. Notices and the temporary password live here,
// outside the form, so they survive the form being re-created with the saved version.
import { useState, useTransition } from "react";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/platform/action";
import { resetUserPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { updateUserContract } from "@/lib/users/schemas";
import { ROLES, type Role } from "@/lib/platform/authz/permissions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion, useLatestVersion } from "@/components/forms/use-version";
import { Field, Input, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { indentedName, type OrgOption } from "./org-options";
import { TemporaryPasswordPanel } from "./temporary-password-panel";

export type EditableUser = {
  id: string;
  username: string;
  name: string;
  phone: string;
  /** The DingTalk userid ("" when not linked). */
  dingtalkUserId: string;
  role: Role;
  orgUnitId: string;
  orgUnitName: string;
  active: boolean;
  locked: boolean;
  version: number;
  isSelf: boolean;
};

type Notice = { tone: "success" | "info" | "error"; text: string };

export function UserEditor({ user, options }: { user: EditableUser; options: OrgOption[] }) {
  const t = useTranslations("users");
  const router = useRouter();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  return (
    <div className="space-y-4">
      <div aria-live="polite" className="space-y-2">
        {notices.map((n, i) => (
          <Alert key={i} tone={n.tone}>{n.text}</Alert>
        ))}
      </div>
      {temporaryPassword ? (
        <TemporaryPasswordPanel password={temporaryPassword} title={t("temporaryPasswordFor", { name: user.name })} who={t("signInAs", { username: user.username })} focusOnShow />
      ) : null}
      <Card title={t("edit")}>
        <UserEditForm
          // A new version (after any save) re-creates the form with what was saved.
          key={user.version}
          user={user}
          options={options}
          onSaved={(sessionsEnded) => {
            setNotices([{ tone: "success", text: t("saved") }, ...(sessionsEnded ? [{ tone: "info" as const, text: t("sessionsEnded") }] : [])]);
            router.refresh();
          }}
        />
      </Card>
      <AccountActions
        user={user}
        onDone={(notice, password) => {
          setNotices([notice]);
          setTemporaryPassword(password ?? null);
          router.refresh();
        }}
      />
    </div>
  );
}

function UserEditForm({ user, options, onSaved }: { user: EditableUser; options: OrgOption[]; onSaved: (sessionsEnded: boolean) => void }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(updateUserContract, updateUserAction, {
    defaultValues: { id: user.id, version: user.version, name: user.name, phone: user.phone, dingtalkUserId: user.dingtalkUserId, role: user.role, orgUnitId: user.orgUnitId },
    onSuccess: (data) => {
      keepVersion(user.id, data, (v) => form.setValue("version", v));
      const v = form.getValues();
      onSaved(v.role !== user.role || v.orgUnitId !== user.orgUnitId);
    },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={tCommon("save")} label={t("edit")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="username" label={t("username")} hint={t("usernameFixed")}>
          {(p) => <Input {...p} value={user.username} readOnly disabled />}
        </Field>
        <Field id="name" label={t("name")} error={errorOf("name")} required>
          {(p) => <Input {...p} autoComplete="off" {...register("name")} />}
        </Field>
        <Field id="phone" label={<>{t("phone")} <span className="font-normal text-slate-500">（{tCommon("optional")}）</span></>} error={errorOf("phone")} hint={t("phoneHint")}>
          {(p) => <Input {...p} type="tel" inputMode="numeric" autoComplete="off" {...register("phone")} />}
        </Field>
        <Field id="dingtalkUserId" label={<>{t("dingtalkUserId")} <span className="font-normal text-slate-500">（{tCommon("optional")}）</span></>} error={errorOf("dingtalkUserId")} hint={t("dingtalkUserIdHint")}>
          {(p) => <Input {...p} autoComplete="off" autoCapitalize="none" spellCheck={false} {...register("dingtalkUserId")} />}
        </Field>
        {user.isSelf ? (
          // The server refuses an admin changing their own role or unit; say so up front.
          <div className="space-y-1 sm:col-span-2">
            <p className="text-sm font-medium text-slate-700">{t("role")} / {t("orgUnit")}</p>
            <p className="text-base text-slate-900">{tRoles(user.role)} · {user.orgUnitName}</p>
            <p className="text-xs text-slate-500">{t("ownAccountHint")}</p>
          </div>
        ) : (
          <>
            <Field id="role" label={t("role")} error={errorOf("role")} hint={t("roleChangeHint")} required>
              {(p) => (
                <Select {...p} {...register("role")}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>{tRoles(r)}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field id="orgUnitId" label={t("orgUnit")} error={errorOf("orgUnitId")} required>
              {(p) => (
                <Select {...p} {...register("orgUnitId")}>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>{indentedName(o)}</option>
                  ))}
                </Select>
              )}
            </Field>
          </>
        )}
      </div>
    </FormShell>
  );
}

type Pending = "reset" | "toggle" | null;

function AccountActions({ user, onDone }: { user: EditableUser; onDone: (notice: Notice, password?: string) => void }) {
  const t = useTranslations("users");
  const tErrors = useTranslations("errors");
  const [confirming, setConfirming] = useState<Pending>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // A save in the form above, a reset or a (de)activation returns the account's new version.
  const [version, rememberVersion] = useLatestVersion(user.id, user.version);

  if (user.isSelf) {
    return (
      <Card title={t("accountActions")}>
        <p className="text-sm text-slate-600">
          {t("ownAccountActions")}{" "}
          <Link href="/account/password" className="text-brand-700 underline">{t("changeOwnPassword")}</Link>
        </p>
      </Card>
    );
  }

  const run = (which: Exclude<Pending, null>) =>
    startTransition(async () => {
      setError(null);
      let result: ActionResult<{ id: string; version: number; temporaryPassword?: string }>;
      try {
        result =
          which === "reset"
            ? await resetUserPasswordAction({ id: user.id, version })
            : await setUserActiveAction({ id: user.id, version, active: !user.active });
      } catch {
        result = { ok: false, error: tErrors("network") };
      }
      setConfirming(null);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      rememberVersion(result.data);
      if (which === "reset") onDone({ tone: "success", text: t("passwordReset") }, result.data.temporaryPassword);
      else onDone({ tone: "success", text: user.active ? t("deactivated") : t("activated") });
    });

  return (
    <Card title={t("accountActions")}>
      <div className="space-y-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {user.locked ? <Alert tone="warning">{t("lockedHint")}</Alert> : null}
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setConfirming("reset")} disabled={pending}>{t("resetPassword")}</Button>
          <Button variant={user.active ? "danger" : "primary"} onClick={() => setConfirming("toggle")} disabled={pending}>
            {user.active ? t("deactivate") : t("activate")}
          </Button>
        </div>
        <p className="text-xs text-slate-500">{user.active ? t("accountActionsHint") : t("inactiveHint")}</p>
      </div>
      <ConfirmDialog
        open={confirming === "reset"}
        title={t("resetPassword")}
        message={t("confirmReset", { name: user.name })}
        confirmLabel={t("resetPassword")}
        pending={pending}
        onConfirm={() => run("reset")}
        onCancel={() => setConfirming(null)}
      />
      <ConfirmDialog
        open={confirming === "toggle"}
        title={user.active ? t("deactivate") : t("activate")}
        message={user.active ? t("confirmDeactivate", { name: user.name }) : t("confirmActivate", { name: user.name })}
        confirmLabel={user.active ? t("deactivate") : t("activate")}
        tone={user.active ? "danger" : "primary"}
        pending={pending}
        onConfirm={() => run("toggle")}
        onCancel={() => setConfirming(null)}
      />
    </Card>
  );
}
