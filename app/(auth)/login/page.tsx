import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/platform/auth/session";
import { LoginForm } from "@/components/account/login-form";
import { DingTalkSignIn } from "@/components/account/dingtalk-sign-in";
import { dingtalkCorpId } from "@/lib/platform/dingtalk/settings";
import { pendingDingTalkLink } from "@/lib/platform/auth/dingtalk";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations();
  const { callbackUrl } = await searchParams;
  const corpId = dingtalkCorpId();
  const linkPending = corpId !== null && (await pendingDingTalkLink()) !== null;
  // Auth.js hands us an absolute URL with the server's own host: keep only the path.
  let path = "/";
  try {
    if (callbackUrl) path = new URL(callbackUrl, "http://x").pathname;
  } catch {
    path = "/";
  }
  return (
    <ClientMessages namespaces={["login", "nav.language"]}>
      <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-700 to-brand-800 px-4 py-10">
        <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow-xl">
          <div className="mb-6 flex items-start justify-between gap-2">
            <div>
              <p className="text-lg font-semibold text-brand-800">{t("app.name")}</p>
              <h1 className="text-sm text-slate-600">{t("app.tagline")} · {t("login.title")}</h1>
            </div>
            <LanguageSwitch className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-brand-50" />
          </div>
          {/* 免登 when DingTalk is configured; renders nothing outside the DingTalk client. */}
          {corpId ? <DingTalkSignIn corpId={corpId} callbackUrl={path} linkPending={linkPending} /> : null}
          <LoginForm callbackUrl={path} />
          <p className="mt-4 text-xs text-slate-500">{t("login.hint")}</p>
        </div>
      </main>
    </ClientMessages>
  );
}
