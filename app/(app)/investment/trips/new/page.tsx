import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/platform/auth/session";
import { pickProgramme } from "@/lib/programmes";
import { investmentKind } from "@/lib/investment/programme";
import { recordableTaskForces } from "@/lib/investment/queries";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { Card, PageHeader } from "@/components/ui/card";
import { TripForm } from "@/components/investment/trip-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("investment"))("newTrip") };
}

export default async function NewTripPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("investment.record");
  const t = await getTranslations("investment");
  const { chosen } = await pickProgramme(investmentKind, user, (await searchParams).programme);
  if (!chosen) redirect("/investment/trips");
  const taskForces = await recordableTaskForces(user, chosen.id);
  const choices = taskForces.map((tf) => {
    const people = [tf.leader, ...tf.members.map((m) => m.user)];
    return { id: tf.id, name: `${tf.name}（${tf.orgUnit.name}）`, people: people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i) };
  });
  return (
    <ClientMessages namespaces={["investment", "validation.*", "validation.investment"]}>
      <div className="max-w-3xl">
        <PageHeader title={t("newTrip")} description={chosen.name} />
        <Card><TripForm programmeId={chosen.id} taskForces={choices} today={todayInShanghai()} /></Card>
      </div>
    </ClientMessages>
  );
}
