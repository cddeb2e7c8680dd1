// Applications as cards (phone) or a table (desktop).
import { Link } from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/platform/format/dates";
import { EmptyState } from "@/components/ui/card";
import { TableCard } from "@/components/ui/table";
import { ApplicationStatusBadge } from "./badges";

type Row = {
  id: string; number: string; subject: "TALENT" | "ENTERPRISE"; status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "APPROVED" | "REJECTED" | "RETURNED";
  updatedAt: Date; talent: { name: string } | null; enterprise: { name: string }; preparedBy: { name: string }; lines: { claimedPoints: number; awardedPoints: number | null }[];
};

export function ApplicationList({ rows, empty }: { rows: Row[]; empty: string }) {
  const t = useTranslations("points");
  const locale = useLocale();
  if (rows.length === 0) return <EmptyState>{empty}</EmptyState>;
  const claimed = (r: Row) => r.lines.reduce((s, l) => s + l.claimedPoints, 0);
  const awarded = (r: Row) => (r.status === "APPROVED" ? r.lines.reduce((s, l) => s + (l.awardedPoints ?? 0), 0) : null);
  const who = (r: Row) => (r.subject === "TALENT" ? `${r.talent?.name ?? ""}（${r.enterprise.name}）` : r.enterprise.name);
  return (
    <>
      <ul className="space-y-2 md:hidden">
        {rows.map((r) => (
          <li key={r.id}>
            <Link href={`/talent/applications/${r.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
              <div className="flex items-center justify-between gap-2"><span className="font-medium">{r.number}</span><ApplicationStatusBadge status={r.status} /></div>
              <div className="mt-1 text-sm text-slate-700">{who(r)}</div>
              <div className="text-sm text-slate-500">{t("claimedAwarded", { claimed: claimed(r), awarded: awarded(r) ?? "—" })} · {formatDateTime(r.updatedAt, locale)}</div>
            </Link>
          </li>
        ))}
      </ul>
      <TableCard caption={t("applications")} columns={[
        { key: "n", label: t("number") }, { key: "who", label: t("applicant") }, { key: "kind", label: t("subject") }, { key: "pts", label: t("points"), className: "text-right" },
        { key: "by", label: t("preparedBy") }, { key: "at", label: t("updatedAt") }, { key: "st", label: t("statusLabel") },
      ]}>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-slate-50">
              <td className="px-3 py-2"><Link className="font-medium text-brand-700 hover:underline" href={`/talent/applications/${r.id}`}>{r.number}</Link></td>
              <td className="px-3 py-2">{who(r)}</td>
              <td className="px-3 py-2">{t(`apply.subjects.${r.subject}`)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{awarded(r) ?? claimed(r)}</td>
              <td className="px-3 py-2">{r.preparedBy.name}</td>
              <td className="px-3 py-2 text-xs">{formatDateTime(r.updatedAt, locale)}</td>
              <td className="px-3 py-2"><ApplicationStatusBadge status={r.status} /></td>
            </tr>
          ))}
        </tbody>
      </TableCard>
    </>
  );
}
