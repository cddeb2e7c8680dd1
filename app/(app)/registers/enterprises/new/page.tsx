import { requirePermission } from "@/lib/platform/auth/session";
import { ENTERPRISES } from "@/lib/registers/kinds";
import { commissionerOptions } from "@/lib/registers/queries";
import { CreateEnterpriseForm } from "@/components/registers/enterprise-form";
import { NewRecordShell, newRecordMetadata, recordUnitOptions } from "@/components/registers/record-shell";
import { ClientMessages } from "@/components/i18n/client-messages";

export const generateMetadata = () => newRecordMetadata(ENTERPRISES);

/** `?outbox=<id>`: a registration the server refused offline, opened to fix (issue 16). */
export default async function NewEnterprisePage({ searchParams }: { searchParams: Promise<{ outbox?: string | string[] }> }) {
  const actor = await requirePermission(ENTERPRISES.manage);
  const [options, commissioners] = await Promise.all([recordUnitOptions(ENTERPRISES, actor, false), commissionerOptions(actor)]);
  const { outbox } = await searchParams;
  return (
    <ClientMessages namespaces={["registers", "validation.*", "field.resolve.forms", "validation.registers"]}>
      <NewRecordShell register={ENTERPRISES}>
        <CreateEnterpriseForm
          options={options}
          commissioners={commissioners.map((c) => ({ id: c.id, name: c.name, username: c.username, orgName: c.orgUnit.name }))}
          draftKey={`draft:${ENTERPRISES.draft}:new:${actor.id}`}
          userId={actor.id}
          outboxItemId={typeof outbox === "string" ? outbox : undefined}
        />
      </NewRecordShell>
    </ClientMessages>
  );
}
