"use client";
// The operator's fast form during a call (and the officer's after a visit). Phone-friendly:
// big targets, tel keyboard for the number, category as one tap. Typed text is kept in
// localStorage (draftKey) until the submit succeeds. On success the confirmation number and
// the one-time tracking code are shown for the operator to read out to the caller.
// Offline (issue 16) the call goes into the outbox (the number and code come once it is sent:
// the request then shows in the list); a refused one opens here again (?outbox=<id>).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { intakeRequestAction } from "@/lib/hotline/actions";
import { intakeRequestContract, type IntakeValues } from "@/lib/hotline/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormShell } from "@/components/forms/form-shell";
import { Field, Input, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EnterpriseSearch, type EnterpriseMatch } from "./enterprise-search";

type Props = {
  userId: string;
  outboxItemId?: string;
  programmes: { id: string; name: string; categories: string[] }[];
  visit: { id: string; enterprise: { id: string; name: string; creditCode: string } | null } | null;
};

type Created = { id: string; number?: string; trackingCode?: string };

export function IntakeForm({ programmes, visit, userId, outboxItemId }: Props) {
  const t = useTranslations("hotline");
  const tField = useTranslations("field.resolve.forms");
  const [created, setCreated] = useState<Created | null>(null);
  const [queued, setQueued] = useState(false);
  const [picked, setPicked] = useState<EnterpriseMatch | null>(
    visit?.enterprise ? { id: visit.enterprise.id, label: visit.enterprise.name, detail: visit.enterprise.creditCode } : null,
  );
  const defaults: IntakeValues = {
    programmeId: programmes[0]?.id ?? "",
    enterpriseMode: "existing",
    enterpriseId: visit?.enterprise?.id ?? "",
    enterpriseName: "",
    creditCode: "",
    visitId: visit?.id ?? "",
    callerName: "",
    callerPhone: "",
    category: "",
    title: "",
    description: "",
    urgency: "NORMAL",
  };
  const { form, onSubmit, rootError, errorOf, pending, draftRestored, discardDraft } = useActionForm(intakeRequestContract, intakeRequestAction, {
    defaultValues: defaults,
    draftKey: visit?.id ? `hotline-intake:visit:${visit.id}` : visit?.enterprise ? `hotline-intake:enterprise:${visit.enterprise.id}` : "hotline-intake",
    onSuccess: (data) => {
      setCreated(data);
      setQueued(false);
      setPicked(null);
      form.reset(defaults);
      window.scrollTo({ top: 0 });
    },
    outboxItemId,
    offline: {
      userId,
      label: (v) => tField("intake", { title: [v.enterpriseMode === "existing" ? "" : v.enterpriseName, v.callerName, v.category].filter(Boolean).join(" · ") }),
      fixHref: "/hotline/new?outbox=<id>",
      onQueued: () => {
        setQueued(true);
        setPicked(null);
        window.scrollTo({ top: 0 });
      },
    },
  });
  const { register, watch, setValue } = form;
  const mode = watch("enterpriseMode");
  const programmeId = watch("programmeId");
  const category = watch("category");
  const enterpriseId = watch("enterpriseId");
  const categories = programmes.find((p) => p.id === programmeId)?.categories ?? [];

  if (created) {
    const link = created.number && created.trackingCode && typeof window !== "undefined"
      ? `${window.location.origin}/service/track?n=${encodeURIComponent(created.number)}&c=${encodeURIComponent(created.trackingCode)}`
      : null;
    return (
      <div className="space-y-4" data-testid="intake-created">
        <Alert tone="success">
          <p className="text-base font-semibold">{t("created")}</p>
          {created.number ? <p className="mt-1 text-lg font-semibold tabular-nums" data-testid="created-number">{t("createdNumber", { number: created.number })}</p> : null}
          {created.trackingCode ? <p className="text-lg font-semibold tabular-nums" data-testid="created-code">{t("createdCode", { code: created.trackingCode })}</p> : null}
          {created.trackingCode ? <p className="mt-2">{t("createdTell")}</p> : null}
          {link ? <p className="mt-2 break-all text-xs">{t("createdLink")}：{link}</p> : null}
        </Alert>
        <div className="flex flex-wrap gap-2">
          <LinkButton href={`/hotline/${created.id}`}>{t("openRequest")}</LinkButton>
          <Button variant="secondary" onClick={() => setCreated(null)}>{t("anotherRequest")}</Button>
        </div>
      </div>
    );
  }

  const selectEnterprise = (m: EnterpriseMatch | null) => {
    setPicked(m);
    setValue("enterpriseId", m?.id ?? "", { shouldValidate: form.formState.isSubmitted });
  };
  const restoredPick = !picked && enterpriseId ? { id: enterpriseId, label: t("enterprise"), detail: "" } : picked;

  return (
    <FormShell onSubmit={onSubmit} rootError={rootError} pending={pending} submitLabel={t("submit")} draftRestored={draftRestored} onDiscardDraft={() => { discardDraft(); setPicked(null); }} label={t("newTitle")}>
      {queued ? <Alert tone="success">{tField("queued")}</Alert> : null}
      {programmes.length > 1 ? (
        <Field id="programmeId" label={t("programme")} error={errorOf("programmeId")} required>
          {(p) => (
            <select {...p} {...register("programmeId")} className={cn(p.className, "h-11")}>
              {programmes.map((pr) => <option key={pr.id} value={pr.id}>{pr.name}</option>)}
            </select>
          )}
        </Field>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("enterpriseMode.legend")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></legend>
        <div className="grid grid-cols-3 gap-1 rounded-md bg-slate-100 p-1" role="radiogroup">
          {(["existing", "new", "name"] as const).map((m) => (
            <label key={m} className={cn("flex min-h-11 cursor-pointer items-center justify-center rounded px-2 text-center text-sm font-medium", mode === m ? "bg-white text-brand-800 shadow-sm" : "text-slate-600")}>
              <input type="radio" value={m} {...register("enterpriseMode")} className="sr-only" />
              {t(`enterpriseMode.${m}`)}
            </label>
          ))}
        </div>
        {mode === "existing" ? (
          <EnterpriseSearch inputId="enterpriseId" selected={restoredPick} onSelect={selectEnterprise} error={errorOf("enterpriseId")} />
        ) : (
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="enterpriseName" label={t("enterpriseName")} error={errorOf("enterpriseName")} required>
              {(p) => <Input {...p} {...register("enterpriseName")} autoComplete="organization" />}
            </Field>
            {mode === "new" ? (
              <Field id="creditCode" label={t("creditCode")} error={errorOf("creditCode")} hint={t("creditCodeNewHint")} required>
                {(p) => <Input {...p} {...register("creditCode")} autoCapitalize="characters" className={cn(p.className, "h-11 font-mono")} />}
              </Field>
            ) : null}
          </div>
        )}
      </fieldset>

      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="callerName" label={t("callerName")} error={errorOf("callerName")} required>
          {(p) => <Input {...p} {...register("callerName")} autoComplete="name" />}
        </Field>
        <Field id="callerPhone" label={t("callerPhone")} error={errorOf("callerPhone")} hint={t("callerPhoneHint")} required>
          {(p) => <Input {...p} {...register("callerPhone")} type="tel" inputMode="tel" autoComplete="tel" />}
        </Field>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("category")}<span aria-hidden="true" className="ml-0.5 text-red-600">*</span></legend>
        <div className="flex flex-wrap gap-2" aria-describedby={errorOf("category") ? "category-error" : undefined}>
          {categories.map((c) => (
            <label key={c} className={cn("inline-flex min-h-11 cursor-pointer items-center rounded-full border px-4 text-sm", category === c ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand-600")}>
              <input type="radio" value={c} {...register("category")} className="sr-only" />
              {c}
            </label>
          ))}
        </div>
        {errorOf("category") ? <p id="category-error" className="text-sm text-red-700">{errorOf("category")}</p> : null}
      </fieldset>

      <Field id="description" label={t("description")} error={errorOf("description")} hint={t("descriptionHint")} required>
        {(p) => <Textarea {...p} {...register("description")} rows={4} limit={2000} />}
      </Field>

      <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          className="size-5 accent-red-600"
          checked={watch("urgency") === "URGENT"}
          onChange={(e) => setValue("urgency", e.target.checked ? "URGENT" : "NORMAL")}
        />
        {t("urgency.URGENT")}
      </label>
    </FormShell>
  );
}
