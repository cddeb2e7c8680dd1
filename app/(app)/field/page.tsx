// 外勤离线 (issue 16): what this device holds for the officer's field work — the outbox (records
// kept here until the server accepts them, with what to fix), the work set's state, and the
// install card. Everything shown comes from the device (IndexedDB), so the page works offline
// once the service worker has it.
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { PageHeader, Card } from "@/components/ui/card";
import { ClientMessages } from "@/components/i18n/client-messages";
import { OutboxList } from "@/components/field/outbox-list";
import { WorkSetStatus } from "@/components/field/work-set-status";
import { InstallCard } from "@/components/field/install-card";

export async function generateMetadata() {
  const t = await getTranslations("field.outbox");
  return { title: t("pageTitle") };
}

export default async function FieldPage() {
  const user = await requirePermission("visit.create");
  const t = await getTranslations("field.outbox");
  return (
    <ClientMessages namespaces={["field.outbox", "field.resolve", "field.pwa", "field.workSet", "problems.status"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <PageHeader title={t("pageTitle")} description={t("pageIntro")} />
        <Card title={t("heading")}>
          <OutboxList userId={user.id} />
        </Card>
        <WorkSetStatus userId={user.id} />
        <InstallCard />
      </div>
    </ClientMessages>
  );
}
