"use client";
// On a key project's page: record a milestone's planned/actual dates, advance the stage
// (enabled once the step's milestone has an actual date; the server checks again), raise a
// blocker (堵点, a problem linked to the project). The milestone editors and the stage button
// share the project's version: each sends the newest one any of them got back.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { advanceStageAction, createBlockerAction, updateMilestoneAction } from "@/lib/key-projects/actions";
import type { KeyProjectStageValue, MilestoneKindValue } from "@/lib/key-projects/schemas";
import { newIdempotencyKey } from "@/components/forms/idempotency";
import { useLatestVersion } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Message = { tone: "error" | "success"; text: string } | null;

function useRun(project?: { id: string; version: number }) {
  const [version, rememberVersion] = useLatestVersion(project?.id ?? "", project?.version ?? 0);
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const run = async (call: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]>; data?: unknown }>, success: string) => {
    setPending(true);
    setMessage(null);
    setFieldErrors({});
    try {
      const r = await call();
      if (r.ok && project) rememberVersion(r.data);
      if (r.ok) setMessage({ tone: "success", text: success });
      else {
        setMessage({ tone: "error", text: r.error ?? "" });
        setFieldErrors(r.fieldErrors ?? {});
      }
      router.refresh();
      return r.ok;
    } catch {
      setMessage({ tone: "error", text: tErrors("network") });
      return false;
    } finally {
      setPending(false);
    }
  };
  return { pending, message, fieldErrors, run, version };
}

export function MilestoneEditor({ projectId, version: renderedVersion, kind, plannedOn, actualOn, today }: {
  projectId: string; version: number; kind: MilestoneKindValue; plannedOn: string; actualOn: string; today: string;
}) {
  const t = useTranslations("keyProjects");
  const [planned, setPlanned] = useState(plannedOn);
  const [actual, setActual] = useState(actualOn);
  const { pending, message, fieldErrors, run, version } = useRun({ id: projectId, version: renderedVersion });
  const id = `ms-${kind}`;
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-2">
        <label className="space-y-1 text-sm"><span className="block text-slate-600">{t("plannedOn")}</span>
          <input type="date" value={planned} onChange={(e) => setPlanned(e.target.value)} className={cn(controlClass, "h-11")} aria-invalid={!!fieldErrors.plannedOn} /></label>
        <label className="space-y-1 text-sm"><span className="block text-slate-600">{t("actualOn")}</span>
          <input type="date" id={`${id}-actual`} max={today} value={actual} onChange={(e) => setActual(e.target.value)} className={cn(controlClass, "h-11")} aria-invalid={!!fieldErrors.actualOn} /></label>
      </div>
      {fieldErrors.actualOn ? <p className="text-sm text-red-700">{fieldErrors.actualOn[0]}</p> : null}
      {fieldErrors.plannedOn ? <p className="text-sm text-red-700">{fieldErrors.plannedOn[0]}</p> : null}
      <Button size="sm" variant="secondary" disabled={pending || !planned} aria-busy={pending}
        onClick={() => run(() => updateMilestoneAction({ projectId, version, kind, plannedOn: planned, actualOn: actual, note: "" }), t("milestoneSaved"))}>
        {t("saveMilestone")}
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}

export function StageAdvance({ projectId, version: renderedVersion, to, ready, needsLabel }: { projectId: string; version: number; to: KeyProjectStageValue; ready: boolean; needsLabel: string }) {
  const t = useTranslations("keyProjects");
  const { pending, message, run, version } = useRun({ id: projectId, version: renderedVersion });
  return (
    <div className="space-y-2">
      <Button disabled={pending} aria-busy={pending} onClick={() => run(() => advanceStageAction({ id: projectId, version, to, note: "" }), t("advanced", { stage: t(`stage.${to}`) }))}>
        {t(`advanceTo.${to}`)}
      </Button>
      <p className="text-sm text-slate-600">{ready ? t("stageReady", { milestone: needsLabel }) : t("advanceNeeds", { milestone: needsLabel })}</p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}

export function BlockerForm({ projectId }: { projectId: string }) {
  const t = useTranslations("keyProjects");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const { pending, message, fieldErrors, run } = useRun();
  const submit = async () => {
    const k = key ?? newIdempotencyKey();
    setKey(k);
    const ok = await run(() => createBlockerAction({ projectId, title, description, dueDate, idempotencyKey: k }), t("blockerCreated"));
    if (ok) {
      setTitle("");
      setDescription("");
      setDueDate("");
      setKey(null);
    }
  };
  return (
    <div className="space-y-2">
      <label className="block space-y-1 text-sm"><span className="block font-medium text-slate-700">{t("blockerTitle")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} className={cn(controlClass, "h-11")} aria-invalid={!!fieldErrors.title} /></label>
      {fieldErrors.title ? <p className="text-sm text-red-700">{fieldErrors.title[0]}</p> : null}
      <label className="block space-y-1 text-sm"><span className="block font-medium text-slate-700">{t("blockerDescription")}</span>
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} className={cn(controlClass, "min-h-16 py-2")} /></label>
      <label className="block space-y-1 text-sm"><span className="block font-medium text-slate-700">{t("dueDate")}</span>
        <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} className={cn(controlClass, "h-11 w-48")} aria-invalid={!!fieldErrors.dueDate} /></label>
      {fieldErrors.dueDate ? <p className="text-sm text-red-700">{fieldErrors.dueDate[0]}</p> : null}
      <Button variant="secondary" disabled={pending} aria-busy={pending} onClick={submit}>{t("raiseBlocker")}</Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </div>
  );
}
