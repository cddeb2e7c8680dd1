import { requirePermission } from "@/lib/platform/auth/session";
import { HOUSEHOLDS } from "@/lib/registers/kinds";
import { CreateHouseholdForm } from "@/components/registers/household-form";
import { NewRecordShell, newRecordMetadata, recordUnitOptions } from "@/components/registers/record-shell";
import { ClientMessages } from "@/components/i18n/client-messages";

export const generateMetadata = () => newRecordMetadata(HOUSEHOLDS);

/** `?outbox=<id>`: a registration the server refused offline, opened to fix (issue 16). */
export default async function NewHouseholdPage({ searchParams }: { searchParams: Promise<{ outbox?: string | string[] }> }) {
  const actor = await requirePermission(HOUSEHOLDS.manage);
  const options = await recordUnitOptions(HOUSEHOLDS, actor, true);
  const { outbox } = await searchParams;
  return (
    <ClientMessages namespaces={["registers", "validation.*", "field.resolve.forms", "validation.registers"]}>
      <NewRecordShell register={HOUSEHOLDS}>
        <CreateHouseholdForm
          options={options} draftKey={`draft:${HOUSEHOLDS.draft}:new:${actor.id}`} userId={actor.id}
          outboxItemId={typeof outbox === "string" ? outbox : undefined}
        />
      </NewRecordShell>
    </ClientMessages>
  );
}
