import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { ENTERPRISE_EXCLUDED_KINDS } from "@/lib/registers/mutations";
import { getProspectOrThrow } from "@/lib/investment/queries";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ConvertProspectForm } from "@/components/investment/convert-form";
import { StageBadge } from "@/components/investment/stage-badge";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function ProspectPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("investment.view");
  const t = await getTranslations("investment");
  const p = await loadOrNotFound(user, pageAuditName("/investment/prospects/[id]"), async () => getProspectOrThrow(user, (await params).id));
  const mayConvert = !p.convertedEnterprise && can(user, "investment.record") && can(user, "enterprise.manage");
  const units = mayConvert ? (await orgUnitOptions(user)).filter((o) => !ENTERPRISE_EXCLUDED_KINDS.includes(o.kind)) : [];
  return (
    <ClientMessages namespaces={["investment", "validation.*", "validation.investment"]}>
      <div className="max-w-3xl space-y-4">
        <PageHeader title={p.name} description={[t("prospect"), p.city, p.sector, p.contactName].filter(Boolean).join(" · ")}
          actions={<LinkButton variant="secondary" href={`/investment/prospects?programme=${p.programmeId}`}>{t("back")}</LinkButton>} />
        {p.convertedEnterprise ? (
          <Alert tone="success" className="flex flex-wrap items-center justify-between gap-2">
            <span>{t("converted", { name: p.convertedEnterprise.name })}</span>
            <Link className="underline" href={`/registers/enterprises/${p.convertedEnterprise.id}`}>{t("viewEnterprise")}</Link>
          </Alert>
        ) : null}
        <Card title={t("leads")}>
          {p.leads.length === 0 ? <p className="text-sm text-slate-500">{t("noLeads")}</p> : (
            <ul className="space-y-2">
              {p.leads.map((l) => <li key={l.id} className="flex items-center gap-2"><Link className="text-brand-800 underline" href={`/investment/leads/${l.id}`}>{l.title}</Link><StageBadge stage={l.stage} label={t(`stage.${l.stage}`)} /></li>)}
            </ul>
          )}
        </Card>
        {mayConvert ? (
          <Card title={t("convert")}>
            <p className="mb-3 text-sm text-slate-600">{t("convertIntro")}</p>
            <ConvertProspectForm prospect={{ id: p.id, version: p.version, name: p.name, sector: p.sector, creditCode: p.creditCode ?? "" }} units={units} />
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
