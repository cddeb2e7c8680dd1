import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/platform/format/dates";
import { enterpriseTimeline } from "@/lib/hotline/enterprise-file";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import type { EnterpriseSectionProps } from "./types";

const HREF = { visit: "/visits/", request: "/hotline/", problem: "/problems/" } as const;
const TONE = { visit: "blue", request: "amber", problem: "red" } as const;

/** Everything in one line, newest first: visits, requests, problems. */
export async function TimelineSection({ actor, enterprise }: EnterpriseSectionProps) {
  const t = await getTranslations("enterpriseFile");
  const th = await getTranslations("hotline");
  const tp = await getTranslations("problems");
  const tv = await getTranslations("visits");
  const locale = await getLocale();
  const items = await enterpriseTimeline(actor, enterprise.id);
  const statusLabel = (kind: keyof typeof HREF, status: string) =>
    kind === "request" ? th(`status.${status}` as never) : kind === "problem" ? tp(`status.${status}` as never) : tv(`kinds.${status}` as never);
  return (
    <Card title={t("timeline")} actions={<span className="text-xs text-slate-500">{t("timelineIntro")}</span>}>
      {items.length === 0 ? <EmptyState>{t("noTimeline")}</EmptyState> : (
        <ol className="relative space-y-3 border-l-2 border-slate-200 pl-4" data-testid="enterprise-timeline">
          {items.map((i) => (
            <li key={`${i.kind}:${i.id}`} className="relative">
              <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full border-2 border-white bg-brand-700" />
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone={TONE[i.kind]}>{t(`kind.${i.kind}`)}</Badge>
                <Link href={`${HREF[i.kind]}${i.id}`} className="font-medium text-brand-700 hover:underline">{i.title}</Link>
                <span className="text-slate-600">{statusLabel(i.kind, i.status)}</span>
                <time dateTime={new Date(i.at).toISOString()} className="tabular-nums text-slate-500">{formatDateTime(new Date(i.at), locale).slice(0, -3)}</time>
              </p>
              {i.detail ? <p className="mt-0.5 line-clamp-2 text-sm text-slate-700">{i.detail}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
