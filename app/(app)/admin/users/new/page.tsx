import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("new") };
}

export default async function NewUserPage() {
  const actor = await requirePermission("user.manage");
  const t = await getTranslations("users");
  const options = await orgUnitOptions(actor);
  return (
    <ClientMessages namespaces={["roles", "users", "validation.*"]}>
      <div className="max-w-3xl">
        <PageHeader title={t("new")} description={t("newIntro")} actions={<LinkButton href="/admin/users" variant="ghost">{t("backToList")}</LinkButton>} />
        <Card>
          {/* The draft is per admin, so a shared office computer does not hand it to the next person. */}
          <CreateUserForm options={options} draftKey={`draft:user.create:${actor.id}`} />
        </Card>
      </div>
    </ClientMessages>
  );
}
