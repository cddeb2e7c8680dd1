// A points account's ledger: every entry with its cause and the balance after it. Grants
// not yet reversed get a "reverse" button for users holding points.reverse.
import { Link } from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { formatCalendarDate, formatDateTime } from "@/lib/platform/format/dates";
import { reverseGrantAction } from "@/lib/talent/points/ledger-actions";
import { EmptyState } from "@/components/ui/card";
import { StepButton } from "./step-button";

type Entry = {
  seq: string; kind: "GRANT" | "REDEMPTION" | "REVERSAL" | "EXPIRY"; points: number; balanceAfter: number; reason: string; at: Date; expiresOn: Date | null;
  item: { name: string } | null; application: { id: string; number: string } | null; redemption: { id: string; number: string } | null; reversedBy: { seq: string; kind: string } | null;
};

export function LedgerTable({ entries, canReverse }: { entries: Entry[]; canReverse: boolean }) {
  const t = useTranslations("points.ledger");
  const locale = useLocale();
  if (entries.length === 0) return <EmptyState>{t("empty")}</EmptyState>;
  return (
    <ol className="divide-y divide-slate-100" aria-label={t("title")}>
      {entries.map((e) => (
        <li key={e.seq} className="flex flex-wrap items-start justify-between gap-2 py-2">
          <div className="min-w-0 flex-1">
            <div className="text-sm font-medium text-slate-900">
              {t(`kinds.${e.kind}`)}{e.item ? ` · ${e.item.name}` : ""}
              {e.reversedBy ? <span className="ml-2 text-xs font-normal text-slate-500">{t(e.reversedBy.kind === "EXPIRY" ? "expired" : "reversed")}</span> : null}
            </div>
            <div className="break-words text-xs text-slate-600">{e.reason}</div>
            <div className="text-xs text-slate-500">
              {formatDateTime(e.at, locale)}
              {e.application ? <> · <Link className="text-brand-700 underline" href={`/talent/applications/${e.application.id}`}>{e.application.number}</Link></> : null}
              {e.redemption ? <> · {e.redemption.number}</> : null}
              {e.expiresOn && !e.reversedBy ? <> · {t("expiresOn", { date: formatCalendarDate(e.expiresOn) })}</> : null}
            </div>
          </div>
          <div className="text-right">
            <div className={e.points >= 0 ? "font-semibold tabular-nums text-emerald-700" : "font-semibold tabular-nums text-red-700"}>{e.points >= 0 ? `+${e.points}` : e.points}</div>
            <div className="text-xs tabular-nums text-slate-500">{t("balanceAfter", { balance: e.balanceAfter })}</div>
            {canReverse && e.kind === "GRANT" && !e.reversedBy ? (
              <div className="mt-1">
                <StepButton label={t("reverse")} variant="ghost" action={reverseGrantAction} input={{ seq: e.seq }} reason={{ label: t("reverseReason"), required: true, field: "reason" }} confirm={{ title: t("reverseTitle"), message: t("reverseMessage", { points: e.points }) }} />
              </div>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
