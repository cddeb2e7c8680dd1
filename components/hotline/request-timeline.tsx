// A request's timeline, oldest first. The public page shows it without actors or notes.
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/platform/format/dates";
import { formatDeadline } from "@/lib/platform/format/deadline";

type Event = {
  id: string;
  kind: string;
  at: Date;
  note?: string;
  data?: unknown;
  actor?: { name: string } | null;
};

export async function RequestTimeline({ events, showActors }: { events: Event[]; showActors: boolean }) {
  const t = await getTranslations("hotline");
  const locale = await getLocale();
  const time = (d: Date) => formatDateTime(d, locale).slice(0, -3);
  const detail = (e: Event): string | null => {
    if (!e.data) return null;
    const d = e.data as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    switch (e.kind) {
      case "assign":
      case "reassign": {
        const main = t("eventData.assignedTo", { dept: str(d.leadDepartment) || "—", person: str(d.assignee) || "—" });
        const co = Array.isArray(d.coHandlers) && d.coHandlers.length ? `；${t("eventData.coHandlers", { names: d.coHandlers.join("、") })}` : "";
        return main + co;
      }
      case "enterpriseLinked": return d.enterprise ? t("eventData.enterpriseLinked", { name: str(d.enterprise), code: str(d.creditCode) }) : null;
      case "merge": return d.into ? t("eventData.mergedInto", { number: str(d.into) }) : null;
      case "mergedIn": return d.number ? t("eventData.mergedIn", { number: str(d.number) }) : null;
      case "extensionRequested":
      case "extensionApproved":
      case "extensionRejected": return d.proposedDueAt ? t("eventData.extendedTo", { time: formatDeadline(new Date(str(d.proposedDueAt)), locale) }) : null;
      case "warning":
      case "breach": return d.stage ? t("eventData.stage", { stage: t(`stage.${str(d.stage)}` as never) }) : null;
      case "close": return typeof d.satisfaction === "number" ? t("eventData.satisfaction", { value: d.satisfaction }) + (d.by === "enterprise" ? ` · ${t("eventData.byEnterprise")}` : "") : null;
      default: return null;
    }
  };
  return (
    <ol className="relative space-y-4 border-l-2 border-slate-200 pl-4">
      {events.map((e) => {
        const extra = detail(e);
        const alarm = e.kind === "breach" || e.kind === "warning";
        return (
          <li key={e.id} className="relative">
            <span aria-hidden="true" className={`absolute -left-[1.4rem] top-1.5 size-3 rounded-full border-2 border-white ${alarm ? "bg-red-600" : "bg-brand-700"}`} />
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span className={`font-medium ${alarm ? "text-red-700" : "text-slate-900"}`}>{t(`event.${e.kind}` as never)}</span>
              {showActors ? <span className="text-slate-700">{e.actor?.name ?? t("eventData.system")}</span> : null}
              <time dateTime={e.at.toISOString()} className="tabular-nums text-slate-500">{time(e.at)}</time>
            </p>
            {extra ? <p className="mt-0.5 text-sm text-slate-700">{extra}</p> : null}
            {showActors && e.note ? <p className="mt-0.5 whitespace-pre-wrap break-words text-sm text-slate-700">{e.note}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
