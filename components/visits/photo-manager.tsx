"use client";
// Photos of a saved visit: the author adds (one upload per photo, checked again on the
// server by its bytes) and removes them while the visit can still be edited.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteVisitPhotoAction, uploadVisitPhotoAction } from "@/lib/visits/actions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { compressPhoto } from "@/lib/field/local/compress";
import { newIdempotencyKey } from "@/components/forms/idempotency";

const TYPES = ["image/jpeg", "image/png", "image/webp"];
const MAX_BYTES = 5 * 1024 * 1024;

type Photo = { id: string; url: string };

export function PhotoManager({ visitId, photos, editable, max }: { visitId: string; photos: Photo[]; editable: boolean; max: number }) {
  const t = useTranslations("visits");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [messages, setMessages] = useState<{ tone: "error" | "success"; text: string }[]>([]);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deletePending, setDeletePending] = useState(false);

  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    const out: typeof messages = [];
    let room = max - photos.length;
    for (const file of Array.from(files)) {
      if (room <= 0) {
        out.push({ tone: "error", text: t("tooManyPhotos", { max }) });
        break;
      }
      if (!TYPES.includes(file.type)) {
        out.push({ tone: "error", text: t("photoTypeOf", { name: file.name }) });
        continue;
      }
      if (file.size > MAX_BYTES) {
        out.push({ tone: "error", text: t("photoTooLargeOf", { name: file.name }) });
        continue;
      }
      const form = new FormData();
      form.set("visitId", visitId);
      // Shrunk on the phone first (≈ 0.3 MB, long side 1600 px): a village's 3G carries it.
      form.set("photo", await compressPhoto(file));
      // One key per photo: a retried upload whose first answer was lost is stored once.
      form.set("idempotencyKey", newIdempotencyKey());
      try {
        const result = await uploadVisitPhotoAction(form);
        if (result.ok) {
          room -= 1;
          out.push({ tone: "success", text: t("photoUploaded", { name: file.name }) });
        } else {
          out.push({ tone: "error", text: `${file.name}：${result.fieldErrors?.photo?.[0] ?? result.error}` });
        }
      } catch {
        out.push({ tone: "error", text: tErrors("network") });
      }
    }
    setMessages(out);
    setBusy(false);
    if (input.current) input.current.value = "";
    router.refresh();
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeletePending(true);
    try {
      const result = await deleteVisitPhotoAction({ visitId, photoId: deleting });
      setMessages([result.ok ? { tone: "success", text: t("photoDeleted") } : { tone: "error", text: result.error }]);
      router.refresh();
    } catch {
      setMessages([{ tone: "error", text: tErrors("network") }]);
    } finally {
      setDeletePending(false);
      setDeleting(null);
    }
  };

  return (
    <div className="space-y-3">
      {photos.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noPhotos")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {photos.map((p, i) => (
            <li key={p.id} className="space-y-1">
              <a href={p.url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-md border border-slate-200 bg-slate-50">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our own authenticated route, not the image optimiser */}
                <img src={p.url} alt={t("photoAlt", { n: i + 1 })} loading="lazy" className="aspect-[4/3] w-full object-cover" />
              </a>
              {editable ? (
                <Button variant="ghost" size="sm" className="h-11 w-full" onClick={() => setDeleting(p.id)} aria-label={t("deletePhotoN", { n: i + 1 })}>
                  {t("deletePhoto")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable && photos.length < max ? (
        <div className="space-y-1">
          <label htmlFor="visit-photo-input" className="block text-sm font-medium text-slate-700">{t("addPhotos")}</label>
          <input
            ref={input}
            id="visit-photo-input"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={busy}
            onChange={(e) => upload(e.target.files)}
            aria-describedby="visit-photo-hint"
            className="block w-full text-sm file:mr-3 file:h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:text-slate-800"
          />
          <p id="visit-photo-hint" className="text-xs text-slate-500">{busy ? t("uploading") : t("photosHint", { max })}</p>
        </div>
      ) : null}
      {messages.map((m, i) => <Alert key={i} tone={m.tone}>{m.text}</Alert>)}
      <ConfirmDialog
        open={deleting !== null}
        title={t("deletePhotoTitle")}
        message={t("deletePhotoConfirm")}
        confirmLabel={t("deletePhoto")}
        pending={deletePending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
