import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/platform/format/dates";
import { enterpriseVisits, FILE_LIST_LIMIT } from "@/lib/hotline/enterprise-file";
import { Card, EmptyState } from "@/components/ui/card";
import type { EnterpriseSectionProps } from "./types";

/** Every visit to the enterprise (走访记录), newest first. */
export async function VisitsSection({ actor, enterprise }: EnterpriseSectionProps) {
  const t = await getTranslations("enterpriseFile");
  const tv = await getTranslations("visits");
  const locale = await getLocale();
  const visits = await enterpriseVisits(actor, enterprise.id);
  return (
    <Card title={t("visits")} actions={visits.length >= FILE_LIST_LIMIT ? <span className="text-xs text-slate-500">{t("moreLimited", { count: FILE_LIST_LIMIT })}</span> : null}>
      {visits.length === 0 ? <EmptyState>{t("noVisits")}</EmptyState> : (
        <ul className="divide-y divide-slate-100">
          {visits.map((v) => (
            <li key={v.id} className="py-2">
              <Link href={`/visits/${v.id}`} className="block min-h-11 hover:bg-slate-50">
                <span className="block text-sm font-medium text-slate-900">{t("visitLine", { officer: v.officer.name, kind: tv(`kinds.${v.kind}`) })}</span>
                <span className="block text-xs tabular-nums text-slate-500">{formatDateTime(v.visitedAt, locale).slice(0, -3)}</span>
                {v.notes ? <span className="block line-clamp-1 text-sm text-slate-600">{v.notes}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
