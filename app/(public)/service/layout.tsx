// The enterprise's public pages (no login; see proxy.ts): a plain frame without the staff shell.
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function PublicServiceLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("publicService");
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <Link href="/service" className="min-w-0">
            <p className="text-lg font-semibold">{t("title")}</p>
            <p className="text-sm text-white/80">{t("subtitle")}</p>
          </Link>
          <Link href="/service/track" className="inline-flex min-h-11 items-center rounded-md px-2 text-sm underline">{t("trackTitle")}</Link>
        </div>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-5">
        <ClientMessages namespaces={["publicService"]}>{children}</ClientMessages>
      </main>
      <footer className="mx-auto max-w-2xl px-4 pb-6 text-xs text-slate-500">
        <Link href="/login" className="underline">{t("staffLogin")}</Link>
      </footer>
    </div>
  );
}
