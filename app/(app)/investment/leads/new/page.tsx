import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/platform/auth/session";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { getMeetingWithTrip, recordableTaskForces } from "@/lib/investment/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { LeadForm } from "@/components/investment/lead-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("newLead") };
}

export default async function NewLeadPage({ searchParams }: { searchParams: Promise<{ programme?: string; meeting?: string }> }) {
  const user = await requirePermission("investment.record");
  const t = await getTranslations("investment");
  const params = await searchParams;
  const { chosen } = await pickProgramme(investmentKind, user, params.programme);
  if (!chosen) redirect("/investment/leads");
  const taskForces = await recordableTaskForces(user, chosen.id);
  let meeting = null;
  if (params.meeting) {
    const { trip, meeting: found } = (await getMeetingWithTrip(user, params.meeting)) ?? {};
    if (trip && found && taskForces.some((tf) => tf.id === trip.taskForceId)) {
      const who = found.enterprise?.name ?? found.prospect?.name ?? "";
      meeting = { id: found.id, taskForceId: trip.taskForceId, sector: "", label: `${who} · ${t("fromTrip", { city: trip.destinationCity, date: formatCalendarDate(trip.startDate) })}` };
    }
  }
  return (
    <ClientMessages namespaces={["investment", "validation.*", "validation.investment"]}>
      <div className="max-w-3xl">
        <PageHeader title={t("newLead")} description={chosen.name} />
        <Card>
          <LeadForm programmeId={chosen.id} taskForces={taskForces.map((tf) => ({ id: tf.id, name: `${tf.name}（${tf.orgUnit.name}）` }))} meeting={meeting} draftKey={`draft:lead:new:${user.id}`} />
        </Card>
      </div>
    </ClientMessages>
  );
}
