import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { HOUSEHOLD_UNIT_KINDS } from "@/lib/registers/mutations";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateHouseholdForm } from "@/components/registers/household-form";

export async function generateMetadata() {
  const t = await getTranslations("registers");
  return { title: t("newHousehold") };
}

export default async function NewHouseholdPage() {
  const actor = await requirePermission("household.manage");
  const t = await getTranslations("registers");
  const options = (await orgUnitOptions(actor)).filter((o) => HOUSEHOLD_UNIT_KINDS.includes(o.kind));
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("newHousehold")} description={t("householdsIntro")} />
      <Card>
        <CreateHouseholdForm options={options.map((o) => ({ ...o, level: 0 }))} draftKey={`draft:household:new:${actor.id}`} />
      </Card>
    </div>
  );
}
