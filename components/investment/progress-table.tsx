import { getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/platform/money";
import type { ProgressRow } from "@/lib/investment/progress";
import { TableCard } from "@/components/ui/table";
import { Card } from "@/components/ui/card";

/** Progress rows against targets: a table on desktop, cards on a phone. */
export async function ProgressTable({ rows, caption, showKind }: { rows: ProgressRow[]; caption: string; showKind?: boolean }) {
  const t = await getTranslations("investment");
  const labels = { wan: t("amountLabels.wan"), yi: t("amountLabels.yi") };
  const vs = (value: number, target: number | undefined) => (target ? `${value} / ${target}` : `${value}`);
  const amountVs = (r: ProgressRow) => `${formatAmount(r.signedWan, labels)}${r.targets && r.targets.investmentWan !== "0.00" ? ` / ${formatAmount(r.targets.investmentWan, labels)}` : ""}`;
  return (
    <>
      <TableCard caption={caption} columns={[
        { key: "name", label: caption }, { key: "trips", label: t("figures.trips") }, { key: "ent", label: t("figures.enterprises") },
        { key: "leads", label: t("figures.leads") }, { key: "signed", label: t("figures.signed") }, { key: "amount", label: t("figures.signedAmount") },
        { key: "landed", label: t("figures.landed") },
      ]}>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="px-3 py-2"><span className="font-medium text-slate-900">{r.name}</span>{showKind && r.kind ? <span className="block text-xs text-slate-500">{t(`kind.${r.kind}`)}</span> : null}</td>
              <td className="px-3 py-2 tabular-nums">{vs(r.trips, r.targets?.trips)}</td>
              <td className="px-3 py-2 tabular-nums">{vs(r.enterprises, r.targets?.enterprises)}</td>
              <td className="px-3 py-2 tabular-nums">{r.leads}</td>
              <td className="px-3 py-2 tabular-nums">{vs(r.signed, r.targets?.projects)}</td>
              <td className="px-3 py-2 tabular-nums">{amountVs(r)}</td>
              <td className="px-3 py-2 tabular-nums">{r.landed} · {formatAmount(r.landedWan, labels)}</td>
            </tr>
          ))}
        </tbody>
      </TableCard>
      <ul className="space-y-2 md:hidden" aria-label={caption}>
        {rows.map((r) => (
          <li key={r.key}>
            <Card>
              <p className="font-medium text-slate-900">{r.name}{showKind && r.kind ? <span className="ml-2 text-xs font-normal text-slate-500">{t(`kind.${r.kind}`)}</span> : null}</p>
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">{t("figures.trips")}</dt><dd className="tabular-nums">{vs(r.trips, r.targets?.trips)}</dd>
                <dt className="text-slate-500">{t("figures.enterprises")}</dt><dd className="tabular-nums">{vs(r.enterprises, r.targets?.enterprises)}</dd>
                <dt className="text-slate-500">{t("figures.signed")}</dt><dd className="tabular-nums">{vs(r.signed, r.targets?.projects)}</dd>
                <dt className="text-slate-500">{t("figures.signedAmount")}</dt><dd className="tabular-nums">{amountVs(r)}</dd>
                <dt className="text-slate-500">{t("figures.landed")}</dt><dd className="tabular-nums">{r.landed} · {formatAmount(r.landedWan, labels)}</dd>
              </dl>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
