import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";

// What `forbidden()` renders, with HTTP 403: a page the user's role may not open
// (requirePermission and the pages' own permission checks).
export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="text-xl font-semibold">{t("pageTitle403")}</h1>
      <p className="text-slate-600">{t("page403")}</p>
      <LinkButton href="/">{t("goHome")}</LinkButton>
    </main>
  );
}
