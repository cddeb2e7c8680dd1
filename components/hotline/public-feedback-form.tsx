"use client";
// The enterprise's feedback on a resolved request: a 1–5 rating closes the loop; "not solved"
// sends it back for handling with a reason. Posts to /service/feedback with number + code.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { CharCount } from "@/components/ui/char-count";

export function PublicFeedbackForm({ number, code }: { number: string; code: string }) {
  const t = useTranslations("publicService");
  const router = useRouter();
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const send = async (decision: "close" | "reopen") => {
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch("/service/feedback", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ number, code, decision, ...(satisfaction ? { satisfaction } : {}), comment }),
      });
      const body = await res.json();
      if (body.ok) {
        setMessage({ tone: "success", text: decision === "close" ? t("feedbackDone") : t("reopenDone") });
        router.refresh();
      } else {
        setErrors(body.fieldErrors ?? {});
        setMessage({ tone: "error", text: body.error });
      }
    } catch {
      setMessage({ tone: "error", text: t("network") });
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("feedbackIntro")}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t("satisfaction")}</legend>
        <div className="flex flex-wrap gap-2">
          {[1, 2, 3, 4, 5].map((s) => (
            <label key={s} title={t(`starsLabel.${s}` as never)} className={cn("flex min-h-11 min-w-11 cursor-pointer flex-col items-center justify-center rounded-md border px-2 text-base font-semibold", satisfaction === s ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white")}>
              <input type="radio" name="satisfaction" value={s} checked={satisfaction === s} onChange={() => setSatisfaction(s)} className="sr-only" aria-label={`${s} ${t(`starsLabel.${s}` as never)}`} />
              {s}
            </label>
          ))}
        </div>
        {satisfaction ? <p className="text-sm text-slate-600">{t(`starsLabel.${satisfaction}` as never)}</p> : null}
        {errors.satisfaction ? <p className="text-sm text-red-700">{errors.satisfaction[0]}</p> : null}
      </fieldset>
      <div className="space-y-1">
        <label htmlFor="fb-comment" className="block text-sm font-medium text-slate-700">{t("comment")}</label>
        <textarea id="fb-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} className={cn(controlClass, "min-h-20 py-2")} />
        <CharCount forId="fb-comment" limit={500} initial={comment.length} />
        {errors.comment ? <p className="text-sm text-red-700">{errors.comment[0]}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => send("close")} disabled={pending}>{t("close")}</Button>
        <Button variant="secondary" onClick={() => send("reopen")} disabled={pending}>{t("reopen")}</Button>
      </div>
    </div>
  );
}
