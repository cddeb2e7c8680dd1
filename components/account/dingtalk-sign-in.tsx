"use client";
// 免登 on the login page. Outside the DingTalk client this renders nothing and loads nothing:
// dingtalk-jsapi is imported dynamically, only once the user agent says DingTalk (its own
// chunk), so /login stays the same page for every other browser.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { dingtalkSignInAction, type DingTalkSignInState } from "@/lib/account/actions";
import { Alert } from "@/components/ui/alert";

type Status = "idle" | "signingIn" | DingTalkSignInState["status"];

/** DingTalk (and 浙政钉, a DingTalk build) names itself in the user agent. */
export function insideDingTalk(userAgent: string): boolean {
  return /DingTalk/i.test(userAgent);
}

export function DingTalkSignIn({ corpId, callbackUrl, linkPending }: { corpId: string; callbackUrl: string; linkPending: boolean }) {
  const t = useTranslations("login.dingtalk");
  const [status, setStatus] = useState<Status>("idle");

  useEffect(() => {
    // After an "unlinked" answer the page waits for the password: no second attempt.
    if (linkPending || !insideDingTalk(navigator.userAgent)) return;
    let cancelled = false;
    (async () => {
      try {
        const { default: dd } = await import("dingtalk-jsapi");
        if (!cancelled) setStatus("signingIn");
        const { code } = await dd.runtime.permission.requestAuthCode({ corpId });
        // Redirects on success; otherwise says why.
        const result = await dingtalkSignInAction({ code, callbackUrl });
        if (!cancelled) setStatus(result.status);
      } catch (error) {
        // A redirect from the action is how success arrives: Next is already navigating.
        if ((error as { digest?: string })?.digest?.startsWith("NEXT_REDIRECT")) return;
        if (!cancelled) setStatus("failed");
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [corpId, callbackUrl, linkPending]);

  if (linkPending) return <Alert tone="info" className="mb-4">{t("linking")}</Alert>;
  if (status === "idle") return null;
  if (status === "signingIn") return <Alert tone="info" className="mb-4">{t("signingIn")}</Alert>;
  if (status === "unlinked") return <Alert tone="warning" className="mb-4">{t("unlinked")}</Alert>;
  return <Alert tone="error" className="mb-4">{t(status)}</Alert>;
}
