import { now } from "@/lib/platform/clock";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getShowcaseProgramme } from "@/lib/showcases/programme";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { Card, PageHeader } from "@/components/ui/card";
import { SessionForm } from "@/components/showcases/session-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("showcase");
  return { title: t("newSession") };
}

export default async function NewSessionPage({ searchParams }: { searchParams: Promise<{ programmeId?: string }> }) {
  const user = await requirePermission("showcase.manage");
  const { programmeId } = await searchParams;
  const programme = await loadOrNotFound(user, pageAuditName("/showcases/new"), () => getShowcaseProgramme(user, programmeId ?? ""));
  if (!can(user, "showcase.manage", programme)) forbidden();
  const t = await getTranslations("showcase");
  const today = shanghaiDate(now());
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  return (
    <ClientMessages namespaces={["showcase", "validation.*", "validation.showcase"]}>
      <div className="space-y-4">
        <PageHeader title={t("newSession")} description={programme.name} />
        <Card className="max-w-3xl"><SessionForm programmeId={programme.id} defaultQuarter={quarter} defaultDate={today} /></Card>
      </div>
    </ClientMessages>
  );
}
