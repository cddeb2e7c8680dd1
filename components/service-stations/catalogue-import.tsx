"use client";
// 导入 Excel: the admin uploads the catalogue workbook (an export, edited). The server writes every
// row or none; a bad file comes back as a table of its bad cells (row, column, what is wrong),
// a good one as the counts created / updated / unchanged.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { importCatalogueAction } from "@/lib/service-stations/catalogue-actions";
import { CATALOGUE_IMPORT_MAX_BYTES } from "@/lib/service-stations/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type RowError = { row: number; column: string; message: string };

/** The action's field errors keyed "rows.<row>.<column>" (lib/service-stations/catalogue-excel.ts), as table rows. */
function rowErrorsOf(fieldErrors: Record<string, string[]> | undefined): RowError[] {
  const out: RowError[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const m = /^rows\.(\d+)\.(.+)$/.exec(key);
    if (m) for (const message of messages) out.push({ row: Number(m[1]), column: m[2]!, message });
  }
  return out.sort((a, b) => a.row - b.row);
}

export function CatalogueImport({ stationId }: { stationId: string }) {
  const t = useTranslations("serviceStation.catalogue.import");
  const tValidation = useTranslations("validation");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<RowError[]>([]);
  const [done, setDone] = useState<{ created: number; updated: number; unchanged: number } | null>(null);

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const data = new FormData(formElement);
    data.set("stationId", stationId);
    setError(null);
    setRows([]);
    setDone(null);
    // Refused here, not sent: a file beyond the server actions' body limit never reaches the
    // action, and the user would read a network failure instead of the size rule.
    const file = data.get("file");
    if (file instanceof File && file.size > CATALOGUE_IMPORT_MAX_BYTES) {
      return setError(tValidation("import.fileTooLarge", { max: CATALOGUE_IMPORT_MAX_BYTES / 1024 / 1024 }));
    }
    setPending(true);
    const r = await importCatalogueAction(data).catch(() => null);
    setPending(false);
    if (!r) return setError(t("network"));
    if (!r.ok) {
      setRows(rowErrorsOf(r.fieldErrors));
      return setError(r.fieldErrors?.file?.[0] ?? r.error);
    }
    setDone(r.data);
    formElement.reset();
    router.refresh();
  };

  return (
    <div className="space-y-3">
      <form method="post" onSubmit={submit} className="flex flex-wrap items-center gap-2" aria-label={t("title")}>
        <input name="file" type="file" required accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" className="min-h-11 max-w-full text-sm" aria-label={t("file")} />
        <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>{pending ? t("importing") : t("submit")}</Button>
      </form>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      {done ? <Alert tone="success">{t("done", done)}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rows.length ? (
        <div className="max-h-80 overflow-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("errorsCaption")}</caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-600">
              <tr><th scope="col" className="px-3 py-2 font-medium">{t("row")}</th><th scope="col" className="px-3 py-2 font-medium">{t("column")}</th><th scope="col" className="px-3 py-2 font-medium">{t("problem")}</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r, i) => (
                <tr key={i}><td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{r.row}</td><td className="px-3 py-1.5">{r.column}</td><td className="px-3 py-1.5 text-red-700">{r.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
