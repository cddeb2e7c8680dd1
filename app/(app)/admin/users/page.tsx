import { now as clockNow } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { ROLES } from "@/lib/platform/authz/permissions";
import { listUsers, type UserListFilter } from "@/lib/users/queries";
import { userFilterShape } from "@/lib/users/list-filter";
import { parseFilters } from "@/lib/platform/url-filters";
import { IgnoredFilters } from "@/components/ui/ignored-filters";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { formatDateTime } from "@/lib/platform/format/dates";
import { TableCard } from "@/components/ui/table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton, buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { indentedName } from "@/components/admin/org-options";
import { UserStatusBadges } from "@/components/admin/user-status";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePermission("user.manage");
  const t = await getTranslations("users");
  const tCommon = await getTranslations("common");
  const tRoles = await getTranslations("roles");
  const locale = await getLocale();

  // Query parameters are untrusted: each goes through the filter form's schema, one at a time.
  const { filter: f, ignored } = parseFilters(userFilterShape, await searchParams);
  const { q = "", role, org: orgUnitId = "", after } = f;
  const active = f.active === undefined ? undefined : f.active === "true";
  const filter: UserListFilter = { q: q || undefined, role, orgUnitId: orgUnitId || undefined, active };
  const [{ users, nextCursor }, options] = await Promise.all([listUsers(actor, filter, after), orgUnitOptions(actor)]);
  const now = clockNow();

  const filterParams = new URLSearchParams();
  if (q) filterParams.set("q", q);
  if (role) filterParams.set("role", role);
  if (orgUnitId) filterParams.set("org", orgUnitId);
  if (active !== undefined) filterParams.set("active", String(active));
  const withParams = (extra: Record<string, string>) => {
    const p = new URLSearchParams(filterParams);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    const s = p.toString();
    return s ? `/admin/users?${s}` : "/admin/users";
  };
  const filtered = filterParams.size > 0;
  const lastLogin = (d: Date | null) => (d ? formatDateTime(d, locale) : t("never"));

  return (
    <div>
      <PageHeader title={t("title")} description={t("intro")} actions={<LinkButton href="/admin/users/new">{t("new")}</LinkButton>} />

      <IgnoredFilters ignored={ignored} labels={{ q: tCommon("search"), org: t("orgUnit"), role: t("role"), active: t("status") }} />

      <form method="get" action="/admin/users" role="search" aria-label={tCommon("filter")} className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm lg:grid-cols-[2fr_2fr_1fr_1fr_auto]">
        <div className="col-span-2 space-y-1 lg:col-span-1">
          <label htmlFor="f-q" className="block text-sm font-medium text-slate-700">{tCommon("search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} maxLength={50} className={cn(controlClass, "h-11")} />
        </div>
        <div className="col-span-2 space-y-1 lg:col-span-1">
          <label htmlFor="f-org" className="block text-sm font-medium text-slate-700">{t("orgUnit")}</label>
          <select id="f-org" name="org" defaultValue={orgUnitId} className={cn(controlClass, "h-11")}>
            <option value="">{tCommon("all")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>{indentedName(o)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-role" className="block text-sm font-medium text-slate-700">{t("role")}</label>
          <select id="f-role" name="role" defaultValue={role ?? ""} className={cn(controlClass, "h-11")}>
            <option value="">{tCommon("all")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{tRoles(r)}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="f-active" className="block text-sm font-medium text-slate-700">{t("status")}</label>
          <select id="f-active" name="active" defaultValue={active === undefined ? "" : String(active)} className={cn(controlClass, "h-11")}>
            <option value="">{tCommon("all")}</option>
            <option value="true">{tCommon("active")}</option>
            <option value="false">{tCommon("inactive")}</option>
          </select>
        </div>
        <div className="flex items-end gap-2 lg:col-span-1">
          <button type="submit" className={buttonClass("primary", "md")}>{tCommon("filter")}</button>
          {filtered ? <Link href="/admin/users" className={buttonClass("ghost", "md")}>{tCommon("reset")}</Link> : null}
        </div>
      </form>

      {users.length === 0 ? (
        <EmptyState>{filtered ? t("noMatches") : t("empty")}</EmptyState>
      ) : (
        <>
          {/* Phones: one card per user, the whole card opens the user. */}
          <ul className="space-y-2 md:hidden" aria-label={t("title")}>
            {users.map((u) => (
              <li key={u.id}>
                <Link href={`/admin/users/${u.id}`} className="block rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-2">
                    <span className="font-medium text-slate-900">{u.name}</span>
                    <span className="font-mono text-sm text-slate-500">{u.username}</span>
                  </div>
                  <div className="mt-1"><UserStatusBadges active={u.active} lockedUntil={u.lockedUntil} mustChangePassword={u.mustChangePassword} now={now} /></div>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
                    <dt className="text-slate-500">{t("role")}</dt>
                    <dd>{tRoles(u.role)}</dd>
                    <dt className="text-slate-500">{t("orgUnit")}</dt>
                    <dd className="min-w-0 break-words">{u.orgUnit.name}</dd>
                    <dt className="text-slate-500">{t("phone")}</dt>
                    <dd className="font-mono">{u.phoneMasked || "—"}</dd>
                    <dt className="text-slate-500">{t("lastLogin")}</dt>
                    <dd>{lastLogin(u.lastLoginAt)}</dd>
                  </dl>
                </Link>
              </li>
            ))}
          </ul>

          <TableCard caption={t("title")} columns={[{ key: "username", label: t("username") }, { key: "name", label: t("name") }, { key: "phone", label: t("phone") }, { key: "role", label: t("role") }, { key: "org", label: t("orgUnit") }, { key: "status", label: t("status") }, { key: "lastLogin", label: t("lastLogin") }, { key: "actions", label: tCommon("actions"), srOnly: true }]}>
                <tbody className="divide-y divide-slate-100">
                  {users.map((u) => (
                    <tr key={u.id} className="hover:bg-slate-50">
                      <td className="px-3 py-2 font-mono">
                        <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">{u.username}</Link>
                      </td>
                      <td className="px-3 py-2">{u.name}</td>
                      <td className="whitespace-nowrap px-3 py-2 font-mono">{u.phoneMasked || "—"}</td>
                      <td className="whitespace-nowrap px-3 py-2">{tRoles(u.role)}</td>
                      <td className="px-3 py-2">{u.orgUnit.name}</td>
                      <td className="px-3 py-2"><UserStatusBadges active={u.active} lockedUntil={u.lockedUntil} mustChangePassword={u.mustChangePassword} now={now} /></td>
                      <td className="whitespace-nowrap px-3 py-2 text-slate-600">{lastLogin(u.lastLoginAt)}</td>
                      <td className="px-3 py-2 text-right">
                        <Link href={`/admin/users/${u.id}`} className={buttonClass("ghost", "sm")} aria-label={t("editNamed", { name: u.name })}>{tCommon("edit")}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
          </TableCard>
        </>
      )}

      <KeysetPager label={t("pages")} firstHref={after ? withParams({}) : undefined} nextHref={nextCursor ? withParams({ after: nextCursor }) : undefined} />
    </div>
  );
}
