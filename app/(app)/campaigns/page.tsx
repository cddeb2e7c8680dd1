import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { listCampaigns } from "@/lib/visits/campaigns/queries";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ProgrammeStatusBadge } from "@/components/programmes/badges";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

export default async function CampaignsPage() {
  const user = await requirePermission("visit.view");
  const t = await getTranslations("campaigns");
  const tStatuses = await getTranslations("programmeStatuses");
  const campaigns = await listCampaigns(user);

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} />
      {campaigns.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {campaigns.map((c) => (
            <li key={c.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600 focus-within:border-brand-600">
              <div className="flex flex-col gap-2 md:flex-row md:items-center md:justify-between md:gap-6">
                <div className="min-w-0">
                  <ProgrammeStatusBadge status={c.status} label={tStatuses(c.status)} />
                  <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                    <Link href={`/campaigns/${c.id}`} className="break-words after:absolute after:inset-0 after:rounded-lg hover:text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                  </h2>
                  <p className="mt-0.5 text-sm text-slate-600">
                    {c.orgUnit.name} · <span className="tabular-nums">{formatCalendarDate(c.startDate)} – {formatCalendarDate(c.endDate)}</span>
                  </p>
                </div>
                <dl className="grid shrink-0 grid-cols-4 gap-3 text-center text-sm md:gap-5">
                  {([
                    ["officers", c._count.campaignParticipants],
                    ["units", c._count.campaignAssignments],
                    ["visits", c._count.visits],
                    ["events", c._count.events],
                  ] as const).map(([key, n]) => (
                    <div key={key}>
                      <dt className="text-xs text-slate-500">{t(`listCounts.${key}`)}</dt>
                      <dd className="text-base font-semibold tabular-nums text-slate-900">{n}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
