import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/platform/format/dates";
import { clocksOf } from "@/lib/hotline/clocks";
import { enterpriseRequests, FILE_LIST_LIMIT } from "@/lib/hotline/enterprise-file";
import { Card, EmptyState } from "@/components/ui/card";
import { ClockList } from "@/components/hotline/clock-list";
import { RequestStatusBadge } from "@/components/hotline/status-badge";
import type { EnterpriseSectionProps } from "./types";

/** Every hotline request (热线诉求) with its status and same-day clocks. */
export async function RequestsSection({ actor, enterprise }: EnterpriseSectionProps) {
  const t = await getTranslations("enterpriseFile");
  const th = await getTranslations("hotline");
  const locale = await getLocale();
  const requests = await enterpriseRequests(actor, enterprise.id, FILE_LIST_LIMIT);
  return (
    <Card title={t("requests")}>
      {requests.length === 0 ? <EmptyState>{t("noRequests")}</EmptyState> : (
        <ul className="space-y-3">
          {requests.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <RequestStatusBadge status={r.status} label={th(`status.${r.status}`)} />
                <Link href={`/hotline/${r.id}`} className="text-sm font-medium text-brand-700 hover:underline">{t("requestLine", { number: r.number, category: r.category })}</Link>
                <span className="text-xs tabular-nums text-slate-500">{formatDateTime(r.receivedAt, locale).slice(0, -3)}</span>
                {r.satisfaction ? <span className="text-xs text-slate-600">{th("satisfactionValue", { value: r.satisfaction })}</span> : null}
              </div>
              <p className="mt-1 line-clamp-2 text-sm text-slate-700">{r.title || r.description}</p>
              {r.status !== "MERGED" ? <div className="mt-2"><ClockList clocks={clocksOf(r)} compact /></div> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
