import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="text-xl font-semibold">{t("pageTitle404")}</h1>
      <p className="text-slate-600">{t("page404")}</p>
      <LinkButton href="/">{t("goHome")}</LinkButton>
    </main>
  );
}
