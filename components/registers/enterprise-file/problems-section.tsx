import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { enterpriseProblems } from "@/lib/hotline/enterprise-file";
import { Card, EmptyState } from "@/components/ui/card";
import { ProblemStatusBadge } from "@/components/problems/status-badge";
import type { EnterpriseSectionProps } from "./types";

/** Problems raised on visits to the enterprise (问题清单). */
export async function ProblemsSection({ actor, enterprise }: EnterpriseSectionProps) {
  const t = await getTranslations("enterpriseFile");
  const tp = await getTranslations("problems");
  const problems = await enterpriseProblems(actor, enterprise.id);
  return (
    <Card title={t("problems")}>
      {problems.length === 0 ? <EmptyState>{t("noProblems")}</EmptyState> : (
        <ul className="divide-y divide-slate-100">
          {problems.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <ProblemStatusBadge status={p.status} label={tp(`status.${p.status}`)} />
              <Link href={`/problems/${p.id}`} className="min-w-0 flex-1 text-brand-700 hover:underline">{p.title}</Link>
              <span className="text-xs tabular-nums text-slate-500">{formatCalendarDate(p.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
