// What the create and record pages of both registers share (server components): the
// create page's frame, the status line over a record (active, last change, audit trail) and
// the org units its editor may offer. The forms and the record's own fields stay per kind.
import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/platform/authz/can";
import { formatDateTime } from "@/lib/platform/format/dates";
import { orgUnitOptions } from "@/lib/platform/org/queries";
import { unitKindAllowed, type RegisterDescriptor } from "@/lib/registers/kinds";
import type { OrgOption } from "@/components/admin/org-options";
import { Card, PageHeader } from "@/components/ui/card";
import { ActiveBadge } from "./list-bits";

export async function newRecordMetadata(register: RegisterDescriptor) {
  const t = await getTranslations("registers");
  return { title: t(register.labels.create) };
}

/**
 * The units a new record may be put in. Households list their villages flat (`flat`: every
 * option at level 0); enterprises keep the tree's indentation.
 */
export async function recordUnitOptions(register: RegisterDescriptor, actor: Actor, flat: boolean): Promise<OrgOption[]> {
  const options = (await orgUnitOptions(actor)).filter((o) => unitKindAllowed(register, o.kind));
  return flat ? options.map((o) => ({ ...o, level: 0 })) : options;
}

/**
 * The units an editor may offer: those of a new record when the actor may manage it (none
 * otherwise), and the record's current unit even when it is no longer one of them (inactive,
 * or of another kind), so the form shows where the record is.
 */
export async function editorUnitOptions(
  register: RegisterDescriptor, actor: Actor, record: { orgUnitId: string; orgUnit: { name: string } }, canManage: boolean, flat: boolean,
): Promise<OrgOption[]> {
  const options = canManage ? await recordUnitOptions(register, actor, flat) : [];
  if (canManage && !options.some((o) => o.id === record.orgUnitId)) options.unshift({ id: record.orgUnitId, name: record.orgUnit.name, kind: "", level: 0 });
  return options;
}

export async function NewRecordShell({ register, children }: { register: RegisterDescriptor; children: ReactNode }) {
  const t = await getTranslations("registers");
  return (
    <div className="max-w-3xl">
      <PageHeader title={t(register.labels.create)} description={t(register.labels.intro)} />
      <Card>{children}</Card>
    </div>
  );
}

/** Active or not, when it last changed, and (for auditors) a link to its audit trail. */
export async function RecordStatus({ register, actor, record, className }: {
  register: RegisterDescriptor; actor: Actor; record: { id: string; active: boolean; updatedAt: Date }; className: string;
}) {
  const t = await getTranslations("registers");
  const locale = await getLocale();
  return (
    <div className={className}>
      <ActiveBadge active={record.active} />
      <span>{t("updatedAt", { time: formatDateTime(record.updatedAt, locale) })}</span>
      {can(actor, "audit.view") ? (
        <Link href={`/admin/audit?entityType=${register.entityType}&entityId=${encodeURIComponent(record.id)}`} className="text-brand-700 underline">{t("auditTrail")}</Link>
      ) : null}
    </div>
  );
}
