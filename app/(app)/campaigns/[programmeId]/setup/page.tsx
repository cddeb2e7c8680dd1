import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getCampaignSetup, getSetupOptions } from "@/lib/visits/campaigns/queries";
import { Alert } from "@/components/ui/alert";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { CampaignSetupForm } from "@/components/campaigns/setup-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("setup.title") };
}

export default async function CampaignSetupPage({ params, searchParams }: { params: Promise<{ programmeId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("campaign.configure");
  const { programmeId } = await params;
  const { notice } = await searchParams;
  const setup = await loadOrNotFound(user, pageAuditName("/campaigns/[programmeId]/setup"), () => getCampaignSetup(user, programmeId));
  // The owning unit must lie in the user's subtree (a town manager configures the town's campaign).
  if (!can(user, "campaign.configure", setup.campaign)) forbidden();
  const options = await getSetupOptions(user, setup.campaign);
  const t = await getTranslations("campaigns");

  return (
    <ClientMessages namespaces={["campaigns", "validation.*"]}>
      <div className="space-y-4">
        <CampaignHeader user={user} campaign={setup.campaign} current="setup" />
        {notice === "saved" ? <Alert tone="success">{t("setup.saved")}</Alert> : null}
        {setup.campaign.status === "CLOSED" ? (
          <Alert tone="info">{t("setup.closed")}</Alert>
        ) : (
          <CampaignSetupForm
            key={setup.campaign.version}
            programmeId={setup.campaign.id}
            version={setup.campaign.version}
            people={options.people}
            units={options.units}
            initial={{
              participants: setup.participants.map((p) => ({ officerId: p.officerId, mentorId: p.mentorId ?? "" })),
              assignments: setup.assignments.map((a) => ({ orgUnitId: a.orgUnitId, officerId: a.officerId ?? "" })),
              checkItems: setup.checkItems.map((c) => ({ id: c.id, label: c.label, active: c.active })),
              rules: setup.rules.map((r) => ({ kind: r.kind, period: r.period, minVisits: String(r.minVisits), dueSoonDays: String(r.dueSoonDays) })),
              problemDueDays: String(setup.campaign.settings.problemDueDays),
            }}
          />
        )}
      </div>
    </ClientMessages>
  );
}
