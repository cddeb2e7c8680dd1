"use client";
// Upload → per-row check and preview → confirm → batches of 500 rows with a progress bar.
// The server keeps the upload in storage between calls; this page only holds the counters.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { importBatchAction, discardImportAction } from "@/lib/registers/import-actions";
import type { ImportPreview } from "@/lib/registers/import";
import type { RegisterKind } from "@/lib/registers/schemas";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

type Uploaded = { importId: string; fileName: string; preview: ImportPreview };
type Totals = { created: number; updated: number; invalid: number; done: number; total: number };

type State =
  | { step: "choose"; error?: string }
  | { step: "uploading" }
  | { step: "preview"; upload: Uploaded }
  | { step: "importing"; upload: Uploaded; totals: Totals }
  | { step: "finished"; upload: Uploaded; totals: Totals; error?: string };

export function ImportWizard({ kind }: { kind: RegisterKind }) {
  const t = useTranslations("registers");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [state, setState] = useState<State>({ step: "choose" });
  const fileRef = useRef<HTMLInputElement>(null);
  const listHref = `/registers/${kind}`;

  const upload = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setState({ step: "choose", error: tErrors("checkFields") });
      return;
    }
    setState({ step: "uploading" });
    const body = new FormData();
    body.set("kind", kind);
    body.set("file", file);
    try {
      const response = await fetch("/api/registers/import", { method: "POST", body });
      const result = (await response.json()) as { ok: true; importId: string; fileName: string; preview: ImportPreview } | { ok: false; error: string };
      if (!result.ok) setState({ step: "choose", error: result.error });
      else setState({ step: "preview", upload: { importId: result.importId, fileName: result.fileName, preview: result.preview } });
    } catch {
      setState({ step: "choose", error: tErrors("network") });
    }
  };

  const runImport = async (upload: Uploaded) => {
    const totals: Totals = { created: 0, updated: 0, invalid: 0, done: 0, total: upload.preview.totalRows };
    setState({ step: "importing", upload, totals: { ...totals } });
    let offset = 0;
    for (;;) {
      let result: Awaited<ReturnType<typeof importBatchAction>>;
      try {
        result = await importBatchAction({ kind, importId: upload.importId, offset });
      } catch {
        result = { ok: false, error: tErrors("network") };
      }
      if (!result.ok) {
        setState({ step: "finished", upload, totals: { ...totals }, error: result.error });
        return;
      }
      totals.created += result.data.created;
      totals.updated += result.data.updated;
      totals.invalid += result.data.invalid;
      totals.done = result.data.nextOffset;
      totals.total = result.data.total;
      if (result.data.done) break;
      offset = result.data.nextOffset;
      setState({ step: "importing", upload, totals: { ...totals } });
    }
    await discardImportAction({ importId: upload.importId }).catch(() => {});
    setState({ step: "finished", upload, totals: { ...totals } });
    router.refresh();
  };

  const cancel = async (upload: Uploaded) => {
    await discardImportAction({ importId: upload.importId }).catch(() => {});
    setState({ step: "choose" });
  };

  if (state.step === "choose" || state.step === "uploading") {
    const busy = state.step === "uploading";
    return (
      <Card>
        <form method="post" onSubmit={upload} className="space-y-4" aria-label={t("import")}>
          {state.step === "choose" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
          <Field id="import-file" label={t("chooseFile")} hint={t("fileHint")} required>
            {(p) => (
              <input
                {...p}
                ref={fileRef}
                type="file"
                name="file"
                accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                className="block w-full text-base file:mr-3 file:h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-slate-800"
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={busy} aria-busy={busy}>{busy ? t("uploading") : t("upload")}</Button>
            <a href={`/api/registers/template?kind=${kind}`} className="inline-flex h-11 items-center px-2 text-brand-700 underline" download>{t("downloadTemplate")}</a>
          </div>
        </form>
      </Card>
    );
  }

  const { upload: up } = state;
  const p = up.preview;
  const importable = p.newRows + p.updateRows;
  const totals = state.step === "preview" ? null : state.totals;
  const percent = totals && totals.total ? Math.round((totals.done / totals.total) * 100) : 0;

  return (
    <div className="space-y-4">
      <Card title={t("previewTitle", { fileName: up.fileName })}>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            [t("totalRows"), p.totalRows, "text-slate-900"],
            [t("newRows"), p.newRows, "text-emerald-700"],
            [t("updateRows"), p.updateRows, "text-brand-700"],
            [t("invalidRows"), p.invalidRows, p.invalidRows ? "text-red-700" : "text-slate-900"],
          ].map(([label, value, tone]) => (
            <div key={String(label)} className="rounded-md border border-slate-200 p-3">
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className={`text-2xl font-semibold tabular-nums ${tone}`}>{value}</dd>
            </div>
          ))}
        </dl>

        {state.step === "preview" ? (
          <div className="mt-4 flex flex-wrap gap-2">
            {importable > 0 ? (
              <Button onClick={() => runImport(up)}>{t("confirmImport", { count: importable })}</Button>
            ) : (
              <Alert tone="warning" className="w-full">{t("nothingToImport")}</Alert>
            )}
            <Button variant="ghost" onClick={() => cancel(up)}>{t("cancelImport")}</Button>
          </div>
        ) : null}

        {totals ? (
          <div className="mt-4 space-y-2">
            <div
              role="progressbar"
              aria-label={t("importing")}
              aria-valuemin={0}
              aria-valuemax={totals.total}
              aria-valuenow={totals.done}
              aria-valuetext={t("progress", { done: totals.done, total: totals.total })}
              className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p className="text-sm text-slate-700" aria-live="polite">{t("progress", { done: totals.done, total: totals.total })}</p>
          </div>
        ) : null}

        {state.step === "finished" ? (
          <div className="mt-4 space-y-3">
            {state.error ? (
              <Alert tone="error">{t("importFailed", { error: state.error })}</Alert>
            ) : (
              <Alert tone="success">{t("importDone", { created: state.totals.created, updated: state.totals.updated, invalid: state.totals.invalid })}</Alert>
            )}
            <div className="flex flex-wrap gap-2">
              <LinkButton href={listHref}>{kind === "households" ? t("backToHouseholds") : t("backToEnterprises")}</LinkButton>
              <Button variant="secondary" onClick={() => setState({ step: "choose" })}>{t("importAnother")}</Button>
            </div>
          </div>
        ) : null}
      </Card>

      {p.errors.length > 0 ? (
        <Card title={t("errorsTitle")}>
          {p.errorsTruncated ? <p className="mb-2 text-sm text-slate-600">{t("errorsTruncated", { count: p.errors.length })}</p> : null}
          <div className="-mx-4 -mb-4 max-h-[60vh] overflow-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("errorsTitle")}</caption>
              <thead className="sticky top-0 border-b border-slate-200 bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("rowNumber")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("column")}</th>
                  <th scope="col" className="px-3 py-2 font-medium">{t("reason")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {p.errors.map((e, i) => (
                  <tr key={i}>
                    <td className="px-3 py-2 tabular-nums">{e.row}</td>
                    <td className="whitespace-nowrap px-3 py-2">{e.column}</td>
                    <td className="px-3 py-2">{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
