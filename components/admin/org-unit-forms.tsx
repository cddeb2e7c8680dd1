"use client";
// The per-unit forms of the org-unit page: add a unit below, rename, move. Each reports
// success upwards (the panel shows the notice and refreshes the page); server errors stay
// in the form, next to the fields.
import { useTranslations } from "next-intl";
import { createOrgUnitAction, moveOrgUnitAction, renameOrgUnitAction } from "@/lib/platform/org/actions";
import { createOrgUnitContract, moveOrgUnitContract, renameOrgUnitContract, ORG_UNIT_KINDS } from "@/lib/platform/org/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { keepVersion } from "@/components/forms/use-version";
import { Field, Input, Select } from "@/components/ui/field";
import { indentedName, type OrgOption } from "./org-options";

export type PanelUnit = { id: string; name: string; kind: string; code: string | null; path: string; parentId: string | null; version: number; active: boolean };

type Kind = (typeof ORG_UNIT_KINDS)[number];

/** The usual kind one level down, as a sensible default. */
const CHILD_KIND: Record<Kind, Kind> = {
  CITY: "DISTRICT",
  DISTRICT: "STREET",
  ZONE: "STREET",
  STREET: "COMMUNITY",
  TOWN: "VILLAGE",
  VILLAGE: "GRID",
  COMMUNITY: "GRID",
  GRID: "GRID",
  DEPARTMENT: "DEPARTMENT",
};

function childKind(kind: string): Kind {
  return CHILD_KIND[kind as Kind] ?? "GRID";
}

export function AddChildForm({ parent, onDone }: { parent: PanelUnit; onDone: (message: string) => void }) {
  const t = useTranslations("orgUnits");
  const tKinds = useTranslations("orgKinds");
  const tCommon = useTranslations("common");
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(createOrgUnitContract, createOrgUnitAction, {
    defaultValues: { parentId: parent.id, name: "", kind: childKind(parent.kind), code: "" },
    onSuccess: () => {
      const name = form.getValues("name");
      form.reset();
      onDone(t("createdNamed", { name: name.trim(), parent: parent.name }));
    },
  });
  const { register } = form;
  const id = (f: string) => `add-${parent.id}-${f}`;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("addChild")} label={t("addChildTo", { name: parent.name })}>
      <p className="text-sm text-slate-600">{t("addChildTo", { name: parent.name })}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id={id("name")} label={t("name")} error={errorOf("name")} required>
          {(p) => <Input {...p} autoComplete="off" {...register("name")} />}
        </Field>
        <Field id={id("kind")} label={t("kind")} error={errorOf("kind")} required>
          {(p) => (
            <Select {...p} {...register("kind")}>
              {ORG_UNIT_KINDS.map((k) => (
                <option key={k} value={k}>{tKinds(k)}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={id("code")} label={<>{t("code")} <span className="font-normal text-slate-500">（{tCommon("optional")}）</span></>} error={errorOf("code")} hint={t("codeHint")}>
          {(p) => <Input {...p} autoComplete="off" autoCapitalize="off" spellCheck={false} {...register("code")} />}
        </Field>
      </div>
    </FormShell>
  );
}

export function RenameForm({ unit, onDone }: { unit: PanelUnit; onDone: (message: string) => void }) {
  const t = useTranslations("orgUnits");
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(renameOrgUnitContract, renameOrgUnitAction, {
    defaultValues: { id: unit.id, name: unit.name, version: unit.version },
    onSuccess: (data) => {
      keepVersion(unit.id, data, (v) => form.setValue("version", v));
      onDone(t("renamed"));
    },
  });
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("rename")} label={t("rename")}>
      <Field id={`rename-${unit.id}-name`} label={t("name")} error={errorOf("name")} required className="max-w-md">
        {(p) => <Input {...p} autoComplete="off" {...form.register("name")} />}
      </Field>
    </FormShell>
  );
}

export function MoveForm({
  unit, parentName, options, pathById, onDone,
}: {
  unit: PanelUnit;
  parentName: string | null;
  options: OrgOption[];
  pathById: Record<string, string>;
  onDone: (message: string, newParentId: string) => void;
}) {
  const t = useTranslations("orgUnits");
  // Not into its own subtree (that would cut the branch off), and not where it already is.
  // The current parent stays listed (disabled) so the indentation still reads as a tree.
  const targets = options.filter((o) => !(pathById[o.id] ?? "").startsWith(unit.path));
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(moveOrgUnitContract, moveOrgUnitAction, {
    defaultValues: { id: unit.id, newParentId: "", version: unit.version },
    onSuccess: (data) => {
      keepVersion(unit.id, data, (v) => form.setValue("version", v));
      onDone(t("moved"), form.getValues("newParentId"));
    },
  });
  if (!targets.some((o) => o.id !== unit.parentId)) return <p className="text-sm text-slate-600">{t("noMoveTargets")}</p>;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("move")} label={t("move")}>
      {parentName ? <p className="text-sm text-slate-600">{t("currentParent", { name: parentName })}</p> : null}
      <Field id={`move-${unit.id}-parent`} label={t("newParent")} error={errorOf("newParentId")} hint={t("moveHint")} required className="max-w-md">
        {(p) => (
          <Select {...p} {...form.register("newParentId")}>
            <option value="">{t("selectUnit")}</option>
            {targets.map((o) => (
              <option key={o.id} value={o.id} disabled={o.id === unit.parentId}>
                {o.id === unit.parentId ? t("currentParentOption", { name: indentedName(o) }) : indentedName(o)}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </FormShell>
  );
}
