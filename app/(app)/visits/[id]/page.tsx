import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { formatDueDate } from "@/lib/platform/format/deadline";
import { editableUntil, editWindowHours, isEditableBy } from "@/lib/visits/edit-window";
import { MAX_PHOTOS_PER_VISIT } from "@/lib/visits/photos";
import { Card, Badge, EmptyState } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { ProblemStatusBadge } from "@/components/problems/status-badge";
import { PhotoManager } from "@/components/visits/photo-manager";
import { getVisitOrThrow } from "@/lib/visits/queries";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("detailTitle") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VisitDetailPage({ params, searchParams }: Props) {
  const user = await requirePermission("visit.view");
  const { id } = await params;
  const { notice } = await searchParams;
  // "photosNotKept-N": the new visit's N photos neither kept on the device nor uploaded (visit form).
  const photosNotKept = typeof notice === "string" && /^photosNotKept-\d{1,2}$/.test(notice) ? Number(notice.slice("photosNotKept-".length)) : 0;
  const visit = await loadOrNotFound(user, pageAuditName("/visits/[id]"), () => getVisitOrThrow(user, id));
  const t = await getTranslations("visits");
  const tp = await getTranslations("problems");
  const th = await getTranslations("hotline");
  const locale = await getLocale();
  const isAuthor = visit.officerId === user.id;
  const editable = can(user, "visit.update", visit) && isEditableBy(visit, user.id);
  const placeName = visit.household ? `${visit.household.headName}（${visit.household.householdKey}）` : visit.enterprise?.name ?? "";
  const placeAddress = visit.household?.address ?? visit.enterprise?.address ?? "";

  return (
    <ClientMessages namespaces={["visits"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href="/visits" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("backToList")}
        </Link>

        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="blue">{t(`kinds.${visit.kind}`)}</Badge>
            {visit.mentor ? <Badge tone="green">{t("guided")}</Badge> : null}
            <span className="text-sm text-slate-500">{visit.orgUnit.name}</span>
          </div>
          <h1 className="break-words text-xl font-semibold text-slate-900 sm:text-2xl">{placeName}</h1>
          <p className="text-sm tabular-nums text-slate-600">{formatDateTime(visit.visitedAt, locale)}</p>
          {notice === "created" ? <Alert tone="success">{t("created")}</Alert> : null}
          {photosNotKept ? <Alert tone="error">{t("photosNotKept", { count: photosNotKept })}</Alert> : null}
          {notice === "updated" ? <Alert tone="success">{t("updated")}</Alert> : null}
          {visit.enterprise && can(user, "request.intake") ? (
            // 亲企办: an enterprise's request heard on this visit goes to the hotline, enterprise and visit prefilled.
            <LinkButton href={`/hotline/new?visit=${visit.id}`} variant="secondary">{th("submitFromVisit")}</LinkButton>
          ) : null}
          {editable ? (
            <div className="flex flex-wrap items-center gap-3">
              <LinkButton href={`/visits/${visit.id}/edit`} variant="secondary">{t("edit")}</LinkButton>
              <p className="text-sm text-slate-600">{t("editWindowOpen", { until: formatDateTime(editableUntil(visit.createdAt), locale) })}</p>
            </div>
          ) : isAuthor ? (
            <Alert tone="info">{t("editWindowClosed", { hours: editWindowHours() })}</Alert>
          ) : null}
        </div>

        <Card title={t("basics")}>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-500">{t("campaign")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">{visit.programme?.name ?? "—"}</dd>
            <dt className="text-slate-500">{t("officer")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">{visit.officer.name}</dd>
            <dt className="text-slate-500">{t("mentor")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">{visit.mentor?.name ?? t("noMentor")}</dd>
            <dt className="text-slate-500">{t("place")}</dt>
            <dd className="-mt-2 text-slate-900 sm:mt-0">
              {placeName}
              {placeAddress ? <span className="block text-slate-500">{placeAddress}</span> : null}
            </dd>
            <dt className="text-slate-500">{t("location")}</dt>
            <dd className="-mt-2 tabular-nums text-slate-900 sm:mt-0">
              {visit.latitude !== null && visit.longitude !== null ? t("locationRecorded", { lat: visit.latitude.toFixed(6), lng: visit.longitude.toFixed(6) }) : t("noLocation")}
            </dd>
            {visit.notes ? (
              <>
                <dt className="text-slate-500">{t("notes")}</dt>
                <dd className="-mt-2 whitespace-pre-wrap break-words text-slate-900 sm:mt-0">{visit.notes}</dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card title={t("checklist")}>
          {visit.checklistEntries.length === 0 ? (
            <EmptyState>{t("checklistEmpty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100">
              {visit.checklistEntries.map((c) => (
                <li key={c.itemId} className="flex items-start gap-3 py-2">
                  <span aria-hidden="true" className={c.checked ? "text-emerald-700" : "text-slate-400"}>{c.checked ? "✔" : "○"}</span>
                  <div className="min-w-0">
                    <p className="text-slate-900">
                      {c.label}
                      <span className="sr-only">：{c.checked ? t("checked") : t("unchecked")}</span>
                    </p>
                    {c.note ? <p className="text-sm text-slate-600">{c.note}</p> : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("problemsCount", { count: visit.problems.length })}>
          {visit.problems.length === 0 ? (
            <EmptyState>{t("noProblems")}</EmptyState>
          ) : (
            <ul className="space-y-2">
              {visit.problems.map((p) => (
                <li key={p.id}>
                  <Link href={`/problems/${p.id}`} className="flex min-h-11 flex-wrap items-center gap-2 rounded-md border border-slate-200 px-3 py-2 hover:border-brand-600 hover:bg-brand-50">
                    <ProblemStatusBadge status={p.status} label={tp(`status.${p.status}`)} />
                    <span className="font-medium text-slate-900">{p.title}</span>
                    {p.category ? <span className="text-sm text-slate-500">{p.category}</span> : null}
                    {p.dueDate ? <span className="text-sm tabular-nums text-slate-500">{tp("due", { date: formatDueDate(p.dueDate, locale) })}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t("servicesCount", { count: visit.services.length })}>
          {visit.services.length === 0 ? (
            <EmptyState>{t("noServices")}</EmptyState>
          ) : (
            <ol className="list-decimal space-y-1 pl-5 text-slate-900">
              {visit.services.map((s) => <li key={s.id}>{s.description}</li>)}
            </ol>
          )}
        </Card>

        <Card title={t("photosCount", { count: visit.photos.length })}>
          <PhotoManager
            visitId={visit.id}
            editable={editable}
            max={MAX_PHOTOS_PER_VISIT}
            photos={visit.photos.map((p) => ({ id: p.id, url: `/api/visits/${visit.id}/photos/${p.id}` }))}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
