"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { uploadNarrativeAction } from "@/lib/showcases/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The written narrative as a file (PDF, Word or text; checked by its bytes on the server). */
export function NarrativeUpload({ entryId }: { entryId: string }) {
  const t = useTranslations("showcase");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    data.set("entryId", entryId);
    setPending(true);
    setError(null);
    const r = await uploadNarrativeAction(data).catch(() => null);
    setPending(false);
    if (!r) return setError(t("network"));
    if (!r.ok) return setError(r.fieldErrors?.file?.[0] ?? r.error);
    e.currentTarget?.reset();
    router.refresh();
  };
  return (
    <form method="post" onSubmit={submit} className="flex flex-wrap items-center gap-2" aria-label={t("uploadNarrative")}>
      <input name="file" type="file" accept=".pdf,.docx,.txt,application/pdf,text/plain" required className="min-h-11 max-w-full text-sm" aria-label={t("narrativeFile")} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>{t("upload")}</Button>
      {error ? <Alert tone="error" className="w-full">{error}</Alert> : null}
    </form>
  );
}
