"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInState } from "@/lib/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const INITIAL: SignInState = { error: null, login: "" };

/**
 * The server action is the form's own action, so the form is a POST that signs in even
 * before hydration or with JavaScript off (a GET would put the password in the URL, browser
 * history and proxy logs). On failure the action hands back the typed login; the password
 * field is left empty (it was wrong, or the account is locked).
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [state, formAction, pending] = useActionState(signInAction, INITIAL);
  // Whoever signs in next on this device must not be shown the last officer's kept pages
  // offline (a session that ran out never ran the sign-out's wipe). The helper is tiny and
  // needs no worker: it deletes the page cache from here (decision 0022).
  useEffect(() => {
    void import("@/lib/field/local/pages").then(({ clearOfflinePages }) => clearOfflinePages()).catch(() => {});
  }, []);

  return (
    <form action={formAction} noValidate aria-label={t("title")} className="space-y-4">
      {state.error ? <Alert tone="error">{t(state.error)}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="login" label={t("login")}>
        {(p) => <Input {...p} name="login" autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} defaultValue={state.login} />}
      </Field>
      <Field id="password" label={t("password")}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
