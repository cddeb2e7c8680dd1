"use client";
// The edit page body of a register record: success notices, the edit form (re-created per
// saved version), the unmask button (only when allowed) and deactivate/reactivate.
import { useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/platform/action";
import { setEnterpriseActiveAction, setHouseholdActiveAction, unmaskEnterprisePhoneAction, unmaskHouseholdPhoneAction } from "@/lib/registers/actions";
import { ENTERPRISES, HOUSEHOLDS, type RegisterDescriptor } from "@/lib/registers/kinds";
import type { OrgOption } from "@/components/admin/org-options";
import { useLatestVersion } from "@/components/forms/use-version";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Unmask } from "@/components/ui/unmask";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EditHouseholdForm, type EditableHousehold } from "./household-form";
import { EditEnterpriseForm, type CommissionerOption, type EditableEnterprise } from "./enterprise-form";

type Common = { active: boolean; canManage: boolean; canUnmask: boolean; justCreated: boolean; readOnly: ReactNode };

export function HouseholdEditor({ household, options, ...common }: Common & { household: EditableHousehold; options: OrgOption[] }) {
  return (
    <Editor
      {...common}
      register={HOUSEHOLDS}
      id={household.id}
      version={household.version}
      displayName={household.headName}
      phoneMasked={household.phoneMasked}
      unmask={unmaskHouseholdPhoneAction}
      setActive={setHouseholdActiveAction}
      form={(onSaved) => <EditHouseholdForm key={household.version} household={household} options={options} onSaved={onSaved} />}
    />
  );
}

export function EnterpriseEditor({ enterprise, options, commissioners, ...common }: Common & { enterprise: EditableEnterprise; options: OrgOption[]; commissioners: CommissionerOption[] }) {
  return (
    <Editor
      {...common}
      register={ENTERPRISES}
      id={enterprise.id}
      version={enterprise.version}
      displayName={enterprise.name}
      phoneMasked={enterprise.contactPhoneMasked}
      unmask={unmaskEnterprisePhoneAction}
      setActive={setEnterpriseActiveAction}
      form={(onSaved) => <EditEnterpriseForm key={enterprise.version} enterprise={enterprise} options={options} commissioners={commissioners} onSaved={onSaved} />}
    />
  );
}

type EditorProps = Common & {
  /** Whose labels the card and the deactivate question use. */
  register: RegisterDescriptor;
  id: string;
  version: number;
  displayName: string;
  /** The masked phone ("" when none is registered): the unmask row shows only with one. */
  phoneMasked: string;
  unmask: (input: unknown) => Promise<ActionResult<{ value: string }>>;
  setActive: (input: unknown) => Promise<ActionResult<{ id: string; version: number }>>;
  form: (onSaved: () => void) => ReactNode;
};

function Editor({ register, id, version: renderedVersion, displayName, phoneMasked, active, canManage, canUnmask, justCreated, readOnly, unmask, setActive, form }: EditorProps) {
  const t = useTranslations("registers");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(justCreated ? { tone: "success", text: t("created") } : null);
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  // A save in the form (keepVersion there) or a (de)activation returns the record's new version.
  const [version, rememberVersion] = useLatestVersion(id, renderedVersion);

  const toggle = () =>
    startTransition(async () => {
      let r: ActionResult<{ id: string; version: number }>;
      try {
        r = await setActive({ id, version, active: !active });
      } catch {
        r = { ok: false, error: tErrors("network") };
      }
      setConfirming(false);
      if (r.ok) rememberVersion(r.data);
      setNotice(r.ok ? { tone: "success", text: active ? t("deactivated") : t("activated") } : { tone: "error", text: r.error });
      if (r.ok) router.refresh();
    });

  return (
    <div className="space-y-4">
      <div aria-live="polite">{notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}</div>
      {!active ? <Alert tone="warning">{t("inactiveNotice")}</Alert> : null}
      {canUnmask && phoneMasked ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-3 text-base shadow-sm">
          <span className="text-sm text-slate-500">{t(register.phoneField)}</span>
          <Unmask id={id} masked={phoneMasked} unmask={unmask} />
        </div>
      ) : null}
      {canManage ? (
        <Card title={t(register.labels.edit)}>
          {form(() => {
            setNotice({ tone: "success", text: t("saved") });
            router.refresh();
          })}
        </Card>
      ) : (
        <Card title={t("details")}>{readOnly}</Card>
      )}
      {canManage ? (
        <Card title={t("recordActions")}>
          <Button variant={active ? "danger" : "primary"} onClick={() => setConfirming(true)} disabled={pending}>
            {active ? t("deactivate") : t("activate")}
          </Button>
          <ConfirmDialog
            open={confirming}
            title={active ? t("deactivate") : t("activate")}
            message={active ? t(register.labels.confirmDeactivate, { name: displayName }) : t("confirmActivate", { name: displayName })}
            confirmLabel={active ? t("deactivate") : t("activate")}
            tone={active ? "danger" : "primary"}
            pending={pending}
            onConfirm={toggle}
            onCancel={() => setConfirming(false)}
          />
        </Card>
      ) : null}
    </div>
  );
}
