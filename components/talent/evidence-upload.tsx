"use client";
// Add an evidence file to a draft or returned application (checked again by its bytes on
// the server: PDF, JPG, PNG, WebP, at most 5 MB).
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { uploadEvidenceAction } from "@/lib/talent/points/application-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";

export function EvidenceUpload({ applicationId, types, lines }: { applicationId: string; types: string[]; lines: { id: string; label: string }[] }) {
  const t = useTranslations("points.evidence");
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [type, setType] = useState(types[0] ?? "");
  const [lineId, setLineId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const upload = () => start(async () => {
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) return setError(t("chooseFile"));
    if (file.size > 5 * 1024 * 1024) return setError(t("tooLarge"));
    const fd = new FormData();
    fd.set("applicationId", applicationId);
    fd.set("evidenceType", type);
    fd.set("lineId", lineId);
    fd.set("file", file);
    const r = await uploadEvidenceAction(fd).catch(() => null);
    if (!r) return setError(t("network"));
    if (!r.ok) return setError(Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.error);
    if (fileRef.current) fileRef.current.value = "";
    router.refresh();
  });
  return (
    <div className="space-y-3 rounded-lg border border-dashed border-slate-300 p-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="ev-type" label={t("type")} required>
          {(p) => <Select {...p} value={type} onChange={(e) => setType(e.target.value)}>{types.map((x) => <option key={x} value={x}>{x}</option>)}</Select>}
        </Field>
        <Field id="ev-line" label={t("line")}>
          {(p) => <Select {...p} value={lineId} onChange={(e) => setLineId(e.target.value)}><option value="">{t("wholeApplication")}</option>{lines.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}</Select>}
        </Field>
      </div>
      <Field id="ev-file" label={t("file")} hint={t("fileHint")} required>
        {(p) => <input {...p} ref={fileRef} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" capture={undefined} className="block w-full text-base file:mr-3 file:h-11 file:rounded-md file:border-0 file:bg-brand-50 file:px-4 file:text-brand-800" />}
      </Field>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="secondary" onClick={upload} disabled={pending} aria-busy={pending}>{pending ? t("uploading") : t("upload")}</Button>
    </div>
  );
}
