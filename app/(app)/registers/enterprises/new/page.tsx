import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { commissionerOptions } from "@/lib/registers/queries";
import { ENTERPRISE_EXCLUDED_KINDS } from "@/lib/registers/mutations";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateEnterpriseForm } from "@/components/registers/enterprise-form";

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("newEnterprise") };
}

export default async function NewEnterprisePage() {
  const actor = await requirePermission("enterprise.manage");
  const t = await getTranslations("registers");
  const [options, commissioners] = await Promise.all([orgUnitOptions(actor), commissionerOptions(actor)]);
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newEnterprise")} description={t("enterprisesIntro")} />
      <Card>
        <CreateEnterpriseForm
          options={options.filter((o) => !ENTERPRISE_EXCLUDED_KINDS.includes(o.kind))}
          commissioners={commissioners.map((c) => ({ id: c.id, name: c.name, username: c.username, orgName: c.orgUnit.name }))}
          draftKey={`draft:enterprise:new:${actor.id}`}
        />
      </Card>
    </div>
  );
}
