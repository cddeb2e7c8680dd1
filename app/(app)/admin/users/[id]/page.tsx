import { now as clockNow } from "@/lib/platform/clock";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/platform/auth/session";
import { can } from "@/lib/platform/authz/can";
import { getUserOrThrow } from "@/lib/users/queries";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { formatDateTime } from "@/lib/platform/format/dates";
import { PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/button";
import { UserEditor, type EditableUser } from "@/components/admin/user-editor";
import type { OrgOption } from "@/components/admin/org-options";
import { UserStatusBadges } from "@/components/admin/user-status";
import { loadOrNotFound, pageAuditName } from "@/lib/platform/audit/refusal";
import { ClientMessages } from "@/components/i18n/client-messages";

async function loadUser(id: string) {
  const actor = await requirePermission("user.manage");
  return { actor, user: await loadOrNotFound(actor, pageAuditName("/admin/users/[id]"), () => getUserOrThrow(actor, id)) };
}

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("edit") };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, user } = await loadUser(id);
  const t = await getTranslations("users");
  const tRoles = await getTranslations("roles");
  const locale = await getLocale();
  const now = clockNow();

  const options: OrgOption[] = await orgUnitOptions(actor);
  // The pickers list active units only; keep the user's current unit selectable even if it
  // has been deactivated since, so saving a name change does not move the user.
  if (!options.some((o) => o.id === user.orgUnitId)) {
    options.unshift({ id: user.orgUnitId, name: t("inactiveUnit", { name: user.orgUnit.name }), kind: "", level: 0 });
  }

  // Only what the form needs crosses to the browser (never the password hash or counters).
  // The full phone is shown to the administrator in the edit form only; lists stay masked.
  const editable: EditableUser = {
    id: user.id,
    username: user.username,
    name: user.name,
    phone: user.phone ?? "",
    dingtalkUserId: user.dingtalkUserId ?? "",
    role: user.role,
    orgUnitId: user.orgUnitId,
    orgUnitName: user.orgUnit.name,
    active: user.active,
    locked: !!user.lockedUntil && user.lockedUntil > now,
    version: user.version,
    isSelf: user.id === actor.id,
  };

  return (
    <ClientMessages namespaces={["roles", "users", "validation.*"]}>
      <div className="max-w-3xl">
        <PageHeader
          title={user.name}
          description={`${user.username} · ${tRoles(user.role)} · ${user.orgUnit.name}`}
          actions={<LinkButton href="/admin/users" variant="ghost">{t("backToList")}</LinkButton>}
        />
        <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-600">
          <UserStatusBadges active={user.active} lockedUntil={user.lockedUntil} mustChangePassword={user.mustChangePassword} now={now} />
          <span>{t("lastLoginAt", { time: user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t("never") })}</span>
          {user.dingtalkLinkedAt ? <span>{t("dingtalkLinkedAt", { time: formatDateTime(user.dingtalkLinkedAt, locale) })}</span> : null}
          {can(actor, "audit.view") ? (
            <Link href={`/admin/audit?entityType=User&entityId=${encodeURIComponent(user.id)}`} className="text-brand-700 underline">{t("auditTrail")}</Link>
          ) : null}
        </div>
        <UserEditor user={editable} options={options} />
      </div>
    </ClientMessages>
  );
}
