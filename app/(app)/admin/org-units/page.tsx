import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { getOrgTree, orgUnitOptions, type OrgUnitNode } from "@/lib/platform/org/queries";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { OrgUnitTree } from "@/components/admin/org-unit-tree";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("orgUnits");
  return { title: t("title") };
}

export default async function OrgUnitsPage() {
  const user = await requirePermission("orgUnit.manage");
  const t = await getTranslations("orgUnits");
  const [root, options] = await Promise.all([getOrgTree(user), orgUnitOptions(user)]);

  const pathById: Record<string, string> = {};
  let total = 0;
  const walk = (n: OrgUnitNode) => {
    pathById[n.id] = n.path;
    total += 1;
    n.children.forEach(walk);
  };
  if (root) walk(root);

  return (
    <ClientMessages namespaces={["orgKinds", "orgUnits", "validation.*"]}>
      <div>
        <PageHeader title={t("title")} description={t("intro")} />
        <Card title={root ? t("summary", { count: total }) : undefined}>
          {root ? <OrgUnitTree root={root} options={options} pathById={pathById} /> : <EmptyState>{t("empty")}</EmptyState>}
        </Card>
      </div>
    </ClientMessages>
  );
}
