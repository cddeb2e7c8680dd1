import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listProgrammes } from "@/lib/programmes/queries";
import { formatCalendarDate } from "@/lib/format/dates";
import { Card, EmptyState, Badge } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { can } from "@/lib/authz/can";

export default async function HomePage() {
  const user = await requireUser();
  const t = await getTranslations();
  const programmes = await listProgrammes(db, user, { status: "ACTIVE" });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">{t("home.greeting", { name: user.name })}</h1>
          <p className="text-sm text-slate-600">{t("home.roleAt", { role: t(`roles.${user.role}`), org: user.orgName })}</p>
        </div>
        {/* The officer's most frequent task, one tap from home on a phone. */}
        {can(user, "visit.create") ? <LinkButton href="/visits/new" className="w-full sm:w-auto">{t("nav.recordVisit")}</LinkButton> : null}
      </div>
      <Card title={t("home.activeProgrammes")}>
        {programmes.length === 0 ? (
          <EmptyState>{t("home.noProgrammes")}</EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {programmes.map((p) => (
              <li key={p.id}>
                <Link href={`/programmes/${p.id}`} className="block rounded-md border border-slate-200 p-3 hover:border-brand-600 hover:bg-brand-50">
                  <div className="flex items-center gap-2">
                    <Badge tone="blue">{t(`programmeTypes.${p.type}`)}</Badge>
                    <span className="text-xs text-slate-500">{p.orgUnit.name}</span>
                  </div>
                  <p className="mt-1 font-medium text-slate-900">{p.name}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {t("home.period", { start: formatCalendarDate(p.startDate), end: formatCalendarDate(p.endDate) })} · {t("home.targetsSummary", { count: p._count.indicators })}
                  </p>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
