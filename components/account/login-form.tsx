"use client";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

/**
 * A plain controlled form rather than react-hook-form: two fields, and on failure the
 * login stays filled while the password is cleared (it was wrong, or the account locked).
 */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const tErrors = useTranslations("errors");
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  return (
    <form
      noValidate
      aria-label={t("title")}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (!login.trim() || !password) {
          setError(t("invalid"));
          return;
        }
        setError(null);
        start(async () => {
          try {
            const result = await signInAction({ login, password, callbackUrl });
            if (result && !result.ok) {
              setError(result.error === "invalid" ? t("invalid") : t("failed"));
              setPassword("");
            }
          } catch (err) {
            // redirect() on success surfaces here as a navigation, which Next handles.
            if (err && typeof err === "object" && "digest" in err && String((err as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) throw err;
            setError(tErrors("network"));
          }
        });
      }}
    >
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field id="login" label={t("login")}>
        {(p) => <Input {...p} name="login" autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} value={login} onChange={(e) => setLogin(e.target.value)} />}
      </Field>
      <Field id="password" label={t("password")}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
