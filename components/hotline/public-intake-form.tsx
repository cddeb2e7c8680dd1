"use client";
// The enterprise's own form (no login). Posts JSON to /service/submit (same-origin check
// on the server). What is typed stays in localStorage until it is accepted. The honeypot
// field "website" is hidden from people, visible to form-filling bots.
import { useEffect, useId, useState } from "react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Programme = { id: string; name: string; categories: string[] };
type Values = { programmeId: string; enterpriseName: string; creditCode: string; callerName: string; callerPhone: string; category: string; description: string; urgency: "NORMAL" | "URGENT"; website: string };
const DRAFT_KEY = "public-service-draft";

export function PublicIntakeForm({ programmes }: { programmes: Programme[] }) {
  const t = useTranslations("publicService");
  const ids = useId();
  const empty: Values = { programmeId: programmes[0]?.id ?? "", enterpriseName: "", creditCode: "", callerName: "", callerPhone: "", category: "", description: "", urgency: "NORMAL", website: "" };
  const [v, setV] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<{ number: string; trackingCode: string } | null>(null);

  useEffect(() => {
    try {
      const saved = localStorage.getItem(DRAFT_KEY);
      // localStorage exists only after mounting.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (saved) setV((s) => ({ ...s, ...JSON.parse(saved), website: "" }));
    } catch {
      /* ignore a corrupt draft */
    }
  }, []);
  const update = (k: keyof Values, value: string) => {
    setV((s) => {
      const next = { ...s, [k]: value } as Values;
      try {
        const { website: _w, ...draft } = next;
        localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        /* storage disabled */
      }
      return next;
    });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/service/submit", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(v) });
      const body = await res.json();
      if (body.ok) {
        localStorage.removeItem(DRAFT_KEY);
        setDone({ number: body.number, trackingCode: body.trackingCode });
        setV(empty);
        window.scrollTo({ top: 0 });
      } else {
        setErrors(body.fieldErrors ?? {});
        setError(body.error);
      }
    } catch {
      setError(t("network"));
    } finally {
      setPending(false);
    }
  };

  if (done) {
    const href = `/service/track?n=${encodeURIComponent(done.number)}&c=${encodeURIComponent(done.trackingCode)}`;
    return (
      <div className="space-y-4" data-testid="public-done">
        <Alert tone="success">
          <p className="text-base font-semibold">{t("done")}</p>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-base">
            <dt>{t("doneNumber")}</dt><dd className="font-mono font-semibold" data-testid="public-number">{done.number}</dd>
            <dt>{t("doneCode")}</dt><dd className="font-mono font-semibold" data-testid="public-code">{done.trackingCode}</dd>
          </dl>
          <p className="mt-2">{t("doneKeep")}</p>
        </Alert>
        <div className="flex flex-wrap gap-2">
          <Link href={href} className="inline-flex h-11 items-center rounded-md bg-brand-700 px-4 font-medium text-white">{t("doneTrack")}</Link>
          <Button variant="secondary" onClick={() => setDone(null)}>{t("newRequest")}</Button>
        </div>
      </div>
    );
  }

  const err = (k: string) => errors[k]?.[0];
  const programme = programmes.find((p) => p.id === v.programmeId) ?? programmes[0];
  return (
    <form method="post" onSubmit={submit} noValidate className="space-y-4" aria-label={t("formTitle")}>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {programmes.length > 1 ? (
        <Field id={`${ids}-programme`} label={t("programme")} error={err("programmeId")} required>
          {(p) => (
            <select {...p} value={v.programmeId} onChange={(e) => update("programmeId", e.target.value)} className={cn(p.className, "h-11")}>
              {programmes.map((pr) => <option key={pr.id} value={pr.id}>{pr.name}</option>)}
            </select>
          )}
        </Field>
      ) : null}
      <Field id={`${ids}-ent`} label={t("enterpriseName")} error={err("enterpriseName")} required>
        {(p) => <Input {...p} name="enterpriseName" value={v.enterpriseName} onChange={(e) => update("enterpriseName", e.target.value)} autoComplete="organization" />}
      </Field>
      <Field id={`${ids}-code`} label={t("creditCode")} error={err("creditCode")}>
        {(p) => <Input {...p} name="creditCode" value={v.creditCode} onChange={(e) => update("creditCode", e.target.value)} autoCapitalize="characters" className={cn(p.className, "h-11 font-mono")} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${ids}-name`} label={t("callerName")} error={err("callerName")} required>
          {(p) => <Input {...p} name="callerName" value={v.callerName} onChange={(e) => update("callerName", e.target.value)} autoComplete="name" />}
        </Field>
        <Field id={`${ids}-phone`} label={t("callerPhone")} error={err("callerPhone")} required>
          {(p) => <Input {...p} name="callerPhone" type="tel" inputMode="tel" value={v.callerPhone} onChange={(e) => update("callerPhone", e.target.value)} autoComplete="tel" />}
        </Field>
      </div>
      <Field id={`${ids}-cat`} label={t("category")} error={err("category")} required>
        {(p) => (
          <select {...p} name="category" value={v.category} onChange={(e) => update("category", e.target.value)} className={cn(p.className, "h-11")}>
            <option value="" disabled>{t("chooseCategory")}</option>
            {(programme?.categories ?? []).map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        )}
      </Field>
      <Field id={`${ids}-desc`} label={t("description")} error={err("description")} required>
        {(p) => <Textarea {...p} name="description" rows={5} value={v.description} onChange={(e) => update("description", e.target.value)} limit={2000} />}
      </Field>
      <label className="flex min-h-11 items-center gap-3 text-sm text-slate-700">
        <input type="checkbox" className="size-5 accent-red-600" checked={v.urgency === "URGENT"} onChange={(e) => update("urgency", e.target.checked ? "URGENT" : "NORMAL")} />
        {t("urgent")}
      </label>
      {/* Honeypot: off-screen and skipped by keyboard and screen readers. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={`${ids}-website`}>{t("website")}</label>
        <input id={`${ids}-website`} name="website" tabIndex={-1} autoComplete="off" value={v.website} onChange={(e) => setV((s) => ({ ...s, website: e.target.value }))} />
      </div>
      <p className="text-xs text-slate-500">{t("privacy")}</p>
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full sm:w-auto">{pending ? t("submitting") : t("submit")}</Button>
    </form>
  );
}
