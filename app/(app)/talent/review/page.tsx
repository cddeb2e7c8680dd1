import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { listApplications } from "@/lib/talent/points/applications";
import { listRedemptions } from "@/lib/talent/points/redemption";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ApplicationList } from "@/components/talent/application-list";

export async function generateMetadata() {
  const t = await getTranslations("points");
  return { title: t("reviewQueue") };
}

export default async function ReviewQueuePage() {
  const user = await requireUser();
  if (!can(user, "points.review") && !can(user, "points.approve")) forbidden();
  const t = await getTranslations("points");
  const [rows, requested] = await Promise.all([
    listApplications(user, { status: ["SUBMITTED", "UNDER_REVIEW"] }),
    can(user, "redemption.decide") ? listRedemptions(user, { status: ["REQUESTED"] }) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("reviewQueue")} description={t("reviewIntro")} />
      {requested.length ? (
        <Card title={t("redemptionsWaiting", { count: requested.length })} actions={<LinkButton size="sm" variant="secondary" href="/talent/redemptions?status=REQUESTED">{t("open")}</LinkButton>}>
          <p className="text-sm text-slate-600">{t("redemptionsWaitingHint")}</p>
        </Card>
      ) : null}
      <ApplicationList rows={rows} empty={t("queueEmpty")} />
    </div>
  );
}
