import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { listTalentList } from "@/lib/showcases/queries";
import { shanghaiDate } from "@/lib/visits/campaigns/frequency";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";

export async function generateMetadata() {
  const t = await getTranslations("showcase");
  return { title: t("talentList") };
}

export default async function TalentListPage() {
  const user = await requirePermission("talentList.manage");
  const t = await getTranslations("showcase");
  const rows = await listTalentList(user);
  return (
    <div className="space-y-4">
      <Link href="/showcases" className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"><span aria-hidden="true" className="mr-1">←</span>{t("title")}</Link>
      <PageHeader title={t("talentList")} description={t("talentIntro")} />
      {(["PROFESSIONAL", "YOUNG"] as const).map((list) => {
        const items = rows.filter((r) => r.list === list);
        return (
          <Card key={list} title={`${t(`lists.${list}`)}（${items.length}）`}>
            {items.length === 0 ? <EmptyState>{t("listEmpty")}</EmptyState> : (
              <ul className="-my-2 divide-y divide-slate-100">
                {items.map((r) => (
                  <li key={r.id} className="py-2 text-sm">
                    <span className="font-medium text-slate-900">{r.user.name}</span> <span className="text-slate-600">{r.user.orgUnit.name}</span>
                    {r.note ? <p className="text-slate-700">{r.note}</p> : null}
                    <p className="text-xs text-slate-500">{t("addedBy", { name: r.addedBy.name, date: shanghaiDate(r.createdAt) })}</p>
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
