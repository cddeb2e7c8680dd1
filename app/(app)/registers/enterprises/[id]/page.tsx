// 一企一档 — one file per enterprise: profile and commissioner, then one section per
// programme (visits, hotline requests, problems …), then the unified timeline. The page is
// only a composition of section components (components/registers/enterprise-file/).
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { ENTERPRISES } from "@/lib/registers/kinds";
import { getEnterpriseOrThrow } from "@/lib/registers/queries";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { ProfileSection } from "@/components/registers/enterprise-file/profile-section";
import { VisitsSection } from "@/components/registers/enterprise-file/visits-section";
import { RequestsSection } from "@/components/registers/enterprise-file/requests-section";
import { ProblemsSection } from "@/components/registers/enterprise-file/problems-section";
import { TimelineSection } from "@/components/registers/enterprise-file/timeline-section";
import type { EnterpriseSectionProps } from "@/components/registers/enterprise-file/types";
import { InvestmentSection } from "@/components/investment/enterprise-investment-section";
import { EnterprisePointsSection } from "@/components/talent/enterprise-points-section";
import { EnterpriseStationCasesSection } from "@/components/service-stations/enterprise-cases-section";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

async function load(id: string) {
  const actor = await requirePermission(ENTERPRISES.view);
  return { actor, enterprise: await loadOrNotFound(actor, pageAuditName(`${ENTERPRISES.path}/[id]`), () => getEnterpriseOrThrow(actor, id)) };
}

export async function generateMetadata() {
  const t = await getTranslations("enterpriseFile");
  return { title: t("title") };
}

export default async function EnterprisePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { actor, enterprise: e } = await load(id);
  const t = await getTranslations("registers");
  const tf = await getTranslations("enterpriseFile");
  const section: EnterpriseSectionProps = { actor, enterprise: { id: e.id, name: e.name, orgUnitId: e.orgUnitId, orgPath: e.orgPath } };

  return (
    <ClientMessages namespaces={["registers", "validation.*", "field.resolve.forms", "validation.registers"]}>
      <div className="space-y-4">
        <PageHeader
          title={e.name}
          description={`${tf("title")} · ${e.creditCode} · ${e.orgUnit.name}`}
          actions={
            <>
              {can(actor, "request.intake") ? <LinkButton href={`/hotline/new?enterprise=${e.id}`} variant="secondary">{tf("newRequest")}</LinkButton> : null}
              <LinkButton href={ENTERPRISES.path} variant="ghost">{t(ENTERPRISES.labels.back)}</LinkButton>
            </>
          }
        />
        <div className="grid gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0 space-y-4">
            <ProfileSection actor={actor} enterprise={e} justCreated={(await searchParams).created === "1"} />
            <section aria-label={tf("sections")} className="space-y-4" data-enterprise-file-sections>
              {/* ── 一企一档 sections: one component per programme, each taking EnterpriseSectionProps.
                   Add yours below with one line (talent points/tier: h6; investment: h8). ── */}
              <RequestsSection {...section} />
              <VisitsSection {...section} />
              <ProblemsSection {...section} />
              <InvestmentSection {...section} />
              <EnterprisePointsSection {...section} />
              <EnterpriseStationCasesSection {...section} />
            </section>
          </div>
          <div className="min-w-0">
            <TimelineSection {...section} />
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
