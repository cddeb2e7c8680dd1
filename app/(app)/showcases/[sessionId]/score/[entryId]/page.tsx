import { Link } from "@/components/ui/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { getSessionOrThrow, myScores, recusalOf } from "@/lib/showcases/queries";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ScoreSheet } from "@/components/showcases/score-sheet";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("showcase");
  return { title: t("scoreSheet") };
}

export default async function ScorePage({ params }: { params: Promise<{ sessionId: string; entryId: string }> }) {
  const user = await requirePermission("showcase.score");
  const { sessionId, entryId } = await params;
  const session = await loadOrNotFound(user, pageAuditName("/showcases/[sessionId]/score/[entryId]"), () => getSessionOrThrow(user, sessionId));
  if (!session.isJudge) forbidden();
  const entry = session.entries.find((e) => e.id === entryId);
  if (!entry) notFound();
  const t = await getTranslations("showcase");
  const recusal = recusalOf(session, user.id, entry);
  const mine = (await myScores(user, session.id)).filter((s) => s.entryId === entry.id);
  const scorable = session.entries.filter((e) => !recusalOf(session, user.id, e));
  const next = scorable[(scorable.findIndex((e) => e.id === entry.id) + 1) % scorable.length];
  return (
    <ClientMessages namespaces={["showcase"]}>
      <div className="space-y-4">
        <Link href={`/showcases/${session.id}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="mr-1">←</span>
          {t("sessionName", { quarter: session.quarter })}
        </Link>
        <div>
          <h1 className="text-xl font-semibold text-slate-900 sm:text-2xl">{t("scoringFor", { name: entry.officer.name })}</h1>
          <p className="text-sm text-slate-700">{entry.topic}</p>
        </div>
        <Card className="max-w-2xl">
          {session.status !== "OPEN" ? (
            <Alert tone="info">{t("locked")}</Alert>
          ) : recusal ? (
            <Alert tone="warning">{t(`recusalExplain.${recusal}`)}</Alert>
          ) : (
            <ScoreSheet
              entryId={entry.id}
              criteria={session.criteria.map((c) => ({ id: c.id, dimension: c.dimension, name: c.name, weight: Number(c.weight), maxScore: c.maxScore }))}
              initial={Object.fromEntries(mine.map((s) => [s.criterionId, s.score]))}
              nextHref={next && next.id !== entry.id ? `/showcases/${session.id}/score/${next.id}` : null}
            />
          )}
          <p className="mt-3 text-xs text-slate-500">{t("secrecy")}</p>
        </Card>
      </div>
    </ClientMessages>
  );
}
