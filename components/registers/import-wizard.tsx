"use client";
// Upload → per-row check and preview → confirm → the server's import, with a progress bar.
// After the confirmation a background job writes the batches (lib/registers/import-jobs.ts);
// this page only polls the import's progress row, so closing the tab stops nothing, and the
// import page shows the same progress (and, at the end, the error report) when reopened.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { startImportAction, discardImportAction } from "@/lib/registers/import-actions";
import type { ImportPreview, RowError } from "@/lib/registers/import";
import type { ImportProgress } from "@/lib/registers/import-service";
import type { RegisterKind } from "@/lib/registers/schemas";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

type Uploaded = { importId: string; fileName: string; preview: ImportPreview };

type State =
  | { step: "choose"; error?: string }
  | { step: "uploading" }
  | { step: "preview"; upload: Uploaded; starting?: boolean; error?: string }
  | { step: "tracking"; importId: string; progress: ImportProgress | null; unavailable?: "retrying" | "refused" };

/** How often the progress bar asks the server (a 500,000-row import takes minutes). */
const POLL_MS = 1000;
/** The longest wait between polls while the server does not answer (doubling from POLL_MS). */
const MAX_BACKOFF_MS = 30_000;

export function ImportWizard({ kind, resumeId }: { kind: RegisterKind; resumeId: string | null }) {
  const t = useTranslations("registers");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [state, setState] = useState<State>(resumeId ? { step: "tracking", importId: resumeId, progress: null } : { step: "choose" });
  const fileRef = useRef<HTMLInputElement>(null);
  const listHref = `/registers/${kind}`;
  const trackedId = state.step === "tracking" ? state.importId : null;

  useEffect(() => {
    if (!trackedId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    const poll = async () => {
      let progress: ImportProgress | null = null;
      // 401/403/404: signed out, the permission gone, or not this user's import. Asking again
      // cannot help, and every refusal is an audit row: stop and say so instead of retrying.
      let refused = false;
      try {
        const response = await fetch(`/api/registers/import/${trackedId}`, { cache: "no-store" });
        if (response.ok) progress = (await response.json()) as ImportProgress;
        else refused = [401, 403, 404].includes(response.status);
      } catch {
        progress = null;
      }
      if (stopped) return;
      const unavailable = progress ? undefined : refused ? "refused" : "retrying";
      setState((s) => (s.step === "tracking" && s.importId === trackedId ? { ...s, progress: progress ?? s.progress, unavailable } : s));
      if (refused || (progress && (progress.status === "DONE" || progress.status === "FAILED"))) {
        if (!refused) router.refresh();
        return;
      }
      failures = progress ? 0 : failures + 1;
      timer = setTimeout(poll, Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS));
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [trackedId, router]);

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

  const start = async (up: Uploaded) => {
    setState({ step: "preview", upload: up, starting: true });
    let result: Awaited<ReturnType<typeof startImportAction>>;
    try {
      result = await startImportAction({ kind, importId: up.importId });
    } catch {
      result = { ok: false, error: tErrors("network") };
    }
    if (!result.ok) setState({ step: "preview", upload: up, error: result.error });
    else setState({ step: "tracking", importId: up.importId, progress: null });
  };

  const cancel = async (up: Uploaded) => {
    await discardImportAction({ importId: up.importId }).catch(() => {});
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

  if (state.step === "preview") {
    const { upload: up } = state;
    const p = up.preview;
    const importable = p.newRows + p.updateRows;
    return (
      <div className="space-y-4">
        <Card title={t("previewTitle", { fileName: up.fileName })}>
          <Counts items={[
            [t("totalRows"), p.totalRows, "text-slate-900"],
            [t("newRows"), p.newRows, "text-emerald-700"],
            [t("updateRows"), p.updateRows, "text-brand-700"],
            [t("invalidRows"), p.invalidRows, p.invalidRows ? "text-red-700" : "text-slate-900"],
          ]} />
          {state.error ? <Alert tone="error" className="mt-4">{state.error}</Alert> : null}
          <div className="mt-4 flex flex-wrap gap-2">
            {importable > 0 ? (
              <Button onClick={() => start(up)} disabled={state.starting} aria-busy={state.starting}>{t("confirmImport", { count: importable })}</Button>
            ) : (
              <Alert tone="warning" className="w-full">{t("nothingToImport")}</Alert>
            )}
            <Button variant="ghost" onClick={() => cancel(up)} disabled={state.starting}>{t("cancelImport")}</Button>
          </div>
        </Card>
        <ErrorTable errors={p.errors} truncated={p.errorsTruncated} />
      </div>
    );
  }

  const pr = state.progress;
  const finished = pr?.status === "DONE" || pr?.status === "FAILED";
  const percent = pr && pr.totalRows ? Math.round((pr.doneRows / pr.totalRows) * 100) : 0;
  return (
    <div className="space-y-4">
      <Card title={pr ? t("reportTitle", { fileName: pr.fileName }) : t("importing")}>
        {pr ? (
          <Counts items={[
            [t("totalRows"), pr.totalRows, "text-slate-900"],
            [t("newRows"), pr.created, "text-emerald-700"],
            [t("updateRows"), pr.updated, "text-brand-700"],
            [t("invalidRows"), pr.invalid, pr.invalid ? "text-red-700" : "text-slate-900"],
          ]} />
        ) : null}
        <div className="mt-4 space-y-2">
          <div
            role="progressbar"
            aria-label={t("importing")}
            aria-valuemin={0}
            aria-valuemax={pr?.totalRows ?? 0}
            aria-valuenow={pr?.doneRows ?? 0}
            aria-valuetext={t("progress", { done: pr?.doneRows ?? 0, total: pr?.totalRows ?? 0 })}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm text-slate-700" aria-live="polite">
            {pr?.status === "QUEUED" || !pr ? t("importQueued") : t("progress", { done: pr.doneRows, total: pr.totalRows })}
          </p>
          {!finished ? <p className="text-sm text-slate-600">{t("importInBackground")}</p> : null}
          {state.unavailable && !finished ? <p className="text-sm text-amber-700">{t(state.unavailable === "refused" ? "progressRefused" : "progressUnavailable")}</p> : null}
        </div>
        {finished && pr ? (
          <div className="mt-4 space-y-3">
            {pr.status === "FAILED" ? (
              <Alert tone="error">{t("importFailed", { error: pr.failure ?? "", done: pr.doneRows, total: pr.totalRows })}</Alert>
            ) : (
              <Alert tone="success">{t("importDone", { created: pr.created, updated: pr.updated, invalid: pr.invalid })}</Alert>
            )}
            <div className="flex flex-wrap gap-2">
              <LinkButton href={listHref}>{kind === "households" ? t("backToHouseholds") : t("backToEnterprises")}</LinkButton>
              <Button variant="secondary" onClick={() => setState({ step: "choose" })}>{t("importAnother")}</Button>
            </div>
          </div>
        ) : null}
      </Card>
      {pr ? <ErrorTable errors={pr.errors} truncated={pr.errorsTruncated} /> : null}
    </div>
  );
}

function Counts({ items }: { items: [string, number, string][] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {items.map(([label, value, tone]) => (
        <div key={label} className="rounded-md border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className={`text-2xl font-semibold tabular-nums ${tone}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The row-level report: row number as the spreadsheet shows it, column, reason. */
function ErrorTable({ errors, truncated }: { errors: RowError[]; truncated: boolean }) {
  const t = useTranslations("registers");
  if (errors.length === 0) return null;
  return (
    <Card title={t("errorsTitle")}>
      {truncated ? <p className="mb-2 text-sm text-slate-600">{t("errorsTruncated", { count: errors.length })}</p> : null}
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
            {errors.map((e, i) => (
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
  );
}
