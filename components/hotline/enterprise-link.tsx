"use client";
// A request that names no registered enterprise: the register's likely match(es) with a
// one-tap 确认关联, or any other enterprise of the area through the intake form's search.
// The server checks again that the enterprise lies in the request's area and the user's.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { linkRequestEnterpriseAction } from "@/lib/hotline/actions";
import { rememberVersion, useLatestVersion } from "@/components/forms/use-version";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EnterpriseSearch, type EnterpriseMatch } from "./enterprise-search";

type Props = { requestId: string; version: number; enterpriseName: string; suggestions: EnterpriseMatch[] };

export function EnterpriseLink({ requestId, version: rendered, enterpriseName, suggestions }: Props) {
  const t = useTranslations("hotline");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const searchId = useId();
  const [version] = useLatestVersion(requestId, rendered);
  const [picking, setPicking] = useState(suggestions.length === 0);
  const [picked, setPicked] = useState<EnterpriseMatch | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const link = async (enterprise: EnterpriseMatch) => {
    setPending(true);
    setMessage(null);
    try {
      const result = await linkRequestEnterpriseAction({ id: requestId, version, enterpriseId: enterprise.id });
      if (result.ok) {
        rememberVersion(requestId, result.data);
        setMessage({ tone: "success", text: t("enterpriseLinked", { name: enterprise.label }) });
      } else {
        setMessage({ tone: "error", text: result.fieldErrors?.enterpriseId?.[0] ?? result.error });
      }
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: tErrors("network") });
    } finally {
      setPending(false);
    }
  };

  const confirm = (m: EnterpriseMatch) => (
    <Button size="sm" className="h-11" disabled={pending} onClick={() => link(m)} aria-label={`${t("linkEnterprise")} ${m.label}`}>
      {t("linkEnterprise")}
    </Button>
  );

  return (
    <div className="space-y-3" data-testid="enterprise-link">
      <p className="text-slate-700">{enterpriseName} <span className="text-slate-500">{t("enterpriseNotRegistered")}</span></p>
      {suggestions.length ? (
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-700">{t("enterpriseSuggested")}</p>
          <ul className="divide-y divide-slate-100 rounded-md border border-amber-300 bg-amber-50">
            {suggestions.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="enterprise-suggestion">
                <span className="min-w-0">
                  <span className="block font-medium text-slate-900">{m.label}</span>
                  {m.detail ? <span className="block font-mono text-sm text-slate-600">{m.detail}</span> : null}
                </span>
                {confirm(m)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {picking ? (
        <div className="space-y-2">
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">{t("linkOtherEnterprise")}</label>
          <EnterpriseSearch inputId={searchId} selected={picked} onSelect={setPicked} />
          {picked ? confirm(picked) : null}
        </div>
      ) : (
        <Button variant="secondary" size="sm" className="h-11" onClick={() => setPicking(true)}>{t("linkOtherEnterprise")}</Button>
      )}
      {message ? <Alert tone={message.tone === "success" ? "success" : "error"}>{message.text}</Alert> : null}
    </div>
  );
}
