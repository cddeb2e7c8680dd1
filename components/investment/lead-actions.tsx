"use client";
// The next stages of a lead (the page passes only those the user may choose; the server
// checks again). Signing asks for date, amount (万元/亿元) and contract number; landing for
// its date; losing for a reason. A lost race shows the server's message and reloads.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { transitionLeadAction } from "@/lib/investment/actions";
import { useLatestVersion } from "@/components/forms/use-version";
import type { LeadStageValue } from "@/lib/investment/schemas";
import { AMOUNT_UNITS } from "@/lib/platform/money";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export function LeadActions({ leadId, version: renderedVersion, moves, today }: { leadId: string; version: number; moves: LeadStageValue[]; today: string }) {
  const t = useTranslations("investment");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const ids = useId();
  // Each move sends the version the previous one returned, so two quick moves never collide.
  const [version, rememberVersion] = useLatestVersion(leadId, renderedVersion);
  const empty = { signedOn: today, signedAmount: "", signedUnit: "YI", contractNo: "", landedOn: today, lostReason: "", note: "" };
  const [to, setTo] = useState<LeadStageValue | null>(null);
  const [values, setValues] = useState(empty);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const open = (stage: LeadStageValue) => {
    setTo(stage);
    setValues(empty);
    setFieldErrors({});
    setDialogError(null);
    setMessage(null);
  };
  const submit = async () => {
    if (!to) return;
    setPending(true);
    setDialogError(null);
    try {
      const r = await transitionLeadAction({ id: leadId, version, to, ...values });
      if (r.ok) {
        rememberVersion(r.data);
        setTo(null);
        setMessage({ tone: "success", text: t("moved", { stage: t(`stage.${r.data.stage}`) }) });
        router.refresh();
      } else if (r.fieldErrors && Object.keys(r.fieldErrors).length) {
        setFieldErrors(r.fieldErrors);
        setDialogError(r.error);
      } else {
        setTo(null);
        setMessage({ tone: "error", text: r.error });
        router.refresh();
      }
    } catch {
      setDialogError(tErrors("network"));
    } finally {
      setPending(false);
    }
  };

  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const err = (k: string) => fieldErrors[k]?.[0];
  const field = (k: keyof typeof empty, label: string, input: React.ReactNode, required = true) => (
    <div className="space-y-1">
      <label htmlFor={`${ids}-${k}`} className="block text-sm font-medium text-slate-700">{label}{required ? <span aria-hidden="true" className="ml-0.5 text-red-600">*</span> : null}</label>
      {input}
      {err(k) ? <p id={`${ids}-${k}-error`} className="text-sm text-red-700">{err(k)}</p> : null}
    </div>
  );
  const aria = (k: string) => ({ id: `${ids}-${k}`, "aria-invalid": !!err(k), "aria-describedby": err(k) ? `${ids}-${k}-error` : undefined });

  return (
    <div className="space-y-3">
      {moves.length === 0 ? <p className="text-sm text-slate-500">{t("noActions")}</p> : (
        <div className="flex flex-wrap gap-2">
          {moves.map((m) => <Button key={m} variant={m === "LOST" ? "secondary" : "primary"} onClick={() => open(m)}>{t(`moveTo.${m}`)}</Button>)}
        </div>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <ConfirmDialog open={to !== null} tone={to === "LOST" ? "danger" : "primary"} title={to ? t(`moveTo.${to}`) : ""} message={to ? t(`moveHint.${to}`) : ""}
        confirmLabel={to ? t(`moveTo.${to}`) : undefined} pending={pending} onConfirm={submit} onCancel={() => setTo(null)}>
        <div className="space-y-3">
          {dialogError ? <Alert tone="error">{dialogError}</Alert> : null}
          {to === "SIGNED" ? (
            <>
              {field("signedOn", t("signedOn"), <input type="date" value={values.signedOn} onChange={set("signedOn")} {...aria("signedOn")} className={cn(controlClass, "h-11")} />)}
              {field("signedAmount", t("signedAmount"), (
                <div className="flex gap-2">
                  <input inputMode="decimal" autoComplete="off" value={values.signedAmount} onChange={set("signedAmount")} {...aria("signedAmount")} className={cn(controlClass, "h-11 min-w-0 flex-1")} />
                  <select aria-label={`${t("signedAmount")} · ${t("unitOfAmount")}`} value={values.signedUnit} onChange={set("signedUnit")} className={cn(controlClass, "h-11 w-28")}>
                    {AMOUNT_UNITS.map((u) => <option key={u} value={u}>{t(`units.${u}`)}</option>)}
                  </select>
                </div>
              ))}
              {field("contractNo", t("contractNo"), <input autoComplete="off" value={values.contractNo} onChange={set("contractNo")} {...aria("contractNo")} className={cn(controlClass, "h-11")} />)}
            </>
          ) : null}
          {to === "LANDED" ? field("landedOn", t("landedOn"), <input type="date" value={values.landedOn} onChange={set("landedOn")} {...aria("landedOn")} className={cn(controlClass, "h-11")} />) : null}
          {to === "LOST" ? field("lostReason", t("lostReason"), <textarea value={values.lostReason} onChange={set("lostReason")} {...aria("lostReason")} className={cn(controlClass, "min-h-20 py-2")} />) : null}
          {field("note", t("note"), <textarea value={values.note} onChange={set("note")} {...aria("note")} className={cn(controlClass, "min-h-16 py-2")} />, false)}
        </div>
      </ConfirmDialog>
    </div>
  );
}
