"use client";
// What the staff do with a case, by its status: start an appointment, hand it to a colleague,
// finish it with its outcome (the time saved is computed on the server), or cancel it with a
// reason. Each is one small form behind a button (a phone shows one at a time); the server
// refuses a stale page (version) or a status that has moved on. Which are offered is decided
// by caseAllows (lib/service-stations/case-rules.ts): none that moves a case of a programme
// that is not ACTIVE.
import { useTranslations } from "next-intl";
import { assignCaseAction, cancelCaseAction, finishCaseAction, startCaseAction } from "@/lib/service-stations/actions";
import type { CaseAllows } from "@/lib/service-stations/case-rules";
import { CASE_OUTCOMES, type CaseStatusValue } from "@/lib/service-stations/schemas";
import { QuickForm } from "@/components/forms/quick-form";
import { Badge } from "@/components/ui/card";

const STATUS_TONE: Record<CaseStatusValue, "slate" | "blue" | "amber" | "green" | "red"> = {
  SCHEDULED: "slate", IN_PROGRESS: "blue", ROUND_TABLE: "amber", FINISHED: "green", CANCELLED: "slate",
};

export function CaseStatusBadge({ status, label }: { status: CaseStatusValue; label: string }) {
  return <Badge tone={STATUS_TONE[status]}>{label}</Badge>;
}

type Props = {
  caseId: string;
  version: number;
  allows: CaseAllows;
  staffId: string;
  staffOptions: { id: string; name: string; unit: string }[];
  /** A round-table answered DISAGREE: the outcome defaults to 转办 rather than 办结. */
  disagreed: boolean;
};

export function CaseActions({ caseId, version, allows, staffId, staffOptions, disagreed }: Props) {
  const t = useTranslations("serviceStation.cases");
  const hidden = { caseId, version };
  const others = allows.assign ? staffOptions.filter((s) => s.id !== staffId) : [];
  if (!allows.start && !allows.finish && !allows.cancel && others.length === 0) return null;
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-start">
      {allows.start ? (
        <QuickForm action={startCaseAction} hidden={hidden} fields={[]} submitLabel={t("start")} label={t("start")} className="w-full sm:w-auto" />
      ) : null}
      {allows.finish ? (
        <QuickForm
          action={finishCaseAction} hidden={{ ...hidden, finishedAt: "" }} collapsed={t("finish")} submitLabel={t("finishSubmit")} label={t("finish")} className="w-full sm:w-96"
          fields={[
            { name: "outcome", label: t("outcome"), type: "select", required: true, defaultValue: disagreed ? "REFERRED" : "COMPLETED", options: CASE_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })) },
            { name: "outcomeNote", label: t("outcomeNote"), type: "textarea", maxLength: 1000, hint: t("outcomeNoteHint") },
          ]}
        />
      ) : null}
      {others.length > 0 ? (
        <QuickForm
          action={assignCaseAction} hidden={hidden} collapsed={t("assign")} tone="secondary" submitLabel={t("assignSubmit")} label={t("assign")} className="w-full sm:w-80"
          fields={[{ name: "staffId", label: t("staff"), type: "select", required: true, defaultValue: "", options: [{ value: "", label: t("choose") }, ...others.map((s) => ({ value: s.id, label: t("staffOption", { name: s.name, unit: s.unit }) }))] }]}
        />
      ) : null}
      {allows.cancel ? (
        <QuickForm
          action={cancelCaseAction} hidden={hidden} collapsed={t("cancel")} tone="danger" submitLabel={t("cancelSubmit")} label={t("cancel")} className="w-full sm:w-80"
          fields={[{ name: "reason", label: t("cancelReason"), type: "text", required: true, maxLength: 200 }]}
        />
      ) : null}
    </div>
  );
}
