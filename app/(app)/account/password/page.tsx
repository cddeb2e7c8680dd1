import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/platform/auth/session";
import { PageHeader, Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  const user = await requireUser({ allowPasswordChange: true });
  const t = await getTranslations("account");
  return (
    <ClientMessages namespaces={["account", "validation.*"]}>
      <div className="max-w-lg">
        <PageHeader title={t("title")} description={t("intro")} />
        {user.mustChangePassword ? <Alert tone="warning" className="mb-4">{t("mustChangeIntro")}</Alert> : null}
        <Card>
          <ChangePasswordForm forced={user.mustChangePassword} />
        </Card>
      </div>
    </ClientMessages>
  );
}
