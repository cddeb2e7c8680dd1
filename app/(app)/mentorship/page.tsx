import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { listMentorshipProgrammes, myPairings } from "@/lib/mentorship/queries";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { ProgrammeStatusBadge } from "@/components/programmes/badges";

export async function generateMetadata() {
  const t = await getTranslations("mentorship");
  return { title: t("title") };
}

export default async function MentorshipPage() {
  const user = await requirePermission("mentorship.view");
  const t = await getTranslations("mentorship");
  const tStatuses = await getTranslations("programmeStatuses");
  const [programmes, mine] = await Promise.all([listMentorshipProgrammes(user), myPairings(user)]);

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={t("intro")} />
      {mine.length > 0 ? (
        <Card title={t("myPairings")}>
          <ul className="-my-2 divide-y divide-slate-100">
            {mine.map((p) => (
              <li key={p.id} className="py-2">
                <Link href={`/mentorship/pairings/${p.id}`} className="flex min-h-11 flex-wrap items-center gap-2 hover:text-brand-700">
                  <Badge tone={p.status === "ACTIVE" ? "green" : "slate"}>{t(`pairingStatus.${p.status}`)}</Badge>
                  <span className="font-medium">{p.mentorId === user.id ? t("youMentor", { name: p.trainee.name }) : t("youTrainee", { name: p.mentor.name })}</span>
                  <span className="text-sm text-slate-600">{p.programme.name} · <span className="tabular-nums">{formatCalendarDate(p.startDate)} – {formatCalendarDate(p.endDate)}</span></span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {programmes.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3">
          {programmes.map((p) => (
            <li key={p.id} className="relative rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <ProgrammeStatusBadge status={p.status} label={tStatuses(p.status)} />
              <h2 className="mt-1.5 text-base font-semibold text-slate-900">
                <Link href={`/mentorship/${p.id}`} className="break-words after:absolute after:inset-0 hover:text-brand-700 hover:underline">{p.name}</Link>
              </h2>
              <p className="mt-0.5 text-sm text-slate-600">{p.orgUnit.name} · <span className="tabular-nums">{formatCalendarDate(p.startDate)} – {formatCalendarDate(p.endDate)}</span></p>
              <p className="mt-1 text-sm text-slate-700">{t("programmeCounts", { pairings: p._count.pairings, members: p._count.poolMembers })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
