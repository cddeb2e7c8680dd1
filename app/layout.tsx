import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    // app/manifest.ts is linked by Next itself. iOS Safari ignores the manifest's icons and
    // standalone mode: these say the same for "添加到主屏幕" (issue 16).
    appleWebApp: { capable: true, title: "专项通", statusBarStyle: "default" },
    icons: { apple: "/icons/apple-touch-icon.png" },
  };
}

// brand-700, the header's colour; app/manifest.ts gives the installed app the same.
export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#174aa6" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-dvh font-sans">
        {/* Locale, time zone and formats for every client component, and no messages: each layout
            or page ships its client components' namespaces with <ClientMessages> (decision 0020). */}
        <NextIntlClientProvider messages={{}}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
