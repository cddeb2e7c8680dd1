import { getTranslations } from "next-intl/server";
import { publicProgrammes } from "@/lib/hotline/public-queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PublicIntakeForm } from "@/components/hotline/public-intake-form";

export async function generateMetadata() {
  const t = await getTranslations("publicService");
  return { title: t("title") };
}

export default async function PublicServicePage() {
  const t = await getTranslations("publicService");
  const programmes = await publicProgrammes();
  return (
    <div className="space-y-4">
      <p className="text-slate-700">{t("intro")}</p>
      {programmes.length === 0 ? <Alert tone="warning">{t("noProgramme")}</Alert> : (
        <Card titleLevel={1} title={t("formTitle")}>
          <PublicIntakeForm programmes={programmes} />
        </Card>
      )}
    </div>
  );
}
