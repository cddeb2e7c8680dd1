import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/button";

export default async function ForbiddenPage() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 py-16 text-center">
      <p className="text-5xl font-bold text-slate-300">403</p>
      <h1 className="text-xl font-semibold">{t("pageTitle403")}</h1>
      <p className="text-slate-600">{t("page403")}</p>
      <LinkButton href="/">{t("goHome")}</LinkButton>
    </div>
  );
}
