import { shanghaiYear } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { listSessions, listShowcaseProgrammes } from "@/lib/showcases/queries";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";

export async function generateMetadata() {
  const t = await getTranslations("showcase");
  return { title: t("title") };
}

export default async function ShowcasesPage() {
  const user = await requirePermission("showcase.view");
  const t = await getTranslations("showcase");
  const [programmes, sessions] = await Promise.all([listShowcaseProgrammes(user), listSessions(user)]);
  // The Shanghai year, not the UTC one: sessions are named by Shanghai quarters ("2027-Q1").
  const year = shanghaiYear();
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={can(user, "talentList.manage") ? <LinkButton href="/showcases/talent-list" variant="secondary">{t("talentList")}</LinkButton> : null}
      />
      {programmes.length === 0 && sessions.length === 0 ? <EmptyState>{t("empty")}</EmptyState> : null}
      {programmes.map((p) => {
        const mine = sessions.filter((s) => s.programme.id === p.id);
        return (
          <Card
            key={p.id}
            title={p.name}
            actions={
              <div className="flex flex-wrap gap-2">
                <LinkButton href={`/showcases/leaderboard?programmeId=${p.id}&year=${year}`} size="sm" variant="secondary">{t("yearLeaderboard", { year })}</LinkButton>
                {can(user, "showcase.manage", { orgPath: p.orgUnit.path }) && p.status === "ACTIVE" ? <LinkButton href={`/showcases/new?programmeId=${p.id}`} size="sm">{t("newSession")}</LinkButton> : null}
              </div>
            }
          >
            {mine.length === 0 ? (
              <EmptyState>{t("noSessions")}</EmptyState>
            ) : (
              <ul className="-my-2 divide-y divide-slate-100">
                {mine.map((s) => (
                  <li key={s.id} className="py-2">
                    <Link href={`/showcases/${s.id}`} className="flex min-h-11 flex-wrap items-center gap-2 hover:text-brand-700">
                      <Badge tone={s.status === "OPEN" ? "green" : "slate"}>{t(`sessionStatus.${s.status}`)}</Badge>
                      <span className="font-medium">{t("sessionName", { quarter: s.quarter })}</span>
                      {s.judges.length ? <Badge tone="blue">{t("youJudge")}</Badge> : null}
                      <span className="text-sm text-slate-600"><span className="tabular-nums">{formatCalendarDate(s.heldOn)}</span>{s.place ? ` · ${s.place}` : ""} · {t("counts", { entries: s._count.entries, judges: s._count.judges })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </div>
  );
}
