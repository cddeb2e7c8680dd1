import { requirePermission } from "@/lib/platform/auth/session";
import { HOUSEHOLDS } from "@/lib/registers/kinds";
import { CreateHouseholdForm } from "@/components/registers/household-form";
import { NewRecordShell, newRecordMetadata, recordUnitOptions } from "@/components/registers/record-shell";
import { ClientMessages } from "@/components/i18n/client-messages";

export const generateMetadata = () => newRecordMetadata(HOUSEHOLDS);

export default async function NewHouseholdPage() {
  const actor = await requirePermission(HOUSEHOLDS.manage);
  const options = await recordUnitOptions(HOUSEHOLDS, actor, true);
  return (
    <ClientMessages namespaces={["registers", "validation"]}>
      <NewRecordShell register={HOUSEHOLDS}>
        <CreateHouseholdForm options={options} draftKey={`draft:${HOUSEHOLDS.draft}:new:${actor.id}`} />
      </NewRecordShell>
    </ClientMessages>
  );
}
