import { now } from "@/lib/platform/clock";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { getMentorshipProgramme } from "@/lib/mentorship/programme";
import { listPoolMembers, listTemplates, unpairedTrainees } from "@/lib/mentorship/queries";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { MentorshipHeader } from "@/components/mentorship/programme-header";
import { PairingForm } from "@/components/mentorship/pairing-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("newPairing") };
}

export default async function NewPairingPage({ params }: { params: Promise<{ programmeId: string }> }) {
  const user = await requirePermission("mentorship.manage");
  const { programmeId } = await params;
  const programme = await loadOrNotFound(user, pageAuditName("/mentorship/[programmeId]/pairings/new"), () => getMentorshipProgramme(user, programmeId));
  const t = await getTranslations("mentorship");
  const [trainees, mentors, templates] = await Promise.all([
    unpairedTrainees(user, programme.id),
    listPoolMembers(user, programme.id, "MENTOR"),
    listTemplates(programme.id),
  ]);
  const today = shanghaiDate(now());
  const start = formatCalendarDate(programme.startDate);
  const end = formatCalendarDate(programme.endDate);
  return (
    <ClientMessages namespaces={["mentorship", "validation.*", "validation.mentorship"]}>
      <div className="space-y-4">
        <MentorshipHeader user={user} programme={programme} current="pairings" />
        <Card title={t("newPairing")} className="max-w-2xl">
          {programme.status !== "ACTIVE" ? (
            <Alert tone="warning">{t("programmeNotActive")}</Alert>
          ) : trainees.length === 0 ? (
            <Alert tone="info">{t("noUnpairedTrainees")}</Alert>
          ) : (
            <PairingForm
              programmeId={programme.id}
              trainees={trainees.map((m) => ({ id: m.user.id, name: m.user.name, orgUnitName: m.user.orgUnit.name, lineOfWork: m.lineOfWork }))}
              mentors={mentors
                .filter((m) => m.status === "ACTIVE" && (m.capacity === null || m.activeTrainees < m.capacity))
                .map((m) => ({ id: m.user.id, name: m.user.name, orgUnitName: m.user.orgUnit.name, free: m.capacity === null ? null : m.capacity - m.activeTrainees }))}
              templates={templates.filter((tpl) => tpl.active).map((tpl) => ({ id: tpl.id, name: tpl.name }))}
              defaultStart={today < start ? start : today > end ? end : today}
              defaultEnd={end}
              minDate={start}
              maxDate={end}
            />
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
