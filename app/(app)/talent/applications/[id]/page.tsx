import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { allowedEvidenceTypes, EDITABLE, getApplicationOrThrow, missingEvidence } from "@/lib/talent/points/applications";
import { parseLevels } from "@/lib/talent/points/rules";
import {
  approveApplicationAction, rejectApplicationAction, removeEvidenceAction, returnApplicationAction, startReviewAction, submitApplicationAction,
} from "@/lib/talent/points/application-actions";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ApplicationStatusBadge } from "@/components/talent/badges";
import { EvidenceUpload } from "@/components/talent/evidence-upload";
import { StepButton } from "@/components/talent/step-button";
import { userNames } from "@/lib/users/queries";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("points");
  return { title: t("applicationTitle") };
}

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission("talent.view");
  const app = await loadOrNotFound(user, pageAuditName("/talent/applications/[id]"), () => getApplicationOrThrow(user, id));
  const t = await getTranslations("points");
  const locale = await getLocale();
  const names = await userNames(app.events.map((e) => e.actorId));
  const nameOf = (uid: string) => names.get(uid) ?? "—";
  const editable = EDITABLE.includes(app.status) && can(user, "points.apply", app);
  const open = app.status === "SUBMITTED" || app.status === "UNDER_REVIEW";
  const own = app.preparedById === user.id;
  const missing = editable ? missingEvidence(app) : [];
  const input = { id: app.id, version: app.version };
  const claimed = app.lines.reduce((s, l) => s + l.claimedPoints, 0);
  const awarded = app.lines.reduce((s, l) => s + (l.awardedPoints ?? 0), 0);
  const holderHref = app.talent ? `/talent/${app.talent.id}` : `/registers/enterprises/${app.enterprise.id}`;

  return (
    <ClientMessages namespaces={["points.evidence"]}>
      <div className="space-y-4">
        <PageHeader
          title={<span className="inline-flex flex-wrap items-center gap-2">{app.number} <ApplicationStatusBadge status={app.status} /></span>}
          description={<>{t(`apply.subjects.${app.subject}`)} · <Link className="text-brand-700 underline" href={holderHref}>{app.talent ? `${app.talent.name}（${app.enterprise.name}）` : app.enterprise.name}</Link> · {t("preparedByName", { name: app.preparedBy.name })}</>}
          actions={<LinkButton href="/talent/applications" variant="ghost">{t("backToApplications")}</LinkButton>}
        />
        {app.status === "RETURNED" && app.events.at(-1)?.note ? <Alert tone="warning">{t("returnedBecause", { note: app.events.at(-1)!.note })}</Alert> : null}
        {app.status === "REJECTED" && app.decisionNote ? <Alert tone="error">{t("rejectedBecause", { note: app.decisionNote })}</Alert> : null}

        <Card title={t("linesTitle")}>
          <ul className="divide-y divide-slate-100">
            {app.lines.map((l) => {
              const level = parseLevels(l.item.levels).find((x) => x.code === l.levelCode);
              const capped = l.awardedPoints !== null && l.awardedPoints < l.claimedPoints;
              return (
                <li key={l.id} className="py-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <span className="font-medium">{l.item.name} · {level?.label ?? l.levelCode}{l.quantity > 1 ? ` ×${l.quantity}` : ""}</span>
                    <span className="tabular-nums">
                      {l.awardedPoints !== null ? t("lineAwarded", { claimed: l.claimedPoints, awarded: l.awardedPoints }) : t("lineClaimed", { claimed: l.claimedPoints })}
                    </span>
                  </div>
                  {l.note ? <p className="text-sm text-slate-600">{l.note}</p> : null}
                  {capped ? (
                    <p className="text-sm text-amber-800" data-testid="cap-reason">
                      {app.entries.find((e) => e.itemId === l.itemId && e.reason.includes("上限"))?.reason.split("；").slice(1).join("；") ||
                        t("cappedBy", { item: l.item.capPerItem ?? "—", year: l.item.capPerYear ?? "—" })}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="mt-2 border-t border-slate-100 pt-2 text-base font-semibold">
            {app.status === "APPROVED" ? t("totalAwarded", { claimed, awarded }) : t("totalClaimed", { claimed })}
          </p>
          {editable ? <div className="mt-2"><LinkButton size="sm" variant="secondary" href={`/talent/applications/${app.id}/edit`}>{t("editLines")}</LinkButton></div> : null}
        </Card>

        <Card title={t("evidence.title")}>
          {app.evidence.length === 0 ? <p className="text-sm text-slate-600">{t("evidence.none")}</p> : (
            <ul className="mb-3 divide-y divide-slate-100">
              {app.evidence.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span><span className="font-medium">{e.evidenceType}</span> · <a className="text-brand-700 underline" href={`/api/talent/evidence/${e.id}`}>{e.fileName}</a> · {Math.ceil(e.sizeBytes / 1024)} KB</span>
                  {editable ? <StepButton label={t("evidence.remove")} variant="ghost" action={removeEvidenceAction} input={{ applicationId: app.id, evidenceId: e.id }} confirm={{ title: t("evidence.remove"), message: t("evidence.removeConfirm", { name: e.fileName }) }} /> : null}
                </li>
              ))}
            </ul>
          )}
          {missing.length ? <Alert tone="warning" className="mb-3">{t("evidence.missing", { items: missing.join("、") })}</Alert> : null}
          {editable ? (
            <EvidenceUpload applicationId={app.id} types={allowedEvidenceTypes(app)} lines={app.lines.map((l) => ({ id: l.id, label: l.item.name }))} />
          ) : null}
        </Card>

        <div className="flex flex-wrap gap-2">
          {editable ? <StepButton label={t("actions.submit")} action={submitApplicationAction} input={input} /> : null}
          {app.status === "SUBMITTED" && can(user, "points.review", app) ? <StepButton label={t("actions.startReview")} variant="secondary" action={startReviewAction} input={input} /> : null}
          {open && can(user, "points.approve", app) && !own ? (
            <StepButton label={t("actions.approve")} action={approveApplicationAction} input={input} reason={{ label: t("actions.approveNote") }} confirm={{ title: t("actions.approveTitle"), message: t("actions.approveMessage", { claimed }) }} />
          ) : null}
          {open && can(user, "points.review", app) ? (
            <StepButton label={t("actions.return")} variant="secondary" action={returnApplicationAction} input={input} reason={{ label: t("actions.returnReason"), required: true }} />
          ) : null}
          {open && can(user, "points.approve", app) && !own ? (
            <StepButton label={t("actions.reject")} variant="danger" action={rejectApplicationAction} input={input} reason={{ label: t("actions.rejectReason"), required: true }} />
          ) : null}
        </div>
        {open && own && can(user, "points.approve", app) ? <p className="text-sm text-slate-500">{t("ownApplication")}</p> : null}
        {app.status === "APPROVED" ? <Alert tone="success">{t("approvedTotal", { awarded })}</Alert> : null}

        <Card title={t("timeline")}>
          <ol className="space-y-2">
            {app.events.map((e) => (
              <li key={e.id} className="text-sm">
                <span className="font-medium">{t(`status.${e.toStatus}`)}</span> · {nameOf(e.actorId)} · <span className="text-slate-500">{formatDateTime(e.at, locale)}</span>
                {e.note ? <p className="text-slate-600">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </ClientMessages>
  );
}
