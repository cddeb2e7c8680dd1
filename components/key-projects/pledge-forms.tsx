"use client";
// 军令状: a new pledge (managers) and "mark done" (managers or the pledger).
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { completePledgeAction, createPledgeAction } from "@/lib/key-projects/actions";
import { createPledgeContract } from "@/lib/key-projects/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { useLatestVersion } from "@/components/forms/use-version";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { indentedName, type OrgOption } from "@/components/admin/org-options";

export function PledgeForm({ programmeId, units, people, projects }: {
  programmeId: string; units: OrgOption[]; people: { id: string; name: string; orgName: string }[]; projects: { id: string; name: string }[];
}) {
  const t = useTranslations("keyProjects");
  const router = useRouter();
  const { form, onSubmit, rootError, errorOf, pending } = useActionForm(createPledgeContract, createPledgeAction, {
    defaultValues: { programmeId, orgUnitId: units.length === 1 ? units[0]!.id : "", pledgerId: "", keyProjectId: "", problem: "", dueOn: "", note: "" },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { register } = form;
  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("newPledge")} label={t("newPledge")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="problem" label={t("pledgeProblem")} error={errorOf("problem")} required className="sm:col-span-2">{(p) => <Input {...p} {...register("problem")} />}</Field>
        <Field id="orgUnitId" label={t("pledgeUnit")} error={errorOf("orgUnitId")} required>
          {(p) => <Select {...p} {...register("orgUnitId")}><option value="">{t("choose")}</option>{units.map((u) => <option key={u.id} value={u.id}>{indentedName(u)}</option>)}</Select>}
        </Field>
        <Field id="pledgerId" label={t("pledger")} error={errorOf("pledgerId")}>
          {(p) => <Select {...p} {...register("pledgerId")}><option value="">{t("none")}</option>{people.map((u) => <option key={u.id} value={u.id}>{`${u.name}（${u.orgName}）`}</option>)}</Select>}
        </Field>
        <Field id="dueOn" label={t("dueOn")} error={errorOf("dueOn")} required>{(p) => <Input {...p} type="date" {...register("dueOn")} />}</Field>
        <Field id="keyProjectId" label={t("keyProject")} error={errorOf("keyProjectId")}>
          {(p) => <Select {...p} {...register("keyProjectId")}><option value="">{t("none")}</option>{projects.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}</Select>}
        </Field>
        <Field id="note" label={t("note")} error={errorOf("note")} className="sm:col-span-2">{(p) => <Textarea {...p} limit={1000} className={`${p.className} min-h-16`} {...register("note")} />}</Field>
      </div>
    </FormShell>
  );
}

export function PledgeDoneButton({ id, version: renderedVersion, today }: { id: string; version: number; today: string }) {
  const t = useTranslations("keyProjects");
  const [version, rememberVersion] = useLatestVersion(id, renderedVersion);
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button size="sm" variant="secondary" disabled={pending} aria-busy={pending} onClick={async () => {
        setPending(true);
        const r = await completePledgeAction({ id, version, doneOn: today, note: "" });
        setPending(false);
        if (r.ok) rememberVersion(r.data);
        setError(r.ok ? null : r.error);
        router.refresh();
      }}>{t("markDone")}</Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </span>
  );
}
