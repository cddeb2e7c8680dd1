import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/platform/format/dates";
import { publicStatus } from "@/lib/hotline/public";
import { clientIp } from "@/lib/hotline/rate-limit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { ClockList } from "@/components/hotline/clock-list";
import { RequestStatusBadge } from "@/components/hotline/status-badge";
import { RequestTimeline } from "@/components/hotline/request-timeline";
import { PublicFeedbackForm } from "@/components/hotline/public-feedback-form";

export async function generateMetadata() {
  const t = await getTranslations("publicService");
  return { title: t("trackTitle"), robots: { index: false } };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? "").trim().slice(0, 40);

export default async function TrackPage({ searchParams }: { searchParams: Promise<Params> }) {
  const t = await getTranslations("publicService");
  const th = await getTranslations("hotline");
  const locale = await getLocale();
  const params = await searchParams;
  const number = one(params.n);
  const code = one(params.c);
  const status = number && code ? await publicStatus(number, code, clientIp(await headers())) : undefined;
  const time = (d: Date) => formatDateTime(d, locale).slice(0, -3);

  return (
    <div className="space-y-4">
      <Card titleLevel={1} title={t("trackTitle")}>
        <form method="get" action="/service/track" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <div className="space-y-1">
            <label htmlFor="n" className="block text-sm font-medium text-slate-700">{t("number")}</label>
            <input id="n" name="n" defaultValue={number} required autoCapitalize="characters" className={`${controlClass} h-11 font-mono`} />
          </div>
          <div className="space-y-1">
            <label htmlFor="c" className="block text-sm font-medium text-slate-700">{t("code")}</label>
            <input id="c" name="c" defaultValue={code} required autoCapitalize="characters" autoComplete="off" className={`${controlClass} h-11 font-mono`} />
          </div>
          <Button type="submit">{t("lookup")}</Button>
        </form>
        {!number || !code ? <p className="mt-2 text-sm text-slate-600">{t("trackIntro")}</p> : null}
      </Card>

      {status === null ? <Alert tone="error">{t("notFound")}</Alert> : null}
      {status?.limited ? <Alert tone="error">{t("limited")}</Alert> : null}
      {status && !status.limited ? (
        <>
          <Card title={t("statusTitle", { number: status.number })}>
            <div className="space-y-3">
              <div className="flex flex-wrap items-center gap-2" data-testid="public-status">
                <RequestStatusBadge status={status.status} label={th(`status.${status.status}`)} />
                <span className="text-sm text-slate-600">{status.category}</span>
              </div>
              <p className="font-medium text-slate-900">{status.enterpriseName}</p>
              <p className="whitespace-pre-wrap break-words text-sm text-slate-700">{status.description}</p>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-slate-500">{t("receivedAt")}</dt><dd className="tabular-nums">{time(status.receivedAt)}</dd>
                <dt className="text-slate-500">{t("department")}</dt><dd>{status.leadDepartmentName ?? t("departmentPending")}</dd>
                {status.response ? (<><dt className="text-slate-500">{t("response")}</dt><dd className="whitespace-pre-wrap" data-testid="public-response">{status.response}</dd></>) : null}
                {status.resolution ? (<><dt className="text-slate-500">{t("resolution")}</dt><dd className="whitespace-pre-wrap">{status.resolution}</dd></>) : null}
                {status.satisfaction ? (<><dt className="text-slate-500">{t("satisfaction")}</dt><dd>{t("closedAs", { value: status.satisfaction })}</dd></>) : null}
              </dl>
              {status.status === "CLOSED" && status.satisfaction ? <Alert tone="success">{t("feedbackDone")}</Alert> : null}
              {status.status === "REOPENED" ? <Alert tone="info">{t("reopenDone")}</Alert> : null}
              {status.mergedInto ? <Alert tone="info">{t("mergedInto", { number: status.mergedInto.number })}</Alert> : null}
            </div>
          </Card>
          {status.status === "RESOLVED" ? (
            <Card title={t("feedbackTitle")}>
              <PublicFeedbackForm number={status.number} code={code} />
            </Card>
          ) : null}
          <Card title={t("clocks")}>
            <ClockList clocks={status.clocks} />
          </Card>
          <Card title={t("progress")}>
            <RequestTimeline events={status.events} showActors={false} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
