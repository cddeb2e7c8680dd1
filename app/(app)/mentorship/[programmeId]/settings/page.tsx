import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getMentorshipProgramme } from "@/lib/mentorship/programme";
import { listTemplates } from "@/lib/mentorship/queries";
import { templateContentSchema } from "@/lib/mentorship/schemas";
import { Card } from "@/components/ui/card";
import { MentorshipHeader } from "@/components/mentorship/programme-header";
import { ExpectationsForm, TemplateForm } from "@/components/mentorship/settings-form";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("tabs.settings") };
}

export default async function MentorshipSettingsPage({ params }: { params: Promise<{ programmeId: string }> }) {
  const user = await requirePermission("mentorship.configure");
  const { programmeId } = await params;
  const programme = await loadOrNotFound(user, pageAuditName("/mentorship/[programmeId]/settings"), () => getMentorshipProgramme(user, programmeId));
  if (!can(user, "mentorship.configure", programme)) forbidden();
  const t = await getTranslations("mentorship");
  const templates = await listTemplates(programme.id);
  const s = programme.settings;
  return (
    <ClientMessages namespaces={["mentorship"]}>
      <div className="space-y-4">
        <MentorshipHeader user={user} programme={programme} current="settings" />
        <Card title={t("expectationsTitle")} className="max-w-3xl">
          <p className="mb-3 text-sm text-slate-600">{t("expectationsIntro")}</p>
          <ExpectationsForm programmeId={programme.id} version={programme.version} expectations={s.expectations} dueSoonDays={s.dueSoonDays} defaultCapacity={s.defaultCapacity} />
        </Card>
        {templates.map((tpl) => {
          const parsed = templateContentSchema.safeParse(tpl.content);
          return (
            <Card key={tpl.id} title={tpl.name} className="max-w-3xl">
              <TemplateForm programmeId={programme.id} template={{ id: tpl.id, name: tpl.name, active: tpl.active, content: parsed.success ? parsed.data : { areas: [] } }} />
            </Card>
          );
        })}
        <Card title={t("newTemplate")} className="max-w-3xl">
          <TemplateForm programmeId={programme.id} template={null} />
        </Card>
      </div>
    </ClientMessages>
  );
}
