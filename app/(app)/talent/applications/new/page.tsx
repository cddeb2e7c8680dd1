import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { enterpriseOptions, talentOptions } from "@/lib/talent/queries";
import { getTalentProgrammeOrThrow } from "@/lib/talent/points/programme";
import { itemOptions } from "@/lib/talent/points/queries";
import { PageHeader } from "@/components/ui/card";
import { ApplicationForm } from "@/components/talent/application-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("points.apply");
  return { title: t("title") };
}

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission("points.apply");
  const t = await getTranslations("points.apply");
  const programme = await getTalentProgrammeOrThrow(user);
  const [items, talents, enterprises] = await Promise.all([itemOptions(programme.id), talentOptions(user, programme.reach), enterpriseOptions(user, programme.reach)]);
  const sp = await searchParams;
  const talentId = talents.some((x) => x.id === sp.talentId) ? sp.talentId! : "";
  const enterpriseId = enterprises.some((x) => x.id === sp.enterpriseId) ? sp.enterpriseId! : "";
  return (
    <ClientMessages namespaces={["points.apply", "validation.*", "validation.points"]}>
      <div className="mx-auto max-w-3xl">
        <PageHeader title={t("title")} description={t("intro")} />
        <ApplicationForm
          items={items}
          talents={talents.map((x) => ({ id: x.id, name: x.name, enterpriseName: x.enterpriseName }))}
          enterprises={enterprises.map((e) => ({ id: e.id, name: e.name }))}
          defaults={{ subject: enterpriseId && !talentId ? "ENTERPRISE" : "TALENT", talentId, enterpriseId }}
        />
      </div>
    </ClientMessages>
  );
}
