"use client";
// The moves this user may make on a request (the page passes only those; the server checks
// again). Each opens a small dialog asking for what the move needs. A move that lost a race
// shows the server's message ("changed by someone else") and the page refreshes. Each move
// sends the version the previous one returned (useLatestVersion), so two quick moves never collide.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  acceptRequestAction, assignRequestAction, chaseRequestAction, closeRequestAction, decideExtensionAction, mergeRequestAction,
  reassignRequestAction, reopenRequestAction, requestExtensionAction, resolveRequestAction, respondRequestAction, sendBackRequestAction,
} from "@/lib/hotline/actions";
import type { ActionResult } from "@/lib/platform/action";
import { useLatestVersion } from "@/components/forms/use-version";
import type { RequestMoveKind } from "@/lib/hotline/transitions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { CharCount } from "@/components/ui/char-count";

type Extra = "chase" | "extension";
type Open = RequestMoveKind | Extra;

type Props = {
  requestId: string;
  version: number;
  moves: RequestMoveKind[];
  canChase: boolean;
  canRequestExtension: boolean;
  departments: { id: string; name: string }[];
  officers: { id: string; name: string; orgName: string }[];
  current: { leadDepartmentId: string; assigneeId: string; coHandlerIds: string[] };
  pendingExtensions: { id: string; line: string }[];
  minExtension: string;
};

const DANGER: Open[] = ["sendBack", "reopen", "merge"];

export function RequestActions(props: Props) {
  const t = useTranslations("hotline");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const ids = useId();
  const [version, rememberVersion] = useLatestVersion(props.requestId, props.version);
  const [open, setOpen] = useState<Open | null>(null);
  const [v, setV] = useState<Record<string, string>>({});
  const [co, setCo] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const start = (o: Open) => {
    setOpen(o);
    setV(o === "assign" || o === "reassign" ? { leadDepartmentId: props.current.leadDepartmentId, assigneeId: props.current.assigneeId } : o === "close" ? { satisfaction: "" } : o === "extension" ? { proposedDueAt: props.minExtension } : {});
    setCo(o === "reassign" ? props.current.coHandlerIds : []);
    setFieldErrors({});
    setDialogError(null);
    setMessage(null);
  };
  const set = (k: string) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const base = { id: props.requestId, version };

  const call = (o: Open): Promise<ActionResult<unknown>> => {
    switch (o) {
      case "accept": return acceptRequestAction({ ...base, note: v.note ?? "" });
      case "assign": case "reassign": {
        const input = { ...base, leadDepartmentId: v.leadDepartmentId ?? "", assigneeId: v.assigneeId ?? "", coHandlerIds: co, note: v.note ?? "" };
        return o === "assign" ? assignRequestAction(input) : reassignRequestAction(input);
      }
      case "sendBack": return sendBackRequestAction({ ...base, note: v.note ?? "" });
      case "respond": return respondRequestAction({ ...base, response: v.response ?? "" });
      case "resolve": return resolveRequestAction({ ...base, resolution: v.resolution ?? "" });
      case "close": return closeRequestAction({ ...base, satisfaction: v.satisfaction ?? "", comment: v.comment ?? "" });
      case "reopen": return reopenRequestAction({ ...base, note: v.note ?? "" });
      case "merge": return mergeRequestAction({ ...base, intoNumber: v.intoNumber ?? "", note: v.note ?? "" });
      case "chase": return chaseRequestAction({ id: props.requestId, note: v.note ?? "" });
      case "extension": return requestExtensionAction({ ...base, reason: v.reason ?? "", proposedDueAt: v.proposedDueAt ?? "" });
    }
  };

  const label = (o: Open) => (o === "chase" ? t("chase") : o === "extension" ? t("extensionRequest") : t(`move.${o}`));
  const hint = (o: Open) => (o === "chase" ? t("chaseHint") : o === "extension" ? t("extensionHint") : t(`moveHint.${o}`));

  const submit = async () => {
    if (!open) return;
    setPending(true);
    setDialogError(null);
    try {
      const result = await call(open);
      if (result.ok) {
        rememberVersion(result.data);
        const data = result.data as { notified?: number; intoId?: string };
        const text = open === "chase" ? t("chased", { count: data.notified ?? 0 }) : open === "extension" ? t("extensionRequested") : t("moved", { move: label(open) });
        setOpen(null);
        setMessage({ tone: "success", text });
        router.refresh();
      } else if (result.fieldErrors && Object.keys(result.fieldErrors).length) {
        setFieldErrors(result.fieldErrors);
        setDialogError(result.error);
      } else {
        setOpen(null);
        setMessage({ tone: "error", text: result.error });
        router.refresh();
      }
    } catch {
      setDialogError(tErrors("network"));
    } finally {
      setPending(false);
    }
  };

  const decide = async (extensionId: string, approve: boolean) => {
    setPending(true);
    setMessage(null);
    try {
      const result = await decideExtensionAction({ id: props.requestId, extensionId, approve, note: "" });
      if (result.ok) rememberVersion(result.data);
      setMessage(result.ok ? { tone: "success", text: t("decided") } : { tone: "error", text: result.error });
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: tErrors("network") });
    } finally {
      setPending(false);
    }
  };

  const err = (name: string) => fieldErrors[name]?.[0];
  const errLine = (name: string) => (err(name) ? <p id={`${ids}-${name}-error`} className="text-sm text-red-700">{err(name)}</p> : null);
  const aria = (name: string) => ({ "aria-invalid": !!err(name), "aria-describedby": err(name) ? `${ids}-${name}-error` : undefined });
  const lbl = "block text-sm font-medium text-slate-700";
  const req = <span aria-hidden="true" className="ml-0.5 text-red-600">*</span>;
  const textArea = (name: string, text: string, required: boolean, rows = 3) => (
    <div className="space-y-1">
      <label htmlFor={`${ids}-${name}`} className={lbl}>{text}{required ? req : null}</label>
      <textarea id={`${ids}-${name}`} rows={rows} value={v[name] ?? ""} onChange={set(name)} {...aria(name)} className={cn(controlClass, "min-h-20 py-2")} />
      <CharCount forId={`${ids}-${name}`} limit={2000} initial={(v[name] ?? "").length} />
      {errLine(name)}
    </div>
  );

  const buttons: Open[] = [...props.moves, ...(props.canChase ? (["chase"] as const) : []), ...(props.canRequestExtension ? (["extension"] as const) : [])];

  return (
    <div className="space-y-3">
      {buttons.length === 0 && props.pendingExtensions.length === 0 ? <p className="text-sm text-slate-500">{t("noActions")}</p> : (
        <div className="flex flex-wrap gap-2">
          {buttons.map((o) => (
            <Button key={o} variant={DANGER.includes(o) || o === "chase" || o === "extension" ? "secondary" : "primary"} onClick={() => start(o)}>{label(o)}</Button>
          ))}
        </div>
      )}
      {props.pendingExtensions.length ? (
        <div className="space-y-2 border-t border-slate-100 pt-3">
          <p className="text-sm font-medium text-slate-700">{t("pendingExtensions")}</p>
          {props.pendingExtensions.map((e) => (
            <div key={e.id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="min-w-0 flex-1 text-slate-700">{e.line}</span>
              <Button size="sm" onClick={() => decide(e.id, true)} disabled={pending}>{t("approve")}</Button>
              <Button size="sm" variant="secondary" onClick={() => decide(e.id, false)} disabled={pending}>{t("reject")}</Button>
            </div>
          ))}
        </div>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}

      <ConfirmDialog
        open={open !== null}
        tone={open && DANGER.includes(open) ? "danger" : "primary"}
        title={open ? label(open) : ""}
        message={open ? hint(open) : ""}
        confirmLabel={open ? label(open) : undefined}
        pending={pending}
        onConfirm={submit}
        onCancel={() => setOpen(null)}
      >
        <div className="space-y-3">
          {dialogError ? <Alert tone="error">{dialogError}</Alert> : null}
          {open === "assign" || open === "reassign" ? (
            <>
              <div className="space-y-1">
                <label htmlFor={`${ids}-dept`} className={lbl}>{t("leadDepartment")}</label>
                <select id={`${ids}-dept`} value={v.leadDepartmentId ?? ""} onChange={set("leadDepartmentId")} {...aria("leadDepartmentId")} className={cn(controlClass, "h-11")}>
                  <option value="">{t("noDepartment")}</option>
                  {props.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
                </select>
                {errLine("leadDepartmentId")}
              </div>
              <div className="space-y-1">
                <label htmlFor={`${ids}-assignee`} className={lbl}>{t("assignee")}</label>
                <select id={`${ids}-assignee`} value={v.assigneeId ?? ""} onChange={set("assigneeId")} {...aria("assigneeId")} className={cn(controlClass, "h-11")}>
                  <option value="">{t("chooseAssignee")}</option>
                  {props.officers.map((o) => <option key={o.id} value={o.id}>{`${o.name}（${o.orgName}）`}</option>)}
                </select>
                {errLine("assigneeId")}
              </div>
              {props.departments.length > 1 ? (
                <fieldset className="space-y-1">
                  <legend className={lbl}>{t("coHandlers")} <span className="font-normal text-slate-500">（{t("coHandlersHint")}）</span></legend>
                  <div className="flex flex-wrap gap-x-4">
                    {props.departments.filter((d) => d.id !== v.leadDepartmentId).map((d) => (
                      <label key={d.id} className="flex min-h-11 items-center gap-2 text-sm">
                        <input type="checkbox" checked={co.includes(d.id)} onChange={(e) => setCo((s) => (e.target.checked ? [...s, d.id] : s.filter((x) => x !== d.id)))} className="size-5 accent-brand-700" />
                        {d.name}
                      </label>
                    ))}
                  </div>
                  {errLine("coHandlerIds")}
                </fieldset>
              ) : null}
              {textArea("note", t("note"), false, 2)}
            </>
          ) : null}
          {open === "respond" ? textArea("response", t("response"), true, 4) : null}
          {open === "resolve" ? textArea("resolution", t("resolution"), true, 4) : null}
          {open === "close" ? (
            <>
              <fieldset className="space-y-1">
                <legend className={lbl}>{t("satisfaction")}{req}</legend>
                <div className="flex flex-wrap gap-2">
                  {["1", "2", "3", "4", "5"].map((s) => (
                    <label key={s} className={cn("flex size-11 cursor-pointer items-center justify-center rounded-md border text-base font-semibold", v.satisfaction === s ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300")}>
                      <input type="radio" name={`${ids}-sat`} value={s} checked={v.satisfaction === s} onChange={set("satisfaction")} className="sr-only" />
                      {s}
                    </label>
                  ))}
                </div>
                {errLine("satisfaction")}
              </fieldset>
              {textArea("comment", t("feedbackComment"), false, 2)}
            </>
          ) : null}
          {open === "merge" ? (
            <div className="space-y-1">
              <label htmlFor={`${ids}-into`} className={lbl}>{t("mergeInto")}{req}</label>
              <input id={`${ids}-into`} value={v.intoNumber ?? ""} onChange={set("intoNumber")} placeholder={t("mergeIntoHint")} {...aria("intoNumber")} className={cn(controlClass, "h-11 font-mono")} />
              {errLine("intoNumber")}
            </div>
          ) : null}
          {open === "extension" ? (
            <>
              <div className="space-y-1">
                <label htmlFor={`${ids}-due`} className={lbl}>{t("extensionProposed")}{req}</label>
                <input id={`${ids}-due`} type="datetime-local" value={v.proposedDueAt ?? ""} onChange={set("proposedDueAt")} {...aria("proposedDueAt")} className={cn(controlClass, "h-11")} />
                {errLine("proposedDueAt")}
              </div>
              {textArea("reason", t("extensionReason"), true, 2)}
            </>
          ) : null}
          {open === "sendBack" || open === "reopen" ? textArea("note", t("reason"), true, 2) : null}
          {open === "accept" || open === "merge" || open === "chase" ? textArea("note", t("note"), false, 2) : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}
