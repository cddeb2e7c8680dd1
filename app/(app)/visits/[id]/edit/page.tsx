import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { editWindowHours, isEditableBy } from "@/lib/visits/edit-window";
import { getVisitOrThrow, visitMentorOptions } from "@/lib/visits/queries";
import { toShanghaiLocal } from "@/lib/platform/shanghai";
import { PageHeader } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { VisitForm } from "@/components/visits/visit-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("editTitle") };
}

export default async function EditVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("visit.update");
  const { id } = await params;
  const visit = await loadOrNotFound(user, pageAuditName("/visits/[id]/edit"), () => getVisitOrThrow(user, id));
  const t = await getTranslations("visits");
  const editable = can(user, "visit.update", visit) && isEditableBy(visit, user.id);
  const placeName = visit.household ? `${visit.household.headName}（${visit.household.householdKey}）` : visit.enterprise?.name ?? "";

  return (
    <ClientMessages namespaces={["validation.*", "visits", "field.workSet.search", "field.outbox.visitLabel", "field.outbox.photoLabel", "field.outbox.savedOffline", "field.outbox.photosNotKept"]}>
      <div className="mx-auto max-w-3xl space-y-4">
        <Link href={`/visits/${visit.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("backToVisit")}
        </Link>
        <PageHeader title={t("editTitle")} />
        {!editable ? (
          <Alert tone="warning">{visit.officerId === user.id ? t("editWindowClosed", { hours: editWindowHours() }) : t("notAuthor")}</Alert>
        ) : (
          <VisitForm
            mode="edit"
            mentors={await visitMentorOptions(visit.programmeId, visit.mentor)}
            checklistLabels={Object.fromEntries(visit.checklistEntries.map((c) => [c.itemId, c.label]))}
            fixed={{ campaign: visit.programme?.name ?? "—", kind: t(`kinds.${visit.kind}`), place: placeName }}
            defaultValues={{
              id: visit.id,
              version: visit.version,
              visitedAt: toShanghaiLocal(visit.visitedAt),
              mentorId: visit.mentorId ?? "",
              checklist: visit.checklistEntries.map((c) => ({ itemId: c.itemId, checked: c.checked, note: c.note })),
              services: visit.services.map((s) => ({ description: s.description })),
              notes: visit.notes,
              latitude: visit.latitude === null ? "" : String(visit.latitude),
              longitude: visit.longitude === null ? "" : String(visit.longitude),
            }}
          />
        )}
      </div>
    </ClientMessages>
  );
}
