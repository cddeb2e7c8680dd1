import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { HOUSEHOLDS } from "@/lib/registers/kinds";
import { householdTagOptions, listHouseholds } from "@/lib/registers/queries";
import { parseHouseholdFilterWithIgnored } from "@/lib/registers/filters";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { Badge } from "@/components/ui/card";
import { ActiveBadge, RowLink, filterControl } from "@/components/registers/list-bits";
import { registerList, registerListMetadata } from "@/components/registers/register-list";

export const generateMetadata = () => registerListMetadata(HOUSEHOLDS);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HouseholdsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission(HOUSEHOLDS.view);
  const t = await getTranslations("registers");
  const { filter, after, ignored } = parseHouseholdFilterWithIgnored(await searchParams);
  const [{ households, nextCursor }, units, tags] = await Promise.all([
    listHouseholds(actor, filter, after),
    orgUnitOptions(actor),
    householdTagOptions(actor),
  ]);
  const tagBadges = (list: string[]) => list.map((tag) => <Badge key={tag} tone="amber">{tag}</Badge>);

  return registerList({
    register: HOUSEHOLDS, actor, filter, after, ignored, rows: households, nextCursor, units,
    own: {
      name: "tag",
      label: t("tags"),
      control: (
        <select id="f-tag" name="tag" defaultValue={filter.tag ?? ""} className={filterControl}>
          <option value="">{t("allTags")}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>{tag}</option>
          ))}
        </select>
      ),
    },
    card: (h) => (
      <>
        <div className="flex flex-wrap items-baseline justify-between gap-x-2">
          <span className="font-medium text-slate-900">{h.headName}</span>
          <span className="font-mono text-sm text-slate-500">{h.householdKey}</span>
        </div>
        <div className="mt-1 flex flex-wrap gap-1">
          {!h.active ? <ActiveBadge active={false} /> : null}
          {tagBadges(h.tags)}
        </div>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-slate-500">{t("village")}</dt>
          <dd className="min-w-0 break-words">{h.orgUnit.name}</dd>
          <dt className="text-slate-500">{t("address")}</dt>
          <dd className="min-w-0 break-words">{h.address || "—"}</dd>
          <dt className="text-slate-500">{t("phone")}</dt>
          <dd className="font-mono">{h.phoneMasked || "—"}</dd>
          <dt className="text-slate-500">{t("membersCount")}</dt>
          <dd>{h.membersCount}</dd>
        </dl>
      </>
    ),
    columns: [
      { key: "key", label: t("householdKey") }, { key: "name", label: t("headName") }, { key: "org", label: t("village") },
      { key: "address", label: t("address") }, { key: "phone", label: t("phone") }, { key: "members", label: t("membersCount"), className: "text-right" },
      { key: "tags", label: t("tags") }, { key: "status", label: t("status") },
    ],
    cells: (h, href) => (
      <>
        <td className="whitespace-nowrap px-3 py-2 font-mono"><RowLink href={href}>{h.householdKey}</RowLink></td>
        <td className="whitespace-nowrap px-3 py-2"><RowLink href={href}>{h.headName}</RowLink></td>
        <td className="whitespace-nowrap px-3 py-2">{h.orgUnit.name}</td>
        <td className="px-3 py-2">{h.address || "—"}</td>
        <td className="whitespace-nowrap px-3 py-2 font-mono">{h.phoneMasked || "—"}</td>
        <td className="px-3 py-2 text-right tabular-nums">{h.membersCount}</td>
        <td className="px-3 py-2"><span className="inline-flex flex-wrap gap-1">{tagBadges(h.tags)}</span></td>
        <td className="px-3 py-2"><ActiveBadge active={h.active} /></td>
      </>
    ),
  });
}
