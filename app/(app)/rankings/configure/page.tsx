// Create or edit a 赛马 scheme (admins, "ranking.configure").
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { INDICATORS } from "@/lib/dashboards/indicators";
import { getRankingSchemeOrThrow } from "@/lib/rankings/queries";
import type { RankingSchemeInput } from "@/lib/rankings/schemas";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { RankingSchemeForm } from "@/components/rankings/scheme-form";
import { rankableParents } from "@/lib/rankings/queries";
import { defaultThreshold } from "@/lib/rankings/method";
import { withUnit } from "@/lib/rankings/view";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ConfigureRankingPage({ searchParams }: Props) {
  const user = await requirePermission("ranking.configure");
  const sp = await searchParams;
  const id = typeof sp.id === "string" ? sp.id.slice(0, 64) : undefined;
  const t = await getTranslations("rankings");
  const td = await getTranslations("dashboards");
  let initial: RankingSchemeInput;
  const units = await rankableParents(user);
  if (id) {
    const s = await loadOrNotFound(user, pageAuditName("/rankings/configure"), () => getRankingSchemeOrThrow(user, id));
    initial = {
      id: s.id, version: s.version, name: s.name, parentOrgUnitId: s.parentOrgUnitId, active: s.active,
      // Rows saved before thresholds existed have none: the field stays empty, i.e. the default.
      weights: s.weights.map((w) => ({ indicatorKey: w.indicatorKey, weight: w.weight.toNumber(), threshold: w.threshold?.toString() ?? "" })),
    };
  } else {
    initial = { id: "", name: "", parentOrgUnitId: units[0]?.id ?? "", active: true, weights: [{ indicatorKey: "visits.coverage", weight: 1, threshold: "" }] };
  }
  return (
    <ClientMessages namespaces={["rankings", "validation.*", "validation.rankings"]}>
      <div className="space-y-4">
        <PageHeader title={id ? `${t("edit")} · ${initial.name}` : t("newScheme")} description={t("description")} actions={<LinkButton href="/rankings" variant="secondary">{t("backToRankings")}</LinkButton>} />
        <Card>
          <RankingSchemeForm
            initial={initial}
            units={units.map((u) => ({ value: u.id, label: u.name }))}
            indicators={INDICATORS.map((i) => ({
              value: i.key,
              label: `${td(`indicators.${i.key}`)}（${td(`units.${i.unit}`)} · ${t(`directions.${i.direction}`)}）`,
              defaultThreshold: withUnit(defaultThreshold(i.unit, i.direction), i.unit, td as never),
            }))}
          />
        </Card>
      </div>
    </ClientMessages>
  );
}
