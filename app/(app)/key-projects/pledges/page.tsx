import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ignoredChoice } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { formatCalendarDate } from "@/lib/platform/format/dates";
import { formatDueDate } from "@/lib/platform/format/deadline";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { pickProgramme } from "@/lib/programmes";
import { keyProjectKind } from "@/lib/key-projects/programme";
import { keyProjectOptions, keyProjectPeopleOptions, listPledges } from "@/lib/key-projects/queries";
import { todayInShanghai } from "@/lib/platform/shanghai";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { PledgeDoneButton, PledgeForm } from "@/components/key-projects/pledge-forms";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("keyProjects"))("pledges") };
}

export default async function PledgesPage({ searchParams }: { searchParams: Promise<{ programme?: string }> }) {
  const user = await requirePermission("keyProject.view");
  const t = await getTranslations("keyProjects");
  const locale = await getLocale();
  const requested = (await searchParams).programme;
  const { chosen } = await pickProgramme(keyProjectKind, user, requested);
  if (!chosen) return <><PageHeader title={t("pledges")} /><EmptyState>{t("noProgramme")}</EmptyState></>;
  const pledges = await listPledges(user, { programmeId: chosen.id });
  const mayManage = can(user, "pledge.manage");
  const [units, people, projects] = mayManage
    ? await Promise.all([orgUnitOptions(user), keyProjectPeopleOptions(user), keyProjectOptions(user, chosen.id)])
    : [[], [], []];
  const today = todayInShanghai();
  return (
    <ClientMessages namespaces={["keyProjects", "validation.*", "validation.investment"]}>
      <div className="max-w-4xl space-y-4">
        <PageHeader title={t("pledges")} description={t("pledgesIntro")} actions={<LinkButton variant="secondary" href={`/key-projects?programme=${chosen.id}`}>{t("back")}</LinkButton>} />
        <IgnoredFilters ignored={ignoredChoice("programme", requested, chosen.id)} labels={{ programme: t("programme") }} />
        {pledges.length === 0 ? <EmptyState>{t("emptyPledges")}</EmptyState> : (
          <Card>
            <ul className="-my-2 divide-y divide-slate-100">
              {pledges.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <span className="min-w-0">
                    <span className="block font-medium text-slate-900">{p.problem}</span>
                    <span className="block text-sm text-slate-600">
                      {p.orgUnit.name}{p.pledger ? ` · ${p.pledger.name}` : ""} · {t("dueOn")} {formatDueDate(p.dueOn, locale)}
                      {p.doneOn ? ` · ${t("doneOn")} ${formatCalendarDate(p.doneOn)}${p.doneOn > p.dueOn ? t("doneLate") : ""}` : ""}
                      {p.keyProject ? <> · <Link className="text-brand-800 underline" href={`/key-projects/${p.keyProject.id}`}>{p.keyProject.name}</Link></> : null}
                    </span>
                  </span>
                  <span className="flex items-center gap-2">
                    <Badge tone={p.effectiveStatus === "DONE" ? "green" : p.effectiveStatus === "MISSED" ? "red" : "slate"}>{t(`pledgeStatus.${p.effectiveStatus}`)}</Badge>
                    {p.status === "OPEN" && (can(user, "pledge.manage", { orgPath: p.orgUnit.path }) || p.pledgerId === user.id) ? <PledgeDoneButton id={p.id} version={p.version} today={today} /> : null}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {mayManage ? (
          <Card title={t("newPledge")}>
            <PledgeForm programmeId={chosen.id} units={units} people={people.map((p) => ({ id: p.id, name: p.name, orgName: p.orgUnit.name }))} projects={projects} />
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
