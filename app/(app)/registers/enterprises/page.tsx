import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { ENTERPRISES } from "@/lib/registers/kinds";
import { listEnterprises } from "@/lib/registers/queries";
import { parseEnterpriseFilterWithIgnored } from "@/lib/registers/filters";
import { ENTERPRISE_SIZES } from "@/lib/registers/schemas";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { Badge } from "@/components/ui/card";
import { ActiveBadge, RowLink, filterControl } from "@/components/registers/list-bits";
import { registerList, registerListMetadata } from "@/components/registers/register-list";

export const generateMetadata = () => registerListMetadata(ENTERPRISES);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EnterprisesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission(ENTERPRISES.view);
  const t = await getTranslations("registers");
  const { filter, after, ignored } = parseEnterpriseFilterWithIgnored(await searchParams);
  const [{ enterprises, nextCursor }, units] = await Promise.all([listEnterprises(actor, filter, after), orgUnitOptions(actor)]);

  return registerList({
    register: ENTERPRISES, actor, filter, after, ignored, rows: enterprises, nextCursor, units,
    own: {
      name: "size",
      label: t("size"),
      control: (
        <select id="f-size" name="size" defaultValue={filter.size ?? ""} className={filterControl}>
          <option value="">{t("allSizes")}</option>
          {ENTERPRISE_SIZES.map((s) => (
            <option key={s} value={s}>{t(`sizes.${s}`)}</option>
          ))}
        </select>
      ),
    },
    card: (e) => (
      <>
        <div className="font-medium text-slate-900">{e.name}</div>
        <div className="mt-0.5 font-mono text-xs text-slate-500">{e.creditCode}</div>
        <div className="mt-1 flex flex-wrap gap-1">
          <Badge tone={e.size === "ABOVE_SCALE" ? "blue" : "slate"}>{t(`sizes.${e.size}`)}</Badge>
          {!e.active ? <ActiveBadge active={false} /> : null}
        </div>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-slate-500">{t("grid")}</dt>
          <dd className="min-w-0 break-words">{e.orgUnit.name}</dd>
          <dt className="text-slate-500">{t("contactName")}</dt>
          <dd className="min-w-0 break-words">{e.contactName || "—"} <span className="font-mono">{e.contactPhoneMasked}</span></dd>
          <dt className="text-slate-500">{t("commissioner")}</dt>
          <dd>{e.commissioner?.name ?? t("noCommissioner")}</dd>
        </dl>
      </>
    ),
    columns: [
      { key: "name", label: t("enterpriseName") }, { key: "code", label: t("creditCode") }, { key: "org", label: t("grid") },
      { key: "industry", label: t("industry") }, { key: "size", label: t("size") }, { key: "contact", label: t("contactName") },
      { key: "phone", label: t("contactPhone") }, { key: "commissioner", label: t("commissioner") }, { key: "status", label: t("status") },
    ],
    cells: (e, href) => (
      <>
        <td className="px-3 py-2"><RowLink href={href}>{e.name}</RowLink></td>
        <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{e.creditCode}</td>
        <td className="whitespace-nowrap px-3 py-2">{e.orgUnit.name}</td>
        <td className="px-3 py-2">{e.industry || "—"}</td>
        <td className="whitespace-nowrap px-3 py-2">{t(`sizes.${e.size}`)}</td>
        <td className="whitespace-nowrap px-3 py-2">{e.contactName || "—"}</td>
        <td className="whitespace-nowrap px-3 py-2 font-mono">{e.contactPhoneMasked || "—"}</td>
        <td className="whitespace-nowrap px-3 py-2">{e.commissioner?.name ?? <span className="text-slate-400">{t("noCommissioner")}</span>}</td>
        <td className="px-3 py-2"><ActiveBadge active={e.active} /></td>
      </>
    ),
  });
}
