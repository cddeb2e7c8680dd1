// /offline (issue 16): what the service worker shows for a page it has not kept while there is
// no network, instead of the browser's error page. Precached at install (scripts/build-sw.mjs),
// open signed out (proxy.ts), no data and no client code: plain links, each a full navigation
// the worker answers (a kept page, or this one again).
import { getTranslations } from "next-intl/server";

export async function generateMetadata() {
  const t = await getTranslations("field.pwa");
  return { title: t("offlineTitle") };
}

export default async function OfflinePage() {
  const t = await getTranslations("field.pwa");
  return (
    <main className="flex min-h-dvh flex-col bg-slate-50">
      <header className="bg-brand-700 px-4 py-3 text-white">
        <p className="text-lg font-semibold">{t("offlineTitle")}</p>
      </header>
      <div className="mx-auto w-full max-w-lg px-4 py-6">
        <h1 className="text-lg font-semibold text-slate-900">{t("offlineHeading")}</h1>
        <p className="mt-3 text-sm text-slate-700">{t("offlineBody")}</p>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>{t("offlineWorks1")}</li>
          <li>{t("offlineWorks2")}</li>
          <li>{t("offlineWorks3")}</li>
        </ul>
        <div className="mt-6 flex flex-wrap gap-3">
          {/* Plain links on purpose: a full navigation, which the service worker answers from its
              cache (a client navigation's RSC fetch has no offline answer). */}
          {/* eslint-disable @next/next/no-html-link-for-pages -- full navigations, see above */}
          <a href="/field" className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white">{t("offlineLink")}</a>
          <a href="/" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm text-slate-800">{t("offlineHome")}</a>
          {/* eslint-enable @next/next/no-html-link-for-pages */}
        </div>
      </div>
    </main>
  );
}
