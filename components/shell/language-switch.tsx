"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { setLocaleAction } from "@/lib/account/actions";

export function LanguageSwitch({ className }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("nav");
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "en" ? "zh-CN" : "en";
  return (
    <button
      type="button"
      lang={next}
      disabled={pending}
      className={className ?? "rounded-md px-2 py-1 text-sm text-white/90 hover:bg-white/10"}
      onClick={() =>
        start(async () => {
          await setLocaleAction(next);
          router.refresh();
        })
      }
    >
      {t("language")}
    </button>
  );
}
