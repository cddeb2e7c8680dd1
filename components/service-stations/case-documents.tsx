"use client";
// A case's documents: the list with download links (served by the scoped route
// app/api/service-stations/documents/[documentId]), and the upload for those who handle the
// case. The server checks the type by the file's bytes and the size; the accept list only
// helps the phone's picker, and the size is checked here first too: a file beyond the server
// actions' body limit never reaches the action, and the user would see a network error.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { uploadCaseDocumentAction } from "@/lib/service-stations/actions";
import { MAX_CASE_DOCUMENT_BYTES } from "@/lib/service-stations/schemas";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type CaseDocumentView = { id: string; fileName: string; size: number; createdAt: Date; uploadedBy: { name: string } };

const sizeLabel = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function CaseDocuments({ caseId, documents, mayUpload }: { caseId: string; documents: CaseDocumentView[]; mayUpload: boolean }) {
  const t = useTranslations("serviceStation.documents");
  const tErrors = useTranslations("errors");
  const tValidation = useTranslations("validation");
  const format = useFormatter();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formElement = e.currentTarget;
    const data = new FormData(formElement);
    data.set("caseId", caseId);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_CASE_DOCUMENT_BYTES) return setError(tValidation("serviceStation.fileTooLarge"));
    setPending(true);
    setError(null);
    const r = await uploadCaseDocumentAction(data).catch(() => null);
    setPending(false);
    if (!r) return setError(tErrors("network"));
    if (!r.ok) return setError(r.fieldErrors?.file?.[0] ?? r.error);
    formElement.reset();
    router.refresh();
  };
  return (
    <div className="space-y-3">
      {documents.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {documents.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <a href={`/api/service-stations/documents/${d.id}`} className="inline-flex min-h-11 items-center break-all font-medium text-brand-700 hover:underline" download>
                  {d.fileName}
                </a>
                <p className="text-xs text-slate-500">
                  {sizeLabel(d.size)} · {d.uploadedBy.name} · {format.dateTime(d.createdAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {mayUpload ? (
        <form method="post" onSubmit={submit} className="flex flex-wrap items-center gap-2" aria-label={t("upload")}>
          <input name="file" type="file" required accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png" className="min-h-11 max-w-full text-sm" aria-label={t("file")} aria-describedby="case-doc-hint" />
          <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>{t("upload")}</Button>
          <p id="case-doc-hint" className="w-full text-xs text-slate-500">{t("hint")}</p>
          {error ? <Alert tone="error" className="w-full">{error}</Alert> : null}
        </form>
      ) : null}
    </div>
  );
}
