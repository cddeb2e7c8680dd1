// The enterprise file's (一企一档) service-station section: the enterprise's cases (办件) at the
// stations the viewer sees, newest first, each linking to its case page. Renders nothing for a
// viewer without the permission or when there are none.
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { EnterpriseSectionProps } from "@/components/registers/enterprise-file/types";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { enterpriseStationCases } from "@/lib/service-stations/enterprise-cases";
import { Badge, Card } from "@/components/ui/card";

const TONES = { SCHEDULED: "slate", IN_PROGRESS: "blue", ROUND_TABLE: "amber", FINISHED: "green", CANCELLED: "slate" } as const;

export async function EnterpriseStationCasesSection({ actor, enterprise }: EnterpriseSectionProps) {
  if (!can(actor, "serviceStation.view")) return null;
  const { cases, total } = await enterpriseStationCases(actor, enterprise.id);
  if (total === 0) return null;
  const t = await getTranslations("serviceStation.progress");
  const locale = await getLocale();
  return (
    <Card title={t("enterpriseCases.title", { n: total })}>
      <ul className="-my-2 divide-y divide-slate-100 text-sm" data-testid="enterprise-station-cases">
        {cases.map((c) => (
          <li key={c.id} className="space-y-1 py-2">
            <p className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/service-stations/cases/${c.id}`} className="inline-flex min-h-10 items-center font-medium text-brand-700 underline-offset-2 hover:underline">
                {c.number}
              </Link>
              <Badge tone={TONES[c.status]}>{t(`status.${c.status}`)}</Badge>
            </p>
            <p className="text-slate-800">{c.bundle ? t("enterpriseCases.bundle", { name: c.bundle.name }) : c.items.join("、")}</p>
            <p className="text-xs text-slate-600">
              {c.station.name}
              {c.finishedAt ? <> · {t("enterpriseCases.finishedAt", { time: formatDateTime(c.finishedAt, locale) })}</> : null}
              {c.status === "FINISHED" && c.savedMinutes !== null ? <> · {t("enterpriseCases.saved", { minutes: c.savedMinutes })}</> : null}
            </p>
          </li>
        ))}
      </ul>
      {total > cases.length ? <p className="mt-2 text-xs text-slate-600">{t("enterpriseCases.more", { shown: cases.length, total })}</p> : null}
    </Card>
  );
}
