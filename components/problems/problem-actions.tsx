"use client";
// The moves the user may make on a problem (the page passes only those; the server checks
// again). Each opens a small dialog asking for what that move needs: a reason and a
// department to escalate to, a resolution, who confirmed. A move that lost a race shows the
// server's message ("changed by someone else") and the page refreshes. Each step sends the
// version the previous one returned (useLatestVersion), so two quick steps never collide.
// Offline (issue 16) — no network, or the send never got an answer — the move goes into the
// outbox with the version this page showed; at sync a stale version comes back as a conflict
// and the officer chooses field by field (components/field/outbox-resolve.tsx).
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { assignProblemAction, transitionProblemAction } from "@/lib/problems/actions";
import { enqueue } from "@/lib/field/local/outbox";
import { useLatestVersion } from "@/components/forms/use-version";
import type { ProblemTransition } from "@/lib/problems/transitions";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { CharCount } from "@/components/ui/char-count";
import { isOffline } from "@/lib/field/local/connectivity";

type Move = Pick<ProblemTransition, "to" | "needs">;

type Props = {
  problemId: string;
  /** For the outbox item's owner and label when the move is made offline. */
  userId: string;
  title: string;
  version: number;
  moves: Move[];
  departments: { id: string; name: string }[];
  mayConfirmAsManager: boolean;
  assign: { options: { id: string; name: string; orgName: string }[]; current: string } | null;
};

export function ProblemActions({ problemId, userId, title, version: renderedVersion, moves, departments, mayConfirmAsManager, assign }: Props) {
  const t = useTranslations("problems");
  const tField = useTranslations("field.resolve.forms");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const ids = useId();
  const [version, rememberVersion] = useLatestVersion(problemId, renderedVersion);
  const [move, setMove] = useState<Move | null>(null);
  const [note, setNote] = useState("");
  const [resolution, setResolution] = useState("");
  const [department, setDepartment] = useState("");
  const [confirmation, setConfirmation] = useState<"RESIDENT" | "MANAGER">("RESIDENT");
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [assignee, setAssignee] = useState(assign?.current ?? "");
  const [assigning, setAssigning] = useState(false);

  const open = (m: Move) => {
    setMove(m);
    setNote("");
    setResolution("");
    setDepartment("");
    setConfirmation("RESIDENT");
    setFieldErrors({});
    setDialogError(null);
    setMessage(null);
  };

  /** Into the outbox: sent when the network returns (a stale version then becomes a conflict to resolve). */
  const queue = async (input: Record<string, unknown>, to: Move["to"]) => {
    try {
      await enqueue({
        userId, kind: "problem.transition", input, fixHref: `/problems/${problemId}`,
        label: tField("problem", { title, status: t(`status.${to}`) }),
      });
      setMove(null);
      setMessage({ tone: "success", text: tField("queued") });
    } catch {
      // No IndexedDB (private mode): nothing was kept, say so in the dialog.
      setDialogError(tErrors("network"));
    }
  };

  const submit = async () => {
    if (!move) return;
    setPending(true);
    setDialogError(null);
    const input = {
      id: problemId, version, to: move.to, note, resolution, escalatedToOrgUnitId: department,
      ...(move.needs === "confirmation" ? { confirmation } : {}),
    };
    if (isOffline()) {
      await queue(input, move.to);
      setPending(false);
      return;
    }
    try {
      const result = await transitionProblemAction(input);
      if (result.ok) {
        rememberVersion(result.data);
        setMove(null);
        setMessage({ tone: "success", text: t("moved", { status: t(`status.${result.data.status}`) }) });
        router.refresh();
      } else if (result.fieldErrors && Object.keys(result.fieldErrors).length) {
        setFieldErrors(result.fieldErrors);
        setDialogError(result.error);
      } else {
        // Not fixable in the dialog (someone else moved it, no permission): close, say why, reload.
        setMove(null);
        setMessage({ tone: "error", text: result.error });
        router.refresh();
      }
    } catch {
      // No answer: it may or may not have reached the server. Queued with the same version, a
      // committed first try comes back as a conflict the resolve panel recognises as done.
      await queue(input, move.to);
    } finally {
      setPending(false);
    }
  };

  const saveAssignee = async () => {
    setAssigning(true);
    setMessage(null);
    try {
      const result = await assignProblemAction({ id: problemId, version, assigneeId: assignee });
      if (result.ok) rememberVersion(result.data);
      setMessage(result.ok ? { tone: "success", text: t("assigned") } : { tone: "error", text: result.fieldErrors?.assigneeId?.[0] ?? result.error });
      router.refresh();
    } catch {
      setMessage({ tone: "error", text: tErrors("network") });
    } finally {
      setAssigning(false);
    }
  };

  const fieldError = (name: string) => fieldErrors[name]?.[0];
  const described = (name: string) => (fieldError(name) ? `${ids}-${name}-error` : undefined);
  const errorLine = (name: string) => (fieldError(name) ? <p id={`${ids}-${name}-error`} className="text-sm text-red-700">{fieldError(name)}</p> : null);
  const noteLabel = move?.needs === "escalation" || move?.needs === "reason" ? t("reason") : t("note");
  const noteRequired = move?.needs === "escalation" || move?.needs === "reason";

  return (
    <div className="space-y-3">
      {moves.length === 0 ? <p className="text-sm text-slate-500">{t("noActions")}</p> : (
        <div className="flex flex-wrap gap-2">
          {moves.map((m) => (
            <Button key={m.to} variant={m.to === "REOPENED" ? "secondary" : "primary"} onClick={() => open(m)}>{t(`moveTo.${m.to}`)}</Button>
          ))}
        </div>
      )}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}

      {assign ? (
        <div className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3">
          <div className="min-w-0 flex-1 space-y-1">
            <label htmlFor={`${ids}-assignee`} className="block text-sm font-medium text-slate-700">{t("assignee")}</label>
            <select id={`${ids}-assignee`} value={assignee} onChange={(e) => setAssignee(e.target.value)} className={cn(controlClass, "h-11")}>
              <option value="">{t("unassigned")}</option>
              {assign.options.map((o) => <option key={o.id} value={o.id}>{`${o.name}（${o.orgName}）`}</option>)}
            </select>
          </div>
          <Button variant="secondary" onClick={saveAssignee} disabled={assigning || assignee === assign.current} aria-busy={assigning}>{t("saveAssignee")}</Button>
        </div>
      ) : null}

      <ConfirmDialog
        open={move !== null}
        tone={move?.to === "REOPENED" ? "danger" : "primary"}
        title={move ? t(`moveTo.${move.to}`) : ""}
        message={move ? t(`moveHint.${move.to}`) : ""}
        confirmLabel={move ? t(`moveTo.${move.to}`) : undefined}
        pending={pending}
        onConfirm={submit}
        onCancel={() => setMove(null)}
      >
        <div className="space-y-3">
          {dialogError ? <Alert tone="error">{dialogError}</Alert> : null}
          {move?.needs === "escalation" ? (
            <div className="space-y-1">
              <label htmlFor={`${ids}-dept`} className="block text-sm font-medium text-slate-700">{t("department")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></label>
              <select id={`${ids}-dept`} value={department} onChange={(e) => setDepartment(e.target.value)} aria-invalid={!!fieldError("escalatedToOrgUnitId")} aria-describedby={described("escalatedToOrgUnitId")} className={cn(controlClass, "h-11")}>
                <option value="" disabled>{t("chooseDepartment")}</option>
                {departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
              {errorLine("escalatedToOrgUnitId")}
            </div>
          ) : null}
          {move?.needs === "resolution" ? (
            <div className="space-y-1">
              <label htmlFor={`${ids}-resolution`} className="block text-sm font-medium text-slate-700">{t("resolution")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></label>
              <textarea id={`${ids}-resolution`} rows={3} value={resolution} onChange={(e) => setResolution(e.target.value)} aria-invalid={!!fieldError("resolution")} aria-describedby={described("resolution")} className={cn(controlClass, "min-h-24 py-2")} />
              <CharCount forId={`${ids}-resolution`} limit={2000} initial={resolution.length} />
              {errorLine("resolution")}
            </div>
          ) : null}
          {move?.needs === "confirmation" ? (
            <fieldset className="space-y-1">
              <legend className="block text-sm font-medium text-slate-700">{t("confirmedBy")}</legend>
              {(["RESIDENT", "MANAGER"] as const).filter((s) => s === "RESIDENT" || mayConfirmAsManager).map((s) => (
                <label key={s} className="flex min-h-11 items-center gap-2">
                  <input type="radio" name={`${ids}-confirmation`} value={s} checked={confirmation === s} onChange={() => setConfirmation(s)} className="size-5 accent-brand-700" />
                  <span>{t(`confirmation.${s}`)}</span>
                </label>
              ))}
              {errorLine("confirmation")}
            </fieldset>
          ) : null}
          <div className="space-y-1">
            <label htmlFor={`${ids}-note`} className="block text-sm font-medium text-slate-700">
              {noteLabel}
              {noteRequired ? <span aria-hidden="true" className="ml-0.5 text-red-600">*</span> : <span className="ml-1 text-slate-400">（{t("optional")}）</span>}
            </label>
            <textarea id={`${ids}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={!!fieldError("note")} aria-describedby={described("note")} className={cn(controlClass, "min-h-20 py-2")} />
            <CharCount forId={`${ids}-note`} limit={1000} initial={note.length} />
            {errorLine("note")}
          </div>
        </div>
      </ConfirmDialog>
    </div>
  );
}
